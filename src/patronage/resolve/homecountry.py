"""The country an article is about, and the offices its people hold there without saying so.

American and British news name their own officials without a country: "former national
security adviser Michael Flynn", "the deputy attorney general", "Culture Secretary Tessa
Jowell", "Frank Field MP". When nearly every actor the article names belongs to one of these
two countries, an office in that country's own style (a "senator" in an American story, a
"minister" or an "MP" in a British one) places the person there. Offices of another style,
and articles without a clear home, give nothing.
"""

from __future__ import annotations

from collections import Counter

from patronage.model.records import Role
from patronage.resolve.docactors import MentionTable

__all__ = ["home_country", "national_office", "office_country"]

#: office words in each home country's own style (a "minister" is never American)
_OFFICES = {
    "USA": frozenset(
        """
        senator congressman congresswoman representative governor secretary adviser advisor counsel
        ambassador mayor speaker lawmaker legislator attorney prosecutor director committee lady whip
        """.split()
    ),
    "GBR": frozenset(
        """
        minister secretary chancellor mp ambassador mayor speaker lord baroness peer whip
        attorney solicitor committee
        """.split()
    ),
}
#: offices only one state has, named the same whatever the story ("Home Secretary Charles Clarke",
#: "Senate Majority Leader Mitch McConnell"): the office places its holder (not "Interior" or
#: "Agriculture Secretary": the Philippines names its cabinet the American way)
_ONE_STATE = {
    "GBR": (
        "home secretary", "foreign secretary", "chancellor of the exchequer", "commons leader", "leader of the commons",
        "leader of the house of commons", "lord chancellor", "msp", "home office", "foreign office", "cabinet office",
        "downing street", "northern ireland secretary", "scottish secretary", "welsh secretary", "culture secretary",
        "work and pensions secretary", "chief secretary to the treasury", "business secretary",
    ),
    "USA": (
        "secretary of defense", "senate majority leader", "senate minority leader", "house majority leader",
        "house minority leader", "house speaker", "speaker of the house", "congressman", "congresswoman",
        "director of national intelligence", "white house chief of staff", "white house press secretary",
        "secretary of homeland security", "secretary of the treasury", "treasury secretary",
        "secretary of veterans affairs", "secretary of housing and urban development",
    ),
}  # fmt: skip
#: titles that tie a person to another side, or to no state at all
_NOT_NATIONAL = frozenset({"foreign", "counterpart", "rival", "opponent", "critic", "former-soviet", "un"})
#: how much of what the article names must belong to one country for it to be the home
_SHARE = 0.7
_AT_LEAST = 4


def home_country(table: MentionTable) -> str | None:
    """The one country (USA or GBR) nearly every named actor of the article belongs to, if any."""
    counts: Counter[str] = Counter()
    for mention in table.mentions:
        actor = table.actors.get(mention.actor_id) if mention.actor_id else None
        if actor is not None and actor.country and mention.how != "coref":
            counts[actor.country] += 1
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    total = sum(counts.values())
    if country not in _OFFICES or n < _AT_LEAST or n < _SHARE * total:
        return None
    return country


def national_office(role: Role, home: str) -> bool:
    """Whether a role the text states, with no country of its own, is an office of ``home``."""
    words = set(role.title.lower().replace("-", " ").split())
    if role.of and not set(role.of.lower().replace("-", " ").split()) <= words:
        return False  # "minister of Iraq"; the portfolio of "Constitutional Affairs Minister" is its own
    return bool(words & _OFFICES[home]) and not words & _NOT_NATIONAL


def office_country(title: str) -> str | None:
    """The one state whose office ``title`` names, whatever the story ("former home secretary")."""
    words = f" {' '.join(title.lower().replace('-', ' ').split())} "
    if set(words.split()) & _NOT_NATIONAL:
        return None
    if "shadow" in words.split() and set(words.split()) & {"secretary", "minister", "chancellor", "cabinet"}:
        return "GBR"  # "the shadow education secretary", "senior shadow cabinet members"
    for country, offices in _ONE_STATE.items():
        if any(f" {office} " in words for office in offices):
            return country
    return None
