"""Importers for the actor dictionaries analysts already have.

* Phoenix/PETRARCH ``.actors`` files (:mod:`~patronage.resolve.importers.phoenix`).
* CountryInfo (:mod:`~patronage.resolve.importers.countryinfo`).

Both return entries in the gazetteer schema; :func:`write_entries` writes them as
YAML that ``Gazetteer.load(extra=[path])`` accepts. Ids are namespaced
(``phoenix/...``, ``countryinfo/...``) so they never clash with the packaged ones.
"""

from patronage.resolve.importers.countryinfo import import_countryinfo
from patronage.resolve.importers.files import write_entries
from patronage.resolve.importers.notation import parse_code
from patronage.resolve.importers.phoenix import import_phoenix

__all__ = ["import_countryinfo", "import_phoenix", "parse_code", "write_entries"]
