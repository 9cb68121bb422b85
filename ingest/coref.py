"""Who a short mention refers to: surnames, pronouns, "the company", "there".

News names a person in full once and then by surname or pronoun; it names an organization
and then calls it "the company". Rules, in order of reliability:
- A surname (last token of a full name the article gives anywhere, including the headline)
  refers to that full name when only one full name in the article ends with it; a surname
  shared by several refers to the one named in full most recently, except that a namesake
  named once in passing does not take it from the person the article opens with.
- A subject pronoun (he/she/they; gender is ignored because machine translation often gets it
  wrong) refers to the nearest person already mentioned in the same sentence, else to the
  salient person: the first person named in the most recent sentence that names one.
- "the company/firm/lab/startup" refers to the nearest organization before it in the
  sentence, else to the last organization named in earlier sentences; "there" does the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .namecultures import extra_surnames
from .names import NOT_NAME, WORD_SURNAMES, normalize_name

PRONOUN = re.compile(r"\b(he|she|they|He|She|They)\b")
POSS_PRONOUN = re.compile(r"\b(his|her|their|His|Her|Their)\b")
DEFINITE_ORG = re.compile(
    r"\b(?:the|The)\s+(?:company|firm|lab|laboratory|startup|start-up|organization|organisation|group|"
    r"AI\s+lab|ai\s+company|outfit|employer)\b(?!['’]s\s+(?:former|ex-))")


# Common Chinese, Korean and Vietnamese family names, which are often written first; a bare
# mention of one refers to the person whose full name starts with it.
FAMILY_FIRST = frozenset(
    """Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie
    Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu
    Ding Ren Shen Yao Jin Fu Qian Qin Xue Yan Zou Jia Kong Mao Shi Hou Bai Tan Fan Cui Duan Lei Qiu
    Hao Gong Shao Wan Meng Xiong Kim Park Choi Jung Kang Cho Yoon Jang Lim Shin Nguyen Tran Pham Hoang""".split())


def person_key(name: str) -> str:
    """Identity key of a full name: first and last token, case-blind, no middle initials."""
    toks = [t for t in normalize_name(name).replace("'s", "").split() if not re.fullmatch(r"[A-Z]\.", t)]
    if not toks:
        return name.casefold()
    return f"{toks[0]} {toks[-1]}".casefold() if len(toks) > 1 else toks[0].casefold()


@dataclass
class PersonRegistry:
    """The people an article names in full, and the short forms that point to them."""

    full: dict[str, list[str]] = field(default_factory=dict)   # key -> surface forms seen
    surname: dict[str, set[str]] = field(default_factory=dict)  # surname -> keys

    given: dict[str, set[str]] = field(default_factory=dict)    # given name -> keys ("Kit came from ...")
    seen: dict[str, list[int]] = field(default_factory=dict)    # key -> sentences naming them in full
    same: dict[str, str] = field(default_factory=dict)          # reversed-order key -> key

    def key_of(self, name: str) -> str:
        """The person key of a full name; family-name-first order ("Watanabe Kenji") maps to
        the given-name-first form the article also uses."""
        key = person_key(name)
        return self.same.get(key, key)

    def add(self, name: str, si: int = -1) -> str:
        """Register a full-name mention, returning its person key."""
        key = person_key(name)
        toks = key.split()
        if key not in self.full and len(toks) == 2:
            rev = f"{toks[1]} {toks[0]}"
            if rev in self.full:
                self.same[key] = rev
                key = rev
        self.seen.setdefault(key, []).append(si)
        self.full.setdefault(key, [])
        if name not in self.full[key]:
            self.full[key].append(name)
        toks = normalize_name(name).split()
        if person_key(name) == key:
            self.surname.setdefault(toks[-1], set()).add(key)
            for extra in extra_surnames(toks) if len(toks) >= 2 else ():
                self.surname.setdefault(extra, set()).add(key)   # "Al-Mansouri", "Fernández"
            if len(toks) >= 2 and toks[0] not in FAMILY_FIRST:
                self.given.setdefault(toks[0], set()).add(key)
            if len(toks) == 2 and toks[0] in FAMILY_FIRST:
                # "Sun Yifei ... Sun leads": an East Asian family name written first
                self.surname.setdefault(toks[0], set()).add(key)
        return key

    def alias(self, other: str, key: str) -> None:
        """`other` (a former or maiden name: "P, née Q") names the person `key`."""
        oth = person_key(other)
        if oth == key:
            return
        if " " in oth:
            self.same[oth] = key
            self.full.pop(oth, None)
            self.seen.pop(oth, None)
            for keys in list(self.surname.values()) + list(self.given.values()):
                keys.discard(oth)
        self.surname.setdefault(normalize_name(other).split()[-1], set()).add(key)

    def resolve_surname(self, token: str, si: int | None = None, given: bool = True) -> str | None:
        """The person key a single-token mention refers to, if unambiguous."""
        if token in NOT_NAME and token not in WORD_SURNAMES:
            return None
        keys = self.surname.get(token)
        if keys and len(keys) == 1:
            return next(iter(keys))
        if not keys and given:
            # a given name alone (podcasts, posts, profiles: "Kit came from Stripe"), when only one
            # person of the article has it and nobody has it as a surname
            keys = self.given.get(token)
            return next(iter(keys)) if keys and len(keys) == 1 else None
        if keys and si is not None:
            # shared surname: the one named in full most recently (this sentence or before)
            last = {k: max((x for x in self.seen.get(k, []) if x <= si), default=None) for k in keys}
            known = sorted(((v, k) for k, v in last.items() if v is not None), reverse=True)
            if known and (len(known) == 1 or known[0][0] > known[1][0]):
                # a relative or namesake named once in passing ("His daughter, Ada X, said ...") is
                # called by given name after that; the bare surname stays with the article's subject
                lead = min(self.seen, key=lambda k: (min(self.seen[k]), k))
                if lead in keys and lead != known[0][1] and len(self.seen.get(known[0][1], ())) == 1 \
                        and min(self.seen[lead]) <= 1:
                    return lead
                return known[0][1]
        return None

    def display(self, key: str) -> str:
        """The fullest name the article gives: prefer a form without initials, the longest."""
        forms = self.full.get(key) or [key]
        plain = [f for f in forms if not re.search(r"\b[A-Z]\.", f)]
        pool = plain or forms
        return max(pool, key=lambda f: (len(f.split()), -forms.index(f)))

    def aliases(self, key: str) -> tuple[str, ...]:
        """Other surface forms of the person, plus the bare surname."""
        forms = list(self.full.get(key, []))
        disp = self.display(key)
        sur = normalize_name(disp).split()[-1]
        out = [f for f in forms if f != disp]
        if sur not in out and sur != disp:
            out.append(sur)
        return tuple(out)


_SUBJECT_VERB = (r"(?:previously|formerly|also|later|then|now|once|has|had|is|was|will|would|said|says|told|"
                 r"joined|joins|left|leaves|led|leads|spent|worked|works|moved|returned|became|started|founded)")


def surname_pattern(registry: PersonRegistry, text: str = "") -> re.Pattern[str] | None:
    """A regex matching any unambiguous surname (with optional possessive) of the article, and
    the given names `text` uses more often than the full names that begin with them."""
    names = [s for s, keys in registry.surname.items() if keys and s not in NOT_NAME and len(s) > 1]
    names += [g for g, keys in registry.given.items() if len(keys) == 1 and g not in registry.surname
              and g not in NOT_NAME and len(g) > 2 and text.count(g) > len(registry.seen.get(next(iter(keys)), ()))]
    # "Nguyen Van An ... An joined O": a word-shaped name one person of the article has, alone,
    # only as a verb's subject ("An engineer", "Do you" stay words; "He" stays the pronoun)
    words = [w for w in WORD_SURNAMES - {"He"} if len(registry.surname.get(w, ())) == 1]
    if not names and not words:
        return None
    alts = []
    if names:
        alts.append(r"(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?=['’]s\b|\b)")
    if words:
        alts.append(r"(?:" + "|".join(sorted(words)) + r")(?=\s+" + _SUBJECT_VERB + r"\b)")
    return re.compile(r"(?<![\w@])(" + "|".join(alts) + ")")
