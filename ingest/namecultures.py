"""How names from other naming cultures are written in English-language news.

The name finder (ingest/names.py) and the surname coreference (ingest/coref.py) were built on
"Given Family" names. News about a global industry also writes:
- Arabic names with particles: "Khalid al-Mansouri" (a hyphenated lower-case article glued
  to the family name), later "Al-Mansouri", "Al Mansouri" or "Mansouri"; "Omar bin Rashid",
  "Aisha bint Khalid", later "Bin Rashid".
- Spanish and Portuguese double surnames: "José María Fernández Ortega", later "Fernández
  Ortega" or just "Fernández" (the first, paternal surname is the one used alone).
- Dutch and Flemish tussenvoegsels: "Sanne van der Berg", later "Van der Berg" (capitalized
  when it opens the mention), "Jan de Vries", later "De Vries".
- Vietnamese names, family name first, whose given name can be a word English capitalizes
  only at a sentence start ("Nguyễn Văn An").
- Letters that Unicode does not decompose into a base letter plus accent (ð, þ, đ, ø, ł, æ):
  "Sigríður Jónsdóttir" is "Sigridur Jonsdottir" in an ASCII-only feed, and accent folding
  alone does not meet the two.
- East Asian names in both orders and with or without the hyphen of a romanized given name:
  "Park Ji-hoon", "Ji-hoon Park", "Jihoon Park" are one person across articles, and so are
  "Chen Weiming" and "Weiming Chen", "Tanaka Hiroshi" and "Hiroshi Tanaka".

Everything here is pure string work on names, used by names.py, coref.py and extract.py.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import Claim

if TYPE_CHECKING:   # coref imports this module
    from .coref import PersonRegistry

# lower-case particles that stand between a given name and a family name
PARTICLES = frozenset("van von der den de da di du del della le la bin bint ibn al el dos das do ter ten y".split())
# an Arabic article glued to the family name by a hyphen ("al-Mansouri", "el-Sayed", "ad-Din")
GLUED_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|ur)-"
# capitalized words that headlines put right before a name and that are no part of it
# ("Anthropic Hires Apple Veteran Joe Park")
DESCRIPTOR_WORDS = frozenset(
    """Veteran Veterans Alum Alumna Alumnus Alumni Exec Execs Insider Insiders Pioneer Godfather Boss Star
    Whiz Guru Legend Luminary Mastermind Architect Creator Inventor Cofounder Co-founder Hire Hires Talent
    Poach Departs Exits Rejoins Returns Heads Names Taps Welcomes Adds Picks Nabs Lures Snags Recruits Loses
    Ousts Ousted Fires Fired Elevates Elevated Upped Appoints Selects Selected Chooses Chosen Enlists Lands
    Bolts Ditches Decamps Resigns Resigned Retires Retired Rehires Rehired Replaces Replaced Succeeds
    Googler Googlers Xoogler Amazonian Amazonians Microsoftie Microsofties Metamate""".split())
# Vietnamese family names (with and without diacritics), which open a three-word name
_VIET_FAMILY = frozenset(
    """Nguyễn Nguyen Trần Tran Lê Le Phạm Pham Hoàng Hoang Huỳnh Huynh Phan Vũ Vu Võ Vo Đặng Dang Bùi Bui
    Đỗ Do Hồ Ho Ngô Ngo Dương Duong Lý Ly Đinh Dinh Trương Truong Lâm Lam Mai Tô To Trịnh Trinh""".split())
# given names that are also English function words (so the name finder stops before them)
_VIET_GIVEN_WORDS = frozenset({"An", "Do", "Ha", "Ho", "Long", "To"})
_UNDECOMPOSED = str.maketrans({"ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                               "ł": "l", "Ł": "L", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ı": "i"})
_SPANISH_SURNAME = re.compile(r"(?:ez|éz|az|iz|oz|es)$")
_FAMILY_FIRST_HINT = re.compile(r"^[A-Z][a-z]+-[a-z]+$")   # "Ji-hoon", "Min-jun": a romanized Korean given name


# common Japanese family names, written first in Japanese order ("Tanaka Hiroshi") and last in
# Western order ("Hiroshi Tanaka")
_JAPANESE_FAMILY = frozenset(
    """Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi
    Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda
    Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota
    Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada Ono Tamura Takeuchi Kaneko Wada Nakayama Ishida Ueda
    Morita Hara Shibata Sakai Kudo Yokoyama Miyazaki Miyamoto Uchida Takagi Ando Taniguchi Maruyama Imai Takeda
    Murata Ueno Sugiyama Masuda Hirano Otsuka Chiba Kubo Matsui Iwasaki Sakurai Kinoshita Noguchi Matsuo Nomura
    Kikuchi Sano Onishi Sugimoto Arai Okabe Hirose Miyake""".split())


def _east_asian_pair(a: str, b: str) -> bool:
    """A two-word name whose order other articles may reverse: one word a Chinese, Korean,
    Vietnamese or Japanese family name, and (for the names English also has as surnames: Lee,
    Park, Lin) neither word a given name English gender lists know ("Ryan Lee" stays)."""
    from .coref import FAMILY_FIRST            # (coref imports this module)
    from .givennames import given_gender
    if a in _JAPANESE_FAMILY or b in _JAPANESE_FAMILY:
        return True
    return (a in FAMILY_FIRST or b in FAMILY_FIRST) and given_gender(a.casefold()) is None and given_gender(b.casefold()) is None


def ascii_form(name: str) -> str:
    """The name as an ASCII-only source writes it: accents dropped and ð/þ/đ/ø/ł/æ spelled out."""
    s = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return "".join(c for c in s if not unicodedata.combining(c))


def extra_surnames(tokens: list[str]) -> list[str]:
    """Single-word mentions besides the last token that stand for a full name: the bare and
    capitalized forms of a glued Arabic family name ("al-Mansouri" -> "Al-Mansouri",
    "Mansouri") and the paternal surname of a Spanish double surname ("Fernández")."""
    out: list[str] = []
    last = tokens[-1]
    m = re.match(GLUED_ARTICLE, last)
    if m and len(last) > m.end() + 1:
        out += [last[0].upper() + last[1:], last[m.end():]]
    if len(tokens) >= 4 and tokens[-2] not in PARTICLES and tokens[-2][:1].isupper() or \
            len(tokens) == 3 and _SPANISH_SURNAME.search(tokens[-2]) and tokens[-2][:1].isupper():
        out.append(tokens[-2])
    return out


def is_name_tail(short: list[str], full: list[str]) -> bool:
    """`short` ("Van der Berg", "Fernández Ortega", "Al Mansouri") is how the article refers
    to `full` ("Sanne van der Berg") later: its last two or more words, case-blind."""
    if len(short) < 2 or len(short) >= len(full):
        return False
    return [t.casefold() for t in full[-len(short):]] == [t.casefold() for t in short]


_DESCRIBED = re.compile(r"\s+(?:Veterans?|Alum(?:na|nus|ni)?|Execs?|Insiders?)\b")


def refine_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A found name's span corrected for naming cultures and headline shapes: None for the
    words before a descriptor noun ("Google Search Partnerships Veteran P": a description),
    a Vietnamese given name that reads as an English word added ("Nguyễn Văn An")."""
    if _DESCRIBED.match(text, end):
        return None
    return start, _extend_given(text, start, end)


def _extend_given(text: str, start: int, end: int) -> int:
    """The end of a Vietnamese name whose last word reads as an English word ("Nguyễn Văn
    An"): two name words opened by a Vietnamese family name, then the given name."""
    words = text[start:end].split()
    if len(words) != 2 or words[0] not in _VIET_FAMILY:
        return end
    m = re.match(r"\s([A-Z][a-z]{1,3})\b(?![-'’])", text[end:end + 6])
    if m and m.group(1) in _VIET_GIVEN_WORDS:
        return end + m.end()
    return end


@lru_cache(maxsize=4096)
def name_variants(name: str) -> tuple[str, ...]:
    """Other spellings of one person's name that other articles use: ASCII-only, the other
    word order of a two-word East Asian name, a romanized given name without its hyphen."""
    out: list[str] = []
    asc = ascii_form(name)
    if asc != name:
        out.append(asc)
    toks = name.split()
    if len(toks) == 2:
        a, b = toks
        if _FAMILY_FIRST_HINT.match(b):           # "Park Ji-hoon"
            out += [f"{b} {a}", f"{b.replace('-', '').capitalize()} {a}", f"{a} {b.replace('-', '').capitalize()}"]
        elif _FAMILY_FIRST_HINT.match(a):         # "Ji-hoon Park"
            out += [f"{b} {a}", f"{a.replace('-', '').capitalize()} {b}", f"{b} {a.replace('-', '').capitalize()}"]
        elif _east_asian_pair(a, b):              # "Chen Weiming" / "Weiming Chen", "Tanaka Hiroshi"
            out.append(f"{b} {a}")
    return tuple(v for v in dict.fromkeys(out) if v != name)


def merge_name_tails(registry: "PersonRegistry") -> None:
    """Join a later partial mention that the name finder read as a full name of its own ("Van
    der Berg", "Fernández Ortega", "Bin Rashid") to the one longer name it ends, so the two
    are one person; a tail that ends two different full names stays apart."""
    if len(registry.full) < 2:
        return
    forms = {key: [f.split() for f in fs] for key, fs in registry.full.items()}
    for key, fs in forms.items():
        if not fs or any(len(f) > 3 for f in fs):
            continue
        owners = {k for k, longer in forms.items() if k != key
                  and any(is_name_tail(f, g) for f in fs for g in longer)}
        if len(owners) == 1:
            owner = owners.pop()
            for f in list(registry.full.get(key, [])):
                registry.alias(f, owner)


def with_variants(claims: list[Claim]) -> list[Claim]:
    """Claims whose person aliases also carry the spellings other articles use for the same
    name (`name_variants`), so the resolver meets "Sigríður" and "Sigridur" as one person."""
    out = []
    for c in claims:
        extra = [v for v in name_variants(c.person) if v not in c.person_aliases]
        out.append(replace(c, person_aliases=tuple(c.person_aliases) + tuple(extra)) if extra else c)
    return out
