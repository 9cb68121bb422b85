"""Word classes and trigger patterns of the rule-based extractor, and the small text tests
built on them: role cleaning, negation/modality scope, clause boundaries.

Every pattern runs over *marked strings* (see ingest/marking.py): «P3» is a person, «Q3» a
person reached through a pronoun, «O1» an organization, «D2» a date.
"""
from __future__ import annotations

import re

# ----------------------------------------------------------------------------- lexicon
ROLE_HEAD = re.compile(
    r"\b(?:chief|head|lead|leader|director|president|vp|svp|evp|vice[- ]president|officer|ceo|cto|"
    r"cfo|coo|cso|cpo|cro|cmo|cio|founder|co-?founder|founding|researcher|scientist|engineer|manager|"
    r"member|staff|fellow|partner|chair|chairman|chairwoman|chairperson|advis[oe]r|executive|"
    r"architect|principal|intern|resident|lecturer|dean|physician|professor|postdoc|investor|counsel|secretary|treasurer|analyst|"
    r"designer|developer|strategist|evangelist|gm|co-lead|colead|head|boss|chief|employee|"
    r"leads?|heads?|manag(?:es|ed)|runs|ran|directs|oversees|oversaw|led|headed|works|worked|"
    r"researcher|board|trustee|director|contributor|technologist|editor|hire|recruit|veteran|alum|alumnus|alumna)\b",
    re.I)
ROLE_WORD = (r"(?:(?-i:[A-Z][\w&/.-]*)|of|and|the|for|&|in|on|ai|chief|head|lead|leader|director|president|vice|vp|"
             r"svp|evp|officer|executive|founder|co-founder|cofounder|founding|researcher|research|"
             r"scientist|scientific|engineer|engineering|manager|member|technical|principal|senior|staff|"
             r"distinguished|fellow|partner|chair|chairman|chairwoman|board|advisor|adviser|product|"
             r"post-training|pre-training|pretraining|posttraining|safety|alignment|policy|global|general|"
             r"counsel|managing|interim|acting|deputy|associate|assistant|team|science|applied|"
             r"operations|strategy|developer|design|designer|architect|security|infrastructure|data|"
             r"ml|machine|learning|models?|training|inference|reasoning|superalignment|intern|resident|lecturer|dean|physician|visiting|"
             r"professor|postdoc|co-lead|colead|longtime|veteran|top|star|computer|vision|robotics|"
             r"hardware|software|platform|applications|consumer|enterprise|business|growth|"
             r"communications|marketing|sales|finance|legal|people|hr|audio|video|image|agents?|"
             r"frontier|multimodal|ceo|cto|cfo|coo|cso|cpo|cro|cmo|cio|gm|technology|financial|operating|"
             r"information|revenue|commercial|compliance|digital|risk|privacy|trust|human|resources|talent|"
             r"ethics|responsible|corporate|innovation|analytics|experience|customer|success|partnerships|"
             r"relations|investor|public|affairs|government|evaluations?|interpretability|devices?|search|"
             r"speech|voice|language|research\s+engineer|open-source|open)")
ROLE_PHRASE = rf"(?:{ROLE_WORD}(?:\s+|-)){{0,6}}?{ROLE_WORD}"

NEG_SCOPE = re.compile(
    r"\b(?:not|never|no\s+plans?|no\s+longer\s+plans?|denie[sd]|deny(?:ing)?|rumou?r(?:s|ed)?|reportedly|"
    r"in\s+talks|talks|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|may|might|could|"
    r"would|should|shall|wo|will|plans?|planning|expect(?:s|ed|ing)?|set\s+to|poised|likely|about\s+to|intends?|"
    r"intending|hopes?|hoping|wants?|wanted|offer(?:s|ed)?|tried|trying|attempts?|if|whether|unless|"
    r"declined|refused|rejected|turned\s+down|allegedly|speculat\w*|potential(?:ly)?|possible|"
    r"possibly|would-be|(?:nearly|almost)(?!\s+(?:every|everyone|everybody|all|half|a\s+decade|\d|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|a\s+year|a\s+dozen)\b)|false(?:ly)?|incorrect(?:ly)?|erroneous(?:ly)?|hypothetical(?:ly)?|"
    r"imagine|suppose|supposedly|said\s+to\s+be|sources\s+say|near(?:ing)?\s+a\s+deal|approached|"
    r"courted|courting|pitched|recruiting\s+efforts?|tempt(?:ed)?|lure\s+attempt|"
    r"candidates?|shortlist(?:ed)?|frontrunner|front-runner|contender|tipped|linked|tied\s+to|eyeing|eyes|"
    r"n't|cannot|can't|won't|didn't|doesn't|isn't|wasn't|hasn't|haven't|hadn't|aren't|weren't)\b",
    re.I)
FUTURE = re.compile(r"\b(?:will|'ll|going\s+to|next\s+(?:week|month|year))\b", re.I)
FACTIVE_BEFORE_FUTURE = re.compile(r"\b(?:announced|confirmed|confirms|announces|said|says)\b[^«]{0,30}$", re.I)
CLAUSE_PREFIX_NEG = re.compile(
    r"\b(?:if|whether|unless|rumou?rs?|reportedly|speculat(?:ion|ed|es|ing)|gossip|unconfirmed|unverified|alleged(?:ly)?|claim(?:ed|ing|s)|reports?\s+that|news\s+that|talk\s+that|denied|deny|denies|"
    r"false|hypothetical(?:ly)?|imagine|suppose|should|had\s+\w+\s+not|would|were\s+to|expects?|expecting|predicts?|predicting|"
    r"earlier\s+version|incorrectly|erroneously|mistakenly|misidentified|misstated)\b",
    re.I)

# the first of a coordinated pair of subjects, right before the second ("«Q1» and «Q2» previously
# worked at O": the predicate is both people's)
CO_SUBJECT = re.compile(r"(?:^|\W)«([PQ])(\d+)»\s+and\s+$")
P = r"«[PQ](\d+)»"
PP = r"«P(\d+)»"
O = r"«O(\d+)»"
D = r"«D(\d+)»"
FILL = r"(?:(?:the|a|an|its|their|rival|fellow|ai|startup|start-up|lab|company|firm|research|new|"\
       r"unicorn|chinese|french|american|british|european|competitor|competing|giant|"\
       r"frontier|young|nascent|stealth|stealth-mode|upstart|outfit)\s+){0,4}"\
       r"(?:(?:[a-z][\w-]*\s+){1,2}(?:company|startup|start-up|firm|lab|maker|developer|outfit)\s+)?"

JOIN_TRIG = re.compile(
    r"\b(?:(?:re)?join(?:s|ed|ing)?|mov(?:e|es|ed|ing)\s+(?:over\s+)?to|defect(?:s|ed|ing|ion)?\s+to|"
    r"head(?:s|ed|ing)?\s+(?:over\s+|back\s+)?to|jump(?:s|ed|ing)?\s+(?:ship\s+)?to|hop(?:s|ped|ping)?\s+"
    r"(?:over\s+)?to|land(?:s|ed|ing)?\s+(?:at|with)|return(?:s|ed|ing)?\s+to|go(?:es|ing)?\s+back\s+to|"
    r"went\s+(?:back\s+)?to|switch(?:es|ed|ing)?\s+to|shift(?:s|ed|ing)?\s+to|decamp(?:s|ed|ing)?\s+"
    r"(?:to|for)|sign(?:s|ed|ing)?\s+(?:on\s+)?with|bolt(?:s|ed|ing)?\s+(?:to|for)|cross(?:es|ed|ing)?"
    r"\s+over\s+to|arriv(?:es|ed|ing|al)\s+at|came\s+(?:over\s+|back\s+)?to|com(?:e|es|ing)\s+(?:over\s+|back\s+)?to|"
    r"move\s+to|return\s+to|hire\s+at|lands?\s+a\s+(?:job|role|position)\s+at|(?:turn|show)(?:s|ed|ing)?\s+up\s+at|"
    r"follow(?:s|ed|ing)?\s+(?:(?:his|her|their)\s+(?:[\w-]+\s+){1,2})?«[PQ]\d+»\s+(?:over\s+)?to|"
    r"tak(?:es|en|ing)\s+(?:a|up\s+a|on\s+a)\s+(?:job|role|position|post)\s+(?:at|with)|"
    r"took\s+(?:a|up\s+a|on\s+a)\s+(?:job|role|position|post)\s+(?:at|with)|"
    r"accept(?:s|ed|ing)?\s+(?:a|an)\s+(?:job|role|position|offer)\s+(?:at|from|with)|accept(?:s|ed|ing)?\s+(?:a|an)\s+(?:job|role|position|offer|place|post)\s+(?=as\s+[^,.;«]{2,60}?\s+(?:at|with)\s+«O)|"
    r"(?:is|are|was|were|'s)\s+(?:now\s+)?(?:off\s+to|back\s+(?:at|with|to|in))|"
    r"(?:is|are|(?<=['’])s)\s+(?:now\s+(?=(?:at|with)\s+«O)|(?=(?:at|with)\s+«O\d+»\s+now\b))|"
    r"(?:came|comes|coming|arriv(?:es|ed|ing))(?:\s+over)?(?=\s+from\s+(?:the\s+)?«O)|"
    r"follow(?:s|ed|ing)?\s+«[PQ]\d+»\s+(?:over\s+)?to|first\s+(?:day|week)\s+(?:back\s+)?(?:at|with)|"
    r"start(?:s|ed|ing)?\s+(?:a\s+|my\s+)?(?:new\s+)?(?:job|role|position|chapter)|start(?:s|ed|ing)?\s+(?:work\s+)?(?=at\s+«O|with\s+«O)|(?:start(?:s|ed|ing)?|beg[ia]n|begins|beginning)\s+work(?:ing)?\s+(?=(?:at|with)\s+«O)|(?:start(?:s|ed|ing)?|beg[ia]n|begins|beginning|commenc(?:e|es|ed|ing))\s+(?:(?:his|her|their|my)\s+)?employment\s+(?=(?:at|with)\s+«O)|(?:start(?:s|ed|ing)?|sign(?:s|ed|ing)?\s+on)\s+(?=as\s+[^,.;«]{2,60}?\s+(?:at|with)\s+«O)|start(?:s|ed)(?=(?:\s+«D\d+»|\s+in\s+the\s+\w+)?\s+as\s)|"
    # "has signed on as a scientific adviser", "came aboard as CFO": a join to the article's org
    r"sign(?:s|ed|ing)?\s+on(?=\s+as\s)|c(?:ome|omes|ame|oming)\s+(?:aboard|on\s+board)(?=\s+as\s))\b",
    re.I)
LEAVE_TRIG = re.compile(
    r"\b(?:leav(?:e|es|ing|ed)|left|quit(?:s|ting)?|exit(?:s|ed|ing)?|depart(?:s|ed|ing|ure)?(?:\s+from)?|"
    r"resign(?:s|ed|ing|ation)?(?:\s+from)?|step(?:s|ped|ping)?\s+(?:down|away)|retir(?:e|es|ed|ing|ement)|"
    r"part(?:s|ed|ing)?\s+ways\s+with|step(?:s|ped|ping)?\s+back\s+from|(?:was|were|been|got|is|being)\s+(?:fired|ousted|dismissed|let\s+go|"
    r"pushed\s+out|forced\s+out|sacked|laid\s+off)(?:\s+(?:from|by))?|jump(?:s|ed|ing)?\s+ship|bow(?:s|ed)?\s+"
    r"out|walk(?:s|ed)?\s+(?:away|out)|no\s+longer\s+(?:at|with|works?\s+(?:at|for))|exit|ouster|"
    r"depart(?:ure)?s?|(?:last|final)\s+day\s+(?:at|with)|(?:is|are|was|were|has\s+been)\s+gone(?=\s*(?:[,.;]|$|from\b))|(?:decided|decide|deciding|time)\s+to\s+move\s+on|(?:is|are|was|were)\s+out\s+(?=as\b))\b(?:\s+(?:of|from))?",
    re.I)
# "left her role as CTO at O": run only where a post noun appears (see clauses.py)
LEAVE_POST_TRIG = re.compile(r"\b(?:left|leav(?:e|es|ing)|quit(?:s)?|resign(?:s|ed)?\s+from|step(?:s|ped)?\s+down\s+from)\s+(?:his|her|their|the)\s+(?:role|post|position|job|seat)(?=\s+as\b|\s+at\b)", re.I)
ROLE_TRIG = re.compile(
    r"\b(?:promot(?:ed|es|ion|ing)|elevat(?:ed|es|ion|ing)|upgraded|bumped\s+up)\s+(?:«D\d+»\s+)?(?:to|as)\b|"
    r"\b(?:take|tak(?:es|en|ing)|took)\s+over\s+as\b|\bstep(?:s|ped|ping)?\s+(?:up|in)\s+(?:as|to|at)\b|"
    r"\b(?:(?:mov(?:es|ed|ing)|step(?:s|ped)?)\s+into|(?:chang|switch|mov)(?:e|es|ed|ing)?\s+to)\s+(?:the\s+|a\s+)?(?:newly[\s-]created\s+|new\s+)?"
    r"(?:role|position|job)\s+of\b|"
    r"\b(?:add(?:s|ed|ing)?|tak(?:es|en|ing)\s+on|took\s+on|assum(?:e|es|ed|ing))\s+(?:the\s+)?(?:additional\s+|new\s+|extra\s+)?(?:title|role)\s+of\b|"
    r"\bw(?:ill|ould)\s+be\s+(?=(?:the\s+|its\s+|our\s+|«O\d+»'s\s+)?(?:interim|acting)\b)|"
    r"\b(?:becom(?:e|es|ing)|became|be\s+named|(?:was|were|been|is|being)\s+(?:named|appointed|made|tapped\s+as))\b|"
    r"\bserv(?:e|es|ed|ing)\s+as\s+(?=(?:the\s+|its\s+)?(?:interim|acting)\b)|\bw(?:ill|ould)\s+serve\s+as\b|"
    r"\b(?:mov(?:e|es|ed|ing)|shift(?:s|ed|ing)?)\s+(?:«D\d+»\s+|in\s+(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+)?(?:in)?to\s+a\s+new\s+(?:role|position|job)\s+"
    r"(?:as\b|(?=(?:running|leading|heading|overseeing|managing)\b))|"
    r"\bagree(?:s|d)?\s+to\s+(?:be(?:come)?|serve\s+as)\b|"
    r"\breturn(?:s|ed|ing)?\s+to\s+(?:his|her|their)\s+(?:previous\s+|former\s+|old\s+)?(?:role|post|position|job)\s+as\b|"
    r"\b(?:succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing))\s+(?:«[PQ]\d+»|him|her|them)\s+as\b|"
    r"\b(?:take|tak(?:es|en|ing)|took)\s+over\s+from\s+(?:«[PQ]\d+»|him|her|them)\s+as\b|"
    r"\b(?:take|tak(?:es|en|ing)|took|assum(?:e|es|ed|ing))\s+(?:the\s+)?(?:helm|reins)\s+(?:at|of)\b",
    re.I)
HIRE_TRIG = re.compile(
    r"\b(?:hire[sd]?|hiring|re-?hire[sd]|poach(?:es|ed|ing)?|recruit(?:s|ed|ing)?|tap(?:s|ped)|name[sd]|appoint(?:s|ed)|nominat(?:es|ed)|"
    # a return told from the org's side: "O brought back P", "O welcomed back P", "O rehired P"
    r"add(?:s|ed)|brought\s+(?:on|in|aboard|back)|bring(?:s|ing)?\s+(?:on|in|aboard|back)|welcome[sd]?\s+back|welcome[sd]?|lure[sd]?\s+back|lure[sd]?|"
    r"snag(?:s|ged)|nab(?:s|bed)|land(?:s|ed)|sign(?:s|ed)|acqui-?hire[sd]?|pick(?:s|ed)\s+up|"
    r"elect(?:s|ed)|install(?:s|ed)|promot(?:es|ed)|won|wins|"
    # a bare verb after a future or infinitive marker: "O will add P as ...", "expected to name P"
    r"(?:(?<=will\s)|(?<=would\s)|(?<=to\s))(?:add|name|appoint|promote|elect|tap|recruit|poach))\b",
    re.I)
PASSIVE_HIRE = re.compile(
    r"\b(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|is\s+being|got|being|been)\s+)?"
    r"(?:hired|re-?hired|poached|recruited|tapped|named|appointed|brought\s+(?:on|in|aboard|back)|lured(?:\s+back)?|picked|"
    r"elected|installed|chosen|selected)\b",
    re.I)
FOUND_TRIG = re.compile(
    r"\b(?:co-?found(?:s|ed|ing)?|found(?:s|ed|ing)|launch(?:es|ed|ing)|start(?:s|ed|ing)|"
    r"establish(?:es|ed|ing)|set\s+up|sets\s+up|setting\s+up|spun\s+(?:out|up)|incorporat(?:e|es|ed|ing))\b",
    re.I)
FOUNDED_BY = re.compile(r"\b(?:co-?)?founded\s+(?:in\s+«D\d+»\s+)?by\b", re.I)
GROUP_NOUN = re.compile(
    r"\b(?:colleagues|researchers|people|employees|staff(?:ers)?|members|executives|engineers|"
    r"scientists|leaders|veterans|alumni|names|figures|talent|hires|recruits|peers|friends|"
    r"former\s+\w+|ex-\w+|others)\b", re.I)
EXEMPLIFY_START = re.compile(
    r"^\s*(?:for\s+example|for\s+instance|e\.g\.|among\s+them|these\s+include|they\s+include|"
    r"those\s+include|including|such\s+as|notable\s+examples?\s+include)\b", re.I)
EXEMPLIFY_INLINE = re.compile(r"\b(?:including|such\s+as|among\s+them|notably|like)\b", re.I)
TITLE = re.compile(r"\b(?:chief|ceo|cto|cfo|coo|cso|cpo|president|chair(?:man|woman|person)?|director|"
                   r"head|vp|svp|evp|vice\s+president|officer|founder|co-?founder|general\s+counsel)\b", re.I)
CORRECTION = re.compile(
    r"^\s*(?:correction|clarification|editor'?s\s+note|update)\b|\bearlier\s+version\s+of\s+this\b|"
    r"\b(?:incorrectly|erroneously|mistakenly)\s+(?:said|stated|reported|identified|described|wrote)\b|"
    r"\bhas\s+been\s+(?:corrected|updated)\s+to\b|\bmisstated\b", re.I)


_CORRECTION_CUES = ("correction", "clarification", "editor", "update", "earlier version", "incorrectly",
                    "erroneously", "mistakenly", "corrected", "misstated")


def _is_correction(text: str) -> bool:
    """A correction notice; a substring test first because CORRECTION is costly per sentence."""
    low = text.lower()
    return any(w in low for w in _CORRECTION_CUES) and bool(CORRECTION.search(text))


# ----------------------------------------------------------------------------- helpers
_WS = re.compile(r"\s+")


def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    r = role.replace("’", "'")
    r = re.sub(r"«[A-Z]\d+»('s)?", "", r)
    r = re.split(r"\s+(?:and\s+(?:a|an|one|the|also|put|was|is|has|had|led|ran|runs|leads|will|took|became|moved|left|"
                 r"joined|then|later|now|helped|oversaw|oversees|built|spent|worked|continue|continues|remain|remains|stay|stays|serve|serves)|who|which|where|that|after|before|since|as\s+(?:its|their|the)\b|"
                 r"called|known\s+as|dubbed|named\s+(?!to\b)|"
                 r"because|when|while|to\s+(?!the\s+ceo)|in\s+order|starting|effective|following|"
                 r"reporting|replacing|succeeding|alongside|until|amid|on\s+(?:monday|tuesday|"
                 r"wednesday|thursday|friday|saturday|sunday))\b", r, maxsplit=1, flags=re.I)[0]
    # "elevated to the role of chief scientist": the title, not the word for it
    r = re.sub(r"^\s*(?:the\s+)?(?:new(?:ly[\s-]created)?\s+|permanent\s+)?(?:role|position|post|title|rank|job)\s+of\s+(?=\S)", "", r, flags=re.I)
    r = re.sub(r"^(?:\s*(?:the|a|an|its|their|his|her|our|new|newly|now|then|current|currently|also|as|"
               r"one\s+of\s+the|another|fellow|former|ex-|formerly|previous|previously|onetime|one-time|erstwhile|most\s+recently)\b\s*)+",
               "", r, flags=re.I)
    r = re.sub(r"\s+(?:at|of|for|with|in|from|and|,)\s*$", "", r.strip(" ,;:-–—()\"'"), flags=re.I)
    r = _WS.sub(" ", r).strip(" ,;:.!?-–—()\"'")
    if not r or len(r) > 90 or not ROLE_HEAD.search(r):
        return None
    if re.match(r"(?:who|leads?|heads?|led|headed|runs|ran|works|worked|oversees|oversaw|directs|manages)\b(?!\s+of\b)", r, re.I):
        return None
    return r


REPORTED = re.compile(r"\b(?:announced|announces|confirmed|confirms|said|says|told|wrote|writes|posted|"
                      r"according\s+to\s+(?:a|the)\s+(?:memo|statement|announcement|post))\b", re.I)
OPINION = re.compile(r"\b(?:analysts?|observers?|investors?|critics?|commentators?|pundits?|experts?|newsletters?|"
                     r"columnists?|bloggers?|fans?|some\s+(?:people|insiders|observers)|many)\b[^«]{0,40}"
                     r"\b(?:said|say|says|argued|argue|argues|think|thinks|believe|believes|suggested|suggest|speculated|predicted|predict)\b", re.I)
MODAL_ONLY = re.compile(r"^(?:would|will|wo|shall|set\s+to|expected)$", re.I)


def _neg(text: str, prefix: str = "") -> bool:
    """True when the scope text negates, hedges or makes hypothetical the event. A future
    or "would" reported by an announcement ("said X would become CTO") stays a fact."""
    hits = [m.group(0) for m in NEG_SCOPE.finditer(text)]
    if OPINION.search(prefix):
        return bool(hits) or bool(FUTURE.search(text))   # what analysts or a newsletter say would happen
    if hits and all(MODAL_ONLY.match(h) for h in hits) and REPORTED.search(prefix + " " + text):
        return False
    if not hits and FUTURE.search(text) and REPORTED.search(prefix + " " + text):
        return False
    if hits and all(_WS.sub(" ", h.lower()) in ("will", "wo", "set to") for h in hits) and "?" not in text:
        return False  # an announced future move ("P will join B next month") is stated as fact
    return bool(hits)


def _clause_prefix(s: str, pos: int) -> str:
    """Text from the start of the clause containing `pos` up to `pos`."""
    cut = max(s.rfind(";", 0, pos), s.rfind(":", 0, pos), s.rfind(" but ", 0, pos),
              s.rfind(" while ", 0, pos), s.rfind(" whereas ", 0, pos))
    return s[cut + 1:pos] if cut >= 0 else s[:pos]


def _clause_end(s: str, pos: int) -> int:
    m = re.compile(r"[.;:!?]|,\s+(?:and|but|while|which|who|whereas|although|though)\b|\s+(?:but|while|whereas)\s").search(s, pos)
    return m.start() if m else len(s)
