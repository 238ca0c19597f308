"""CAMEO recoding rules for events that are intended, refused or demanded rather than done.

CAMEO (and the CAMEO-to-PLOVER table) codes the *intent* to cooperate as AGREE
(03x: "will visit", "offered to release"), the intent to do harm as THREATEN
(13x: "plans to attack", "will impose a curfew"), a refused cooperation as
REJECT (12x: "will not accept refugees") and "X must do Y" in someone's mouth as
REQUEST (10x). These functions map the code of the underlying action to the code
of the speech act; the caller decides when they apply, from the ``intent`` of each type in
the PLOVER vocabulary (:mod:`patronage.model.plover`).
"""

from __future__ import annotations

__all__ = ["agree_code", "reject_code", "request_code", "threaten_code"]

# longest prefix wins; keys are CAMEO code prefixes of the underlying action
_AGREE = {
    "04": "036",
    "05": "032",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "08": "035",
    "081": "0351",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
}
_THREATEN = {
    "1": "130",
    "14": "133",
    "15": "138",
    "16": "131",
    "161": "1313",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "131",
    "172": "132",
    "1723": "1323",
    "1724": "1324",
    "18": "1383",
    "19": "138",
    "191": "1381",
    "192": "1382",
    "20": "1385",
}
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


def agree_code(cameo: str) -> str:
    """The CAMEO 03x intent code for a cooperative action code."""
    return _lookup(_AGREE, cameo, "030")


def threaten_code(cameo: str) -> str:
    """The CAMEO 13x threat code for a hostile action code."""
    return _lookup(_THREATEN, cameo, "130")


def reject_code(cameo: str) -> str:
    """The CAMEO 12x refusal code for a cooperative action code."""
    return _lookup(_REJECT, cameo, "120")


def request_code(cameo: str) -> str:
    """The CAMEO 10x demand code for an action someone says another *must* take."""
    return _lookup(_REQUEST, cameo, "100")
