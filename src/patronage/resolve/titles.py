"""Titles and role nouns: "the Russian president", "Ukraine's former prime minister".

Shared by role extraction (appositions, pre-name titles) and by title
coreference ("the Syrian dictator" → the Syrian leader named in the article).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "HEAD_OF_STATE_TITLES",
    "OCCUPATION_NOUNS",
    "ROLE_NOUNS",
    "TITLE_ABBREVIATIONS",
    "american_style",
    "canonical_title",
    "is_role_noun",
]

#: nouns that name a political or public role
ROLE_NOUNS = frozenset(
    """
    president ex-president vice-president premier chancellor minister secretary leader dictator strongman
    autocrat despot ruler king queen prince princess emir sheikh sultan monarch emperor shah ayatollah
    ambassador envoy diplomat spokesman spokeswoman spokesperson official officer governor mayor senator
    congressman congresswoman representative lawmaker legislator deputy parliamentarian mp speaker chairman
    chairwoman chair head chief director commander general admiral colonel marshal oligarch tycoon
    businessman whistleblower dissident activist journalist editor analyst scholar expert researcher
    professor founder ceo executive judge prosecutor attorney lawyer cleric imam patriarch pope bishop
    cardinal archbishop
    adviser advisor aide negotiator mediator candidate nominee member agent spy operative warlord
    whip counsel commissioner councilman councilwoman councillor councilor sheriff treasurer solicitor
    magistrate donor megadonor mega-donor fundraiser
    """.split()
)
#: occupations a news story gives a person ("a Russian pilot", "an opposition blogger"): roles too
OCCUPATION_NOUNS = frozenset(
    """
    pilot blogger dealer smuggler trafficker banker economist scientist physicist engineer soldier marine
    veteran student teacher doctor physician nurse writer author poet novelist filmmaker producer artist
    musician singer actor actress athlete player star coach priest rabbi monk nun reporter correspondent
    photographer hacker contractor mercenary fighter militant insurgent rebel trader entrepreneur investor
    financier magnate owner manager lecturer historian consultant strategist campaigner organizer organiser
    protester defector exile refugee prisoner detainee hostage inmate suspect defendant businesswoman
    presenter broadcaster anchor columnist commentator pundit pastor chaplain detective lieutenant sergeant
    trustee superintendent
    """.split()
)

#: titles that designate a country's leader ("the Syrian leader" = its head of state)
HEAD_OF_STATE_TITLES = frozenset(
    "president leader dictator strongman autocrat despot ruler king queen emir sultan monarch emperor".split()
)

#: abbreviated titles before a name ("Sen. Ted Cruz", "Gov. Jerry Brown") and what they stand for
TITLE_ABBREVIATIONS = {
    "rep.": "representative",
    "sen.": "senator",
    "gov.": "governor",
    "amb.": "ambassador",
    "gen.": "general",
    "adm.": "admiral",
    "col.": "colonel",
    "sec.": "secretary",
}
#: titles of the US Congress as American news writes them ("Sen." and "Rep." before a name,
#: "Congressman"): they place a person in the United States
_AMERICAN_STYLES = frozenset({"rep.", "sen.", "congressman", "congresswoman"})

_CANON = {
    "premier": "prime minister",
    "ex-president": "former president",
    "chief": "head",
    "chair": "chairman",
}


def is_role_noun(token: Token) -> bool:
    """True when the token's lemma is a role or occupation noun (or an agent-like -ist/-tor noun)."""
    lemma = token.lemma_.lower()
    if lemma in ROLE_NOUNS or lemma in OCCUPATION_NOUNS:
        return True
    if lemma == "lady" and any(c.lower_ == "first" for c in token.lefts):
        return True  # "first lady Michelle Obama"; "Lady Gaga" holds no office
    return token.pos_ == "NOUN" and lemma.endswith(("ist", "tor")) and len(lemma) > 6


def canonical_title(words: list[str]) -> str:
    """Normalise a title's words: ``["Prime", "Minister"]`` → ``prime minister``, ``["Sen."]`` → ``senator``."""
    words = [TITLE_ABBREVIATIONS.get(w.lower(), w) for w in words]
    text = " ".join(w.lower() for w in words).replace(" - ", "-").replace("- ", "-")
    return _CANON.get(text, text)


def american_style(token: Token) -> bool:
    """ "Sen.", "Rep.", "Congresswoman" before a name: a member of the US Congress."""
    return token.lower_ in _AMERICAN_STYLES
