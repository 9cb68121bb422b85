"""Person-name spans in a sentence, found by shape and filtered by what names are not.

No name list can cover a global industry, so a name is a run of 2-4 capitalized name-shaped
tokens (letters, hyphens, apostrophes, initials "A.", particles "van"/"de"), none of which is a
word that capitalized runs in news are usually made of instead: function words, months,
titles and role words, company words, headline verbs, sentence-opening gerunds ("Starting
Tallis with Mina was ..."). Runs are split at such words, so the
title-case headline "OpenAI's Head of Post-Training Max Schwarzer Joins Anthropic" yields
"Max Schwarzer". Spans covered by an organization are never names. Single-token mentions
("Schwarzer") are not found here: coreference (ingest/coref.py) links them to a full name
the article gives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .places import PLACE_WORDS, is_multiword_place
from .namecultures import DESCRIPTOR_WORDS, GLUED_ARTICLE, PARTICLES, refine_span

# letters beyond ASCII: Latin-1, Latin Extended-A/B (ı ş ğ ł ą ő ř ...) and Latin Extended
# Additional (Vietnamese); case inside the extended blocks is not told apart
_UP = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"
_LO = "a-zß-öø-ÿĀ-ɏḀ-ỿ"
_TOKEN = re.compile(rf"Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['’][A-Z][a-z]+|(?:Le|La|De|Di|Du|Van|Von)[A-Z][a-z]+|[{_UP}][{_LO}]+(?:[-'’][{_UP}{_LO}][{_LO}]+)*|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+")
_PARTICLES = PARTICLES

# Words that begin with a capital in news text but are not parts of people's names.
NOT_NAME = frozenset(
    """
    The A An This That These Those There Their They Them Then Than Thus Though Through
    He She His Her Hers Him It Its We Our Us You Your I Me My Mine Who Whom Whose What
    Which When Where Why How Whether While Whilst Although If Unless Because Since After
    Before During Until As At By For From In Into Of On Onto Over Under With Without
    Within About Above Across Against Along Among Around Behind Below Beneath Beside
    Between Beyond Despite Except Inside Near Off Out Outside Per Plus Toward Towards Upon
    Via And Or But Nor So Yet Also Still Even Just Only Both Either Neither Each Every All
    Any Some Many Much More Most Other Another Such No Not Yes Here Now Today Tomorrow
    Yesterday Tonight Meanwhile Moreover However Therefore Furthermore Previously
    Subsequently Currently Recently Earlier Later Finally First Second Third Last Next
    New Old Former Ex Key Top Big Major Chief Senior Junior Deputy Acting Interim Vice
    Head Lead Leader Director Directors Manager President Chair Chairman Chairwoman Chairperson
    Officer Executive Executives Founder Founders Cofounder Co-Founder Co-founder Partner
    Fellow Professor Prof Dr Mr Mrs Ms Sir Dame Lord Lady Saint St Researcher Researchers
    Scientist Scientists Engineer Engineers Member Members Staff Technical Research
    Principal Distinguished General Counsel Defendant Defendants Plaintiff Plaintiffs Petitioner Respondent Appellant Appellee Deponent Witness Secretary Treasurer Board Team Teams Group
    Product Products Engineering Science Sciences Scientific Applied Applications Safety
    Alignment Superalignment Policy Operations Strategy Communications Marketing Sales
    Officer CEO CTO CFO COO CSO CPO CRO CMO VP SVP EVP GM AI AGI ML LLM LLMs RL RLHF API
    IC ICs PhD Ph.D. MBA Inc Corp Corporation Co Ltd LLC Labs Lab Laboratory Laboratories
    Institute University College School Academy Foundation Center Centre Council
    Committee Commission Agency Department Ministry Office Bureau Association Society
    Company Companies Capital Ventures Partners Holdings Technologies Technology Systems
    Robotics Intelligence Computing Networks Cloud Platform Platforms Store Stores App
    Apps Code Model Models Series Report Reports News Times Post Journal Daily Weekly
    Review Magazine Blog Podcast Show Source Sources Reference Link Links Disclaimer
    Comments Comment Like Share Favorites Subscribe Update Updated Correction Clarification
    Editor Editors Note Notes Photo Photos Image Images Video Videos Getty Reuters
    January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday Spring Summer Fall Autumn Winter
    Joins Join Joined Joining Leaves Leave Left Leaving Departs Depart Departed Departure
    Exits Exit Exited Quits Quit Hires Hire Hired Hiring Taps Tapped Names Named Appoints
    Appointed Appointment Poaches Poached Returns Return Returned Moves Move Moved Moving
    Jumps Jump Jumped Defects Defect Defected Lands Landed Steps Step Stepped Down Up
    Promoted Promotes Promotion Becomes Became Takes Took Says Said Tells Told Announces
    Announced Confirms Confirmed Reveals Revealed Launches Launched Starts Started Builds
    Built Leads Leading Led Heads Headed Runs Ran Shifts Shifted Signals Signaling
    Signalling Amid Amidst Why What's Here's Inside Exclusive Breaking Watch Read See
    Open Questions Question Answer Answers Practical Implications Implication Developments
    Development Context Lands Matters Matter Built Building Behind Beyond Toward Versus
    Vs Era Age World Global National International American Chinese European British
    French German Canadian Indian Japanese Korean San Los New Bay Twitter
    Pentagon Congress Senate House White Federal State States United Kingdom Union
    Capitol Supreme Court Law Act Bill Prize Award Awards Outstanding Paper Conference
    Summit Forum Week Day Year Month Strawberry Project Program Initiative Mode
    Is Are Was Were Has Have Had Does Do Did Will Would Can Could Should Shall May Might Must
    Automation Dynamics Analytics Semiconductor Semiconductors Therapeutics Motors Industries Microsystems
    Machines Networks Studios Inc. Corp. GmbH Corporate Controller Comptroller
    GPT ChatGPT Claude Gemini Llama Copilot Grok Sora DALL Codex Turing Scaling Laws
    Nobel Best Free Full Super Ultra Pro Max Mini Plus Instant Preview Beta Alpha Deep
    Constitutional Security Assurance Frontier Reinforcement Learning Human Feedback
    Machine Neural Language Large Small Generative Artificial Data Compute Hardware
    Software Chip Chips Silicon Quantum Stargate Information Verge Wired Bloomberg Axios
    Fortune Forbes Insider Business Insider TechCrunch CNBC CNN BBC Guardian Economist
    Financial Times Wall Street Journal According Follow Followin Official Account Yunyi
    Consider Meet Ask Look Welcome Congratulations Thanks Remember Imagine Note Take
    Frontline Post Pre Training Pretraining Non Anti Self Multi Anthropic OpenAI Google Meta Microsoft Apple Amazon Nvidia
    Investor Investors Relations Bank Banks Stable Diffusion Speakers Speaker Panel Panelists Moderator Host
    Payments Insurance Insurer Financial Energy Media Pharma Pharmaceuticals Airlines Logistics Consulting
    Solutions Services Health Healthcare Biotech Therapeutics Analytics Semiconductor Semiconductors Telecom
    Operator Keynote Transcript Agenda Session Audience
    Proxy Statement Statements Filing Filings Exhibit Excerpt Annual Quarterly Unit Units Processing
    Starting Running Working Bringing Taking Making Having Being Getting Keeping Following Growing
    Founding Launching Seeing Watching Helping Turning Spending Selling Buying Scaling Shipping
    Republican Republicans Democrat Democrats Democratic Senator Representative Governor
    Congressman Congresswoman Trust Trustees Fund
    """.split()
) | PLACE_WORDS   # place words live in the one place lexicon (ingest/places.py)
# Some of these are also given names; keep the ones that are far more often names.
NOT_NAME = NOT_NAME - {"White", "Max", "Grant", "Mark", "Bill", "Rose", "Page", "Drew", "Dean", "Jan", "Jun", "April", "May",
                       "June", "August", "Hope", "Joy", "Lord"}
NOT_NAME = NOT_NAME | DESCRIPTOR_WORDS


@dataclass(frozen=True)
class NameSpan:
    """A person name found in a sentence."""

    start: int
    end: int
    text: str


_RUN = re.compile(
    r"(?:(?:" + _TOKEN.pattern + r")(?:\s+(?:" + "|".join(sorted(_PARTICLES)) + r"))*\s+)+(?:" + _TOKEN.pattern + r")")


_GAP = re.compile(r"\s+(?:(?:" + "|".join(sorted(_PARTICLES)) + r")\s+){0,2}(?:" + GLUED_ARTICLE + ")?")
_INITIAL = re.compile(r"[A-Z]\.")


def _is_name_token(tok: str) -> bool:
    if tok in NOT_NAME:
        return False
    if "-" in tok and any(part in NOT_NAME for part in tok.split("-")):
        return False   # "Co-Founder", "Ex-Meta"; a lower-case second part is a given name's ("Min-jun")
    if tok.endswith(("'s", "’s")):
        return False
    return True


# Surnames that are also English function words ("Kaiming He", "Thuy Do", "Jae-won An"): after one
# given name and before a lower-case word they cannot be the pronoun or preposition, which is
# never capitalized mid-clause
WORD_SURNAMES = frozenset({"He", "Do", "An"})
# "Will" is a given name before one surname ("Will Young has joined", "hired Will Young"), not in
# a question ("Will Sam Altman return?")
_WORD_GIVEN = frozenset({"Will"})
_LOWER_NEXT = re.compile(r"\s+[a-z]|\s*[,.;:)]")


def _word_in_name(text: str, run: list[tuple[int, int, str]], k: int, seg: list[tuple[int, int, str]]) -> bool:
    """Whether a word-shaped token at run[k] is part of a person name here (see above)."""
    if k >= len(run):
        return False
    tok = run[k][2]
    if tok in WORD_SURNAMES:
        return len(seg) == 1 and k == len(run) - 1 and not seg[0][2].isupper() and bool(_LOWER_NEXT.match(text, run[k][1]))
    if tok in _WORD_GIVEN:
        return not seg and len(run) == k + 2 and _is_name_token(run[k + 1][2]) and "?" not in text \
            and bool(_LOWER_NEXT.match(text, run[k + 1][1]))
    return False


def find_names(text: str, blocked: list[tuple[int, int]] | None = None) -> list[NameSpan]:
    """Full-name spans (2-4 tokens) in one sentence, avoiding `blocked` spans (organizations)."""
    blocked = blocked or []
    out: list[NameSpan] = []
    # tokens with positions
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    i = 0
    n = len(toks)
    while i < n:
        run = [toks[i]]
        j = i + 1
        while j < n:
            gap = text[run[-1][1]:toks[j][0]]
            if _GAP.fullmatch(gap) and "\n" not in gap:
                run.append(toks[j])
                j += 1
            else:
                break
        i = j
        # split the run at non-name words
        seg: list[tuple[int, int, str]] = []
        for k, t in enumerate(run + [(-1, -1, "")]):
            ok = t[2] and (_is_name_token(t[2]) or _word_in_name(text, run, k, seg)) \
                and not any(a < t[1] and t[0] < b for a, b in blocked)
            if ok:
                seg.append(t)
                continue
            # possessive ends a name but belongs to it: "Karpathy's"
            if t[2] and t[2].endswith(("'s", "’s")) and t[2][:-2] not in NOT_NAME and seg:
                seg.append((t[0], t[1] - 2, t[2][:-2]))
            _emit(text, seg, out)
            seg = []
    # naming cultures, headline descriptions
    return [n if r == (n.start, n.end) else NameSpan(r[0], r[1], text[r[0]:r[1]])
            for n in out if (r := refine_span(text, n.start, n.end)) is not None]


def _emit(text: str, seg: list[tuple[int, int, str]], out: list[NameSpan]) -> None:
    # drop leading/trailing initials
    while seg and _INITIAL.fullmatch(seg[0][2]):
        seg = seg[1:]
    while seg and _INITIAL.fullmatch(seg[-1][2]):
        seg = seg[:-1]
    if len(seg) < 2 or len(seg) > 4:
        return
    if all(_INITIAL.fullmatch(s[2]) for s in seg):
        return
    a, b = seg[0][0], seg[-1][1]
    if is_multiword_place(text[a:b]):
        return   # "Santa Clara", "Menlo Park": a place made of name-shaped words
    out.append(NameSpan(a, b, text[a:b]))


_CLEAN = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """A person name with collapsed spaces and straight apostrophes, for comparison keys."""
    return _CLEAN.sub(" ", name.replace("’", "'")).strip()
