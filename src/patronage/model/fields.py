"""How a record's fields become flat table columns and public JSON keys, read from the records.

Every record of :mod:`patronage.model.records` is a frozen dataclass; this module walks its
fields once (:func:`layout`) into a tree of :class:`Slot` s. A nested record is flattened
into its parent's columns and nested under its parent's key in the public object, unless
a field's metadata says otherwise:

``column``
    the column name; ``{}`` stands for the parent field's name (default ``{}_<name>`` for a
    field of a nested record, ``<name>`` at the top), so ``Event.source.actor_id`` is the
    column ``source_actor_id`` and ``Evidence.start`` (declared ``ev_start``) the column
    ``ev_start``. ``None`` keeps the field out of the record's table (stored elsewhere).
    Two fields may share a column (a quote's ``speaker_text`` and its speaker's text): the
    first that is not null is stored, and both read it back.
``public``
    the key in the public object (DESIGN.md's export schema, which the API returns too):
    ``{}`` flattens the field into its parent (``date``, ``date_precision``), a dotted path
    nests it (``dyad.source``), ``None`` hides it.

A record class may set ``PUBLIC_ORDER`` (a ``ClassVar``): the order of its public keys as the
schema first published them; keys it does not name follow, in declaration order. So adding
a field to a record is one edit here in ``model/``: the store, the queries, the exports and
the API all read the layout.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["Slot", "from_flat", "layout", "public", "to_flat"]

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Slot:
    """One field of a record, as the store and the public schema see it."""

    name: str
    """The attribute name."""
    type: Any
    """The field's type, without ``None``: a scalar type, ``tuple`` (of scalars), or a record class."""
    optional: bool
    """True when the field may be ``None``."""
    column: str | None
    """The flat column name (after prefixing), or None when not stored in the record's table."""
    public: str | None
    """The public key, after prefixing (dotted when nested), or None when hidden."""
    children: tuple[Slot, ...] = ()
    """The slots of a nested record; empty for a scalar."""
    many: bool = False
    """True for a tuple of records (``Actor.roles``): a child table, never a column."""

    @property
    def nested(self) -> bool:
        """True when the slot holds a record (or a tuple of records)."""
        return bool(self.children)


def _record(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def _unwrap(tp: Any) -> tuple[Any, bool]:
    """``(type without None, optional)``."""
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return (args[0] if len(args) == 1 else tp), len(args) < len(typing.get_args(tp))
    return tp, False


def _name(template: str | None, prefix: str | None, default: str) -> str | None:
    if template is None:
        return None
    if prefix is None:
        return template.replace("{}", "").strip("_.") or default
    return template.replace("{}", prefix)


_LAYOUTS: dict[type, tuple[Slot, ...]] = {}


def layout(cls: type) -> tuple[Slot, ...]:
    """The slots of a record class, nested records walked (see the module docstring)."""
    slots = _LAYOUTS.get(cls)
    if slots is None:
        slots = _LAYOUTS[cls] = _slots(cls, None, None)
    return slots


def _slots(cls: type, column_prefix: str | None, public_prefix: str | None) -> tuple[Slot, ...]:
    hints = typing.get_type_hints(cls)
    out: list[Slot] = []
    for f in dataclasses.fields(cls):
        tp, optional = _unwrap(hints[f.name])
        meta = f.metadata
        col_template = meta.get("column", f.name if column_prefix is None else "{}_" + f.name)
        pub_template = meta.get("public", f.name)
        column = _name(col_template, column_prefix, f.name)
        if public_prefix is not None and pub_template is not None and "{}" not in pub_template:
            pub_template = f"{public_prefix}.{pub_template}"
        pub = _name(pub_template, public_prefix, f.name)
        many = typing.get_origin(tp) is tuple and _record(typing.get_args(tp)[0])
        inner = typing.get_args(tp)[0] if many else tp
        if _record(inner):
            children = _slots(inner, None if many else column, None if many else pub)
            out.append(Slot(f.name, inner, optional, None if many else column, pub, children, many))
        else:
            out.append(Slot(f.name, tp, optional, column, pub))
    return tuple(out)


def to_flat(record: Any) -> dict[str, Any]:
    """A record as ``{column: value}`` (tuples of scalars as lists, child tables left out)."""
    out: dict[str, Any] = {}
    _flatten(record, layout(type(record)), out)
    return out


def _flatten(record: Any, slots: tuple[Slot, ...], out: dict[str, Any]) -> None:
    for slot in slots:
        if slot.many or slot.column is None:
            continue
        value = None if record is None else getattr(record, slot.name)
        if slot.nested:
            _flatten(value, slot.children, out)
            continue
        if isinstance(value, tuple):
            value = list(value)
        if out.get(slot.column) is None:  # a shared column keeps the first value that is not null
            out[slot.column] = value


def from_flat(cls: type[R], row: Mapping[str, Any]) -> R:
    """The record a flat row holds (``None`` columns of an optional nested record: ``None``)."""
    return cls(**_kwargs(layout(cls), row))


def _kwargs(slots: tuple[Slot, ...], row: Mapping[str, Any]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for slot in slots:
        if slot.many or slot.column is None:
            continue  # a child table or a field stored elsewhere: the record's default
        if slot.nested:
            key = slot.children[0]
            if slot.optional and key.column is not None and row.get(key.column) is None:
                kwargs[slot.name] = None
            else:
                kwargs[slot.name] = slot.type(**_kwargs(slot.children, row))
            continue
        value = row.get(slot.column)
        if typing.get_origin(slot.type) is tuple:
            value = tuple(value or ())
        kwargs[slot.name] = value
    return kwargs


def public(record: Any) -> dict[str, Any]:
    """A record as its public object: the export schema of DESIGN.md, which the API returns too."""
    out: dict[str, Any] = {}
    _publish(record, layout(type(record)), out)
    order = getattr(type(record), "PUBLIC_ORDER", ())
    if not order:
        return out
    first = {key: out[key] for key in order if key in out}
    return {**first, **{k: v for k, v in out.items() if k not in first}}


def _put(out: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    for key in parents:
        out = out.setdefault(key, {})
    out[leaf] = value


def _publish(record: Any, slots: tuple[Slot, ...], out: dict[str, Any]) -> None:
    for slot in slots:
        if slot.public is None:
            continue
        value = None if record is None else getattr(record, slot.name)
        if slot.many:
            _put(out, slot.public, [public(item) for item in value or ()])
        elif slot.nested and value is None and not _inline(slot):
            _put(out, slot.public, None)
        elif slot.nested:
            _publish(value, slot.children, out)
        else:
            _put(out, slot.public, list(value) if isinstance(value, tuple) else value)


def _inline(slot: Slot) -> bool:
    """True when a nested record's keys are flattened into its parent (``date``, ``date_precision``)."""
    return all(child.public is None or "." not in child.public for child in slot.children)
