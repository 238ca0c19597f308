"""CAMEO recoding rules for events that are refused or demanded rather than done.

CAMEO (and the CAMEO-to-PLOVER table) codes a refused cooperation as REJECT (12x: "will
not accept refugees") and "X must do Y" in someone's mouth as REQUEST (10x). These
functions map the code of the underlying action to the code of the speech act; the caller
decides when they apply. An offered or intended action keeps its own code: its modality
says it has not happened (see :func:`patronage.model.plover.manual_type`).
"""

from __future__ import annotations

__all__ = ["reject_code", "request_code"]

# longest prefix wins; keys are CAMEO code prefixes of the underlying action
_REJECT = {
    "04": "125",
    "05": "120",
    "06": "121",
    "07": "122",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "08": "124",
    "0841": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
}
_REQUEST = {
    "0": "100",
    "04": "106",
    "05": "102",
    "06": "101",
    "07": "103",
    "071": "1031",
    "072": "1032",
    "073": "1033",
    "074": "1034",
    "08": "105",
    "0841": "1053",
    "085": "1054",
    "086": "1055",
    "087": "1056",
    "1": "100",
    "18": "1056",
    "19": "1056",
}


def _lookup(table: dict[str, str], cameo: str, default: str) -> str:
    for cut in range(len(cameo), 0, -1):
        hit = table.get(cameo[:cut])
        if hit is not None:
            return hit
    return default


def reject_code(cameo: str) -> str:
    """The CAMEO 12x refusal code for a cooperative action code."""
    return _lookup(_REJECT, cameo, "120")


def request_code(cameo: str) -> str:
    """The CAMEO 10x demand code for an action someone says another *must* take."""
    return _lookup(_REQUEST, cameo, "100")
