"""Given names whose gender English usage fixes, so "she" is not read as "Harold".

Coreference (ingest/marking.py) picks a pronoun's referent by position: the nearest subject-like
person in the sentence, else the salient one. A profile that quotes a man about a woman ("...,"
Brandon said. In 2017 she left ...) then hands her career to him. A pronoun whose gender
contradicts a candidate's given name cannot refer to that candidate; everything else stays
positional. The lists hold only names that are overwhelmingly one gender in English-language
news; an unlisted or ambiguous name (Alex, Jordan, Kim, most transliterated names, whose
pronouns machine translation often gets wrong anyway) never rules a candidate out.
"""
from __future__ import annotations

import unicodedata

FEMININE = frozenset("""
abigail ada adaeze adriana agnes aisha alexandra alice alicia alison amanda amelia amy ana anastasia
 angela anita ann anna anne annette antonia anya astrid audrey barbara beatrice beatriz bella
bianca brenda bridget brigitte carla carmen carol caroline catherine cecilia celine charlotte
chiara chloe christina christine claire clara claudia colleen cristina cynthia daniela danielle
deborah denise diana diane dolores dora doris dorothy edith elena eleanor elif elisa elisabeth
eliza elizabeth ella ellen eloise elsa emilia emily emma erica erin esther eva eve evelyn fatima fiona
florence frances francesca freya gabriela gabrielle gemma georgia gillian gloria grace greta hanna
hannah harriet heather helen helena helene hilary hillary holly ines ingrid irene iris isabel isabella
isabelle jacqueline jane janet janice jasmine jennifer jessica jill joan joanna josephine joyce judith
julia juliana julie juliet karen katarzyna kate katharina katherine kathleen kathryn katie katrin
kelly kimberly klara laila laura lauren leah lena leticia lila lillian linda lisa liza lorena lorraine
louise lucia lucy luisa lydia madeleine magdalena maggie maja malgorzata margaret margarethe marguerite
maria mariana marie marina marion marisol marta martha mary maya megan melanie melissa mia michelle
mina miranda miriam molly monica monika nadia nancy naomi natalia natalie natasha nicole nina nora
olga olivia paola patricia paula pauline penelope petra philippa pilar priya rachel rebecca regina
renata rita rosa rosalind rose ruth sabine sabrina samantha sandra sara sarah saoirse seema serena
sharon sheila shirley silvia sofia sonia sophia sophie stella stephanie susan susanne suzanne
svetlana sylvia tamara tanya tatiana teresa theresa tina ursula valentina valeria vanessa vera veronica
victoria violet virginia wendy wilhelmina yasmin yolanda yvonne zoe zofia zuzanna
ananya anjali kavya neha pooja deepa sunita lakshmi meera shreya divya chidinma ngozi ama akosua
haruka akiko yoko naoko keiko sakura
""".split())

MASCULINE = frozenset("""
aaron adam adrian ahmed alan albert alberto aleksandr alessandro alexander alfred ali alistair anders
andre andreas andrew andrei andres angus anthony antoine anton antonio arjun arnold arthur benjamin
bernard bill bjorn bob boris brad bradley brandon brian bruce bruno carl carlos cedric charles
christian christopher colin connor craig cristobal daniel darius darnell david dennis derek
diego dimitri dmitri dominic donald douglas duncan dylan edgar eduardo edward edwin elias elliot
emil emmanuel enrique eric erik ethan eugene ezra fabian fabrice farid felipe felix fernando finn
francesco francis francisco frank franz frederick gabriel gareth gary geoffrey george gerald gerhard
giovanni giuseppe gordon graham gregory gunnar gustavo guy hamid hans harold harry hassan hector
henri henrik henry herbert horatio howard hugh hugo ian ibrahim igor isaac ivan jack jacob jakob
james jan jared jason javier jeffrey jeremy jerome joachim joe joel johan johannes john jonas
jonathan jorge jose joseph joshua juan julian julien justin karim karl keith kenneth kevin klaus
konstantin kurt lars laurence lawrence leo leon leonard leopold liam lionel lorenzo louis luca lucas
luis lukas luke magnus malcolm manuel marcel marco marcus mario mark martin mateo matteo matthew
matthias max maxime maximilian michael miguel mikhail mohammed muhammad nathan nathaniel neil nicholas
nicolas niklas nikolai nils noah norman olaf oliver omar oscar oskar otto owen pablo patrick paul
pavel pedro peter philip philippe pierre rafael rahul ralph ramon raul raymond reginald richard
robert roberto rodrigo roger roland ronald rory ruben rupert russell ryan samuel scott sean sebastian
sergei sergey simon stanislav stefan stephen steven stuart sven theodore thomas timothy tobias todd
tomas tomasz travis tyler victor viktor vincent vladimir walter warren wayne wilhelm william wolfgang
xavier yusuf zachary rohan vikram sanjay rajesh ravi amit anil suresh ramesh nikhil karan aditya vivek
deepak manish chinedu kwame kofi emeka tunde hiroshi takashi kenji haruto
""".split())


def _plain(word: str) -> str:
    s = unicodedata.normalize("NFKD", word)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def given_gender(person_key: str) -> str | None:
    """"f", "m" or None (unknown or ambiguous) for a person key ("mina kovac")."""
    first = _plain(person_key.split()[0]) if person_key.strip() else ""
    if first in FEMININE:
        return "f"
    if first in MASCULINE:
        return "m"
    return None


def pronoun_fits(person_key: str, pronoun: str) -> bool:
    """False only when the pronoun's gender contradicts the given name's."""
    p = pronoun.casefold()
    want = "f" if p in ("she", "her", "hers", "herself") else "m" if p in ("he", "him", "his", "himself") else None
    have = given_gender(person_key)
    return want is None or have is None or have == want
