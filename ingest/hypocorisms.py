"""Short forms of given names, so "Dez Okafor" in a roundup is the Desmond Okafor a wire
story named, and "Nora Vasquez-Marr" the Leonora of a release.

People are reported under the name they go by: a diminutive ("Bill", "Kate", "Sasha"), or
the tail of a long given name ("Nora" for Leonora, "Tina" for Christina). The resolver only
asks this when the family names already agree, so the table can stay generous.
"""
from __future__ import annotations

# formal name -> the short forms people go by (lower case); a short form may serve several
_FORMS = """
abigail: abby abbie | abraham: abe | alexander: alex alec sasha sandy xander | alexandra: alex sasha sandra lexi
aleksandr: sasha alex | aleksandra: sasha ola | alexei: alyosha lyosha | alfred: alf fred freddie
andrew: andy drew | anastasia: nastya stacy ana | angela: angie | anthony: tony | antonio: toni tony
barbara: barb babs | benjamin: ben benji | bernard: bernie | catherine: cathy kate katie cat
katherine: kathy kate katie kat | kathryn: kate katie | charles: charlie chuck chas | charlotte: charlie lottie
christina: tina chris | christine: chris tina | christopher: chris kit topher | cynthia: cindy
daniel: dan danny | daniela: dani | david: dave davy | deborah: deb debbie | desmond: dez des
dmitry: dima | dmitri: dima | dominic: dom | donald: don | douglas: doug | edward: ed eddie ted ned
eleanor: ellie nora | elizabeth: liz beth betty lizzie eliza libby | emily: em emmy | evgeny: zhenya
francis: frank | francisco: paco frank | frederick: fred freddie rick | gabriel: gabe | gabriela: gabi gaby
gregory: greg | henry: hank harry | ignacio: nacho | isabel: izzy bel | isabella: izzy bella
jacob: jake | james: jim jimmy jamie | jennifer: jen jenny | jessica: jess | jonathan: jon jonny
joseph: joe joey | jose: pepe | joshua: josh | katarzyna: kasia | kenneth: ken kenny | kimberly: kim
konstantin: kostya | lawrence: larry | leonard: leo len lenny | leonora: nora | leonardo: leo
margaret: maggie meg peggy marge | matthew: matt | michael: mike mikey mick | mikhail: misha
nathaniel: nate nat | nathan: nate | nicholas: nick nicky | nikolai: kolya nick | oliver: ollie
patricia: pat patty trish | patrick: pat paddy | pavel: pasha | peter: pete | philip: phil
rafael: rafa | rafaela: rafa | raymond: ray | rebecca: becky becca | richard: rick rich dick richie
robert: rob bob bobby bert | ronald: ron ronnie | samantha: sam | samuel: sam sammy
sebastian: seb | stephanie: steph | stephen: steve | steven: steve | susan: sue suzy
theodore: ted theo | thomas: tom tommy | timothy: tim | valentina: valya tina | victoria: vicky tori
vladimir: volodya vova vlad | william: will bill billy liam | yekaterina: katya | ekaterina: katya
zachary: zach zack
"""


def _table() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for entry in _FORMS.replace("\n", "|").split("|"):
        if ":" not in entry:
            continue
        formal, shorts = entry.split(":", 1)
        formal = formal.strip()
        for s in shorts.split():
            out.setdefault(formal, set()).add(s)
            out.setdefault(s, set()).add(formal)
    return {k: frozenset(v) for k, v in out.items()}


_SHORT = _table()


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names (folded to lower case) can name one person: a listed short
    form, or one name the tail of the other ("nora"/"leonora"; four letters at least and
    two fewer than the other, so neither "ana"/"diana" nor "anna"/"hanna" count)."""
    if a == b:
        return True
    if b in _SHORT.get(a, ()) or a in _SHORT.get(b, ()):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and len(long_) >= len(short) + 2 and long_.endswith(short)
