"""The place lexicon: cities, countries and regions, kept in one list because three readers need
them and used to keep three copies that drifted apart.

- Person names (names.py): a capitalized word that is a place ("Seattle", "California") is
  not part of a person's name, and a whole span that is a multi-word place ("Santa Clara",
  "Menlo Park") is no person, even when its words can be names ("Clara", "Park").
- Organizations one leaves (orgs.py): "She left Poland in 1980" leaves a country, not an
  employer.
- College names (orgs.py): a city after "College"/"University" is part of the name
  ("University College London", "Trinity College Dublin").

Words that name places and people alike ("Jordan", "Georgia", "Austin", "Holland") are places
only as whole multi-word names or where a country is expected; they never block a name token.
"""
from __future__ import annotations

import re

CITIES = frozenset(
    """London Dublin Cork Paris Berlin Zurich Toronto Singapore Beijing Tokyo Seoul Amsterdam Munich Madrid
    Milan Vienna Stockholm Copenhagen Oslo Helsinki Prague Warsaw Seattle Boston Shanghai Shenzhen Hangzhou
    Montreal Washington Edinburgh Cambridge Oxford Bangalore Bengaluru Mumbai Delhi Hyderabad Dubai
    Barcelona Lisbon Brussels Geneva Lausanne Tallinn Kyiv Osaka Kyoto Taipei Beijing Guangzhou Chengdu
    Nanjing Wuhan Vancouver Ottawa Chicago Denver Pittsburgh Atlanta Miami Houston Dallas Portland
    Redmond Cupertino Sunnyvale Seoul Busan""".split()
    + ["Hong Kong", "San Francisco", "Los Angeles", "New York", "San Jose", "Santa Clara", "Palo Alto",
       "Menlo Park", "Mountain View", "Tel Aviv", "Abu Dhabi", "New Delhi", "San Diego", "Santa Monica",
       "Salt Lake City", "Mexico City", "Sao Paulo", "São Paulo", "Buenos Aires", "Kuala Lumpur"])
COUNTRIES = frozenset(
    """Poland Germany France Italy Spain Portugal Russia Ukraine Belarus Brazil Mexico Argentina Chile Colombia Peru
    Nigeria Kenya Ghana Egypt Morocco Ethiopia Iran Iraq Turkey Greece Sweden Norway Denmark Finland Iceland Ireland
    Scotland England Wales Britain Australia Zealand Vietnam Thailand Indonesia Malaysia Philippines Pakistan
    Bangladesh Austria Hungary Romania Bulgaria Serbia Croatia Belgium Netherlands Holland Switzerland China Japan
    India Canada Israel Taiwan Singapore Korea Lebanon Syria Jordan Cuba Venezuela""".split()
    + ["United States", "United Kingdom", "South Korea", "New Zealand", "Saudi Arabia", "South Africa"])
REGIONS = frozenset(
    """Europe Asia Africa America California Texas""".split()
    + ["Silicon Valley", "Bay Area", "Wall Street", "Mission District", "North America", "Latin America",
       "Middle East", "Southeast Asia"])

# place words that are also people's given names or surnames: never a reason to cut a name
ALSO_PERSON_NAMES = frozenset(
    """Jordan Georgia Austin Holland England Wales Berlin Florence Victoria Sydney Chelsea Madison Lincoln
    Clara Park Cork Chile Cuba Peru Turkey Ireland Scotland Britain Oxford Cambridge Milan Dallas Denver
    Portland Houston Paris Washington Jose Diego Monica Paulo Lumpur Arabia Hong Kong Geneva Redmond Iran""".split())
# names the person-name filter has always treated as places although they are names too
_NAME_BLOCKING_ANYWAY = frozenset({"Paris", "Washington"})


def _words(names: frozenset[str]) -> set[str]:
    return {w for n in names for w in n.split()}


# capitalized words that are never part of a person's name because they are place words
PLACE_WORDS = frozenset(
    (_words(CITIES) | _words(COUNTRIES) | _words(REGIONS)) - (ALSO_PERSON_NAMES - _NAME_BLOCKING_ANYWAY)
    # (parts of multi-word places that are common words or name parts: only the whole name is a place;
    # "San", "Los" and "New" stay name-blocking through names.py's own word list, as before)
    - {"New", "United", "South", "North", "Middle", "East", "City", "Salt", "Lake", "Latin", "Southeast", "Santa",
       "San", "Los", "Sao", "São", "Abu", "Tel", "Kuala", "Buenos", "Aires"})

# multi-word places, for rejecting a whole name-shaped span ("Santa Clara")
MULTIWORD_PLACES = frozenset(n for n in CITIES | COUNTRIES | REGIONS if " " in n)

# countries and regions one leaves or joins as a place ("She left Poland in 1980")
LEFT_AS_PLACE = frozenset(n for n in COUNTRIES | {"Europe", "Asia", "Africa", "America"} if " " not in n)


def _alternation(names: frozenset[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=lambda n: (-len(n), n)))


# "University College London", "Trinity College Dublin": a city after a college is part of its name
CITY_AFTER = re.compile(rf"\s+({_alternation(CITIES)})\b")


def is_multiword_place(text: str) -> bool:
    """The span is a multi-word place name ("Palo Alto", "Santa  Clara"), whitespace aside."""
    return " ".join(text.split()) in MULTIWORD_PLACES
