"""The words refutation rules share (ingest/denials.py, ingest/misreports.py): placeholders of
the marked sentence, negation, verbs of leaving and joining, the hedges that make a statement
no refutation, and the small readings of a match every rule needs."""
from __future__ import annotations

import re

from .extract_types import SentInfo

PERSON = r"«[PQ](\d+)»"
ORG = r"«O(\d+)»"
APOS = r"['’]"
# words between a subject and its verb: no other person, no sentence break
GAP = r"(?P<gap>(?:,(?:[^«.;,]|«[OD]\d+»){1,160},)?(?:[^«.;]|«[OD]\d+»){0,60}?)"
NEG = (rf"(?:(?:is|am|are|was|were|has|have|had|did|does|do|will|would)\s*(?:not|n{APOS}t)|{APOS}(?:m|s|re)\s+not|"
       rf"(?:isn|aren|wasn|hasn|haven|hadn|didn|doesn|don|won|wouldn){APOS}t)(?:\s+be)?(?:\s+going\s+to)?")
LEAVE = (r"(?:leav(?:e|ing)|left|quit(?:ting)?|resign(?:ed|ing)?(?:\s+from)?|depart(?:ed|ing)?(?:\s+from)?|"
         r"exit(?:ed|ing)?|walk(?:ed|ing)?\s+away\s+from)")
JOIN = (r"(?:join(?:ed|ing)?|start(?:ed|ing)?\s+(?:work\s+)?at|mov(?:e|ed|ing)\s+to|head(?:ed|ing)?\s+to|"
        r"go(?:ing)?\s+to|defect(?:ed|ing)?\s+to|jump(?:ed|ing)?\s+(?:ship\s+)?to|sign(?:ed|ing)?\s+with|"
        r"tak(?:e|ing)\s+(?:up\s+)?(?:a|an|the|that)\s+(?:job|post|role|position)\s+(?:at|with))")
# what makes a statement not a plain one: modality, conditions, hearsay, a negated stay
HEDGE = re.compile(r"\b(?:could|might|may|would|should|can|if|unless|whether|expect\w*|likely|hop(?:e|es|ed|ing)|"
                   r"wants?|plan(?:s|ned|ning)?|intend\w*|ask\w*|urg\w*|tr(?:y|ied|ying)|persuad\w*|convinc\w*|"
                   r"reportedly|rumou?r\w*|consider\w*|weigh\w*|perhaps|probably|possibly|not|never|n['’]t|"
                   r"no\s+longer|said\s+to)\b", re.I)


def ent(info: SentInfo, idx: str) -> str:
    """The key of the entity a placeholder's index names (a person key, an org name)."""
    return info.ents[int(idx)].key


def named_org(info: SentInfo, m: re.Match[str]) -> str:
    """The organization a rule's match ends on; when that is a description the marking
    resolved by coreference and the name follows it ("an offer from the startup Quarrystone
    AI"), the name."""
    nxt = re.match(r"\s*«O(\d+)»", info.marked[m.end():])
    return ent(info, nxt.group(1) if nxt else m.group(m.lastindex))


def plain(gap: str) -> bool:
    """The words between a subject and its verb carry no hedge, negation or other subject; an
    apposition closed by commas ("P, who joined in 2020, remains at O") is passed over."""
    if re.match(r"['’]s\b", gap):
        return False   # "P's team remains at O": another subject
    g = re.sub(r"^,[^,]*,\s*", " ", gap)   # a closed apposition describes the subject
    return not HEDGE.search(g) and not re.search(r"\b(?:who|which|that|whom|whose)\b", g, re.I)
