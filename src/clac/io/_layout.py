"""The layout of a registry file, its format version and migrations between versions.

A registry file is a mapping with these top-level keys, in this order::

    clac            the format version (an int; FORMAT_VERSION today)
    name            the coalition's name
    charter         the id of the charter the coalition lives under ("base-document")
    amendments      that charter's amendments, oldest first
    records_since   the day from which the registry's records of dated events are complete
                    (optional; never a member's own entry)
    records_since_by_kind
                    the same day per kind of record (meetings, reports, hours, plans,
                    documents), each overriding records_since for its kind, and members: the day
                    every member's own entry is complete from (optional; a day, never null)
    organizations, members, working_groups, meetings, participation, documents, reports,
    proposals, plans, roles, assessments, survey
                    the Coalition's fields, in the Coalition's order

Inside objects the keys are the attrs field names of the model. :data:`RegistryFile` is this
layout as an attrs class, built from :class:`~clac.registry.Coalition`'s own fields so that the
two cannot drift apart; cattrs structures a file into it and :func:`to_coalition` turns it
into a Coalition (rebuilding the charter with ``BASE_DOCUMENT.amend(...)``).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from clac import _validators as v
from clac.charter import BASE_DOCUMENT, Amendment, Charter
from clac.errors import ClacError, FileFormatError, InvalidData, Problem, UnsupportedFormatVersion
from clac.io._problems import as_written
from clac.registry import Coalition, default_working_groups

__all__ = [
    "CHARTERS",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "RegistryFile",
    "from_coalition",
    "migrate",
    "to_coalition",
]

#: The version of the registry-file format this clac reads and writes (the ``clac:`` key).
FORMAT_VERSION: Final = 1

#: Steps that upgrade the raw data of a file from format N to format N + 1, applied in turn
#: before structuring. Empty while there is only one format.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

#: The charters a file can name, by id.
CHARTERS: Mapping[str, Charter] = {BASE_DOCUMENT.id: BASE_DOCUMENT}


# ---------------------------------------------------------------------------- the layout


def _format_version(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value != FORMAT_VERSION:  # pragma: no cover - migrate() has brought it here already
        v.fail(attribute, value, f"must be {FORMAT_VERSION}")


def _known_charter(_i: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in CHARTERS:
        choices = ", ".join(repr(id_) for id_ in CHARTERS)
        v.fail(attribute, value, f"is not a charter clac knows (choose {choices})")


v.with_schema(_format_version, {"type": "integer", "const": FORMAT_VERSION})
v.with_schema(_known_charter, lambda: {"type": "string", "enum": list(CHARTERS)})


def _registry_file_class() -> type[Any]:
    # Coalition imports Charter only for type checking: resolve its hints with it at hand.
    hints = typing.get_type_hints(Coalition, localns={"Charter": Charter})
    fields = {f.name: f for f in attrs.fields(Coalition)}
    these: dict[str, Any] = {
        "clac": attrs.field(type=int, validator=_format_version),
        "name": attrs.field(type=hints["name"], validator=fields["name"].validator),
        "charter": attrs.field(type=str, default=BASE_DOCUMENT.id, validator=_known_charter),
        "amendments": attrs.field(
            type=tuple[Amendment, ...],
            factory=tuple,
            validator=v.each(v.instance(Amendment, "an amendment")),
        ),
    }
    for name, field in fields.items():
        if name not in these:
            these[name] = attrs.field(
                type=hints[name],
                default=field.default,
                validator=field.validator,
                converter=field.converter,
            )
    return attrs.make_class("RegistryFile", these, frozen=True, slots=True)


#: The registry file as an attrs class: see the module docstring.
RegistryFile: type[Any] = _registry_file_class()
RegistryFile.__module__ = __name__
RegistryFile.__doc__ = (
    "A clac registry file: its format version, the coalition's name, the charter it lives under"
    " with that charter's amendments, and the coalition's records."
)
_COALITION_FIELDS: Final = tuple(
    f.name for f in attrs.fields(Coalition) if f.name not in {"name", "charter"}
)


# ------------------------------------------------------------------------------ versions


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Check the ``clac`` format version of raw file data and bring it up to FORMAT_VERSION."""
    if "clac" not in data:
        raise FileFormatError(
            f"is missing: a registry file starts with its format version (clac: {FORMAT_VERSION})",
            path="clac",
        )
    version = data["clac"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileFormatError(
            f"must be a whole number, the file's format version (clac: {FORMAT_VERSION})",
            path="clac",
            value=version,
        )
    if version > FORMAT_VERSION:
        raise UnsupportedFormatVersion(
            f"this file is format {version}; this clac reads format {FORMAT_VERSION}"
            " — upgrade clac",
            path="clac",
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise UnsupportedFormatVersion(
                f"this file is format {version}; this clac reads format {FORMAT_VERSION}"
                f" and cannot upgrade format {version}",
                path="clac",
            )
        try:
            data = step(dict(data))
        except ClacError:
            raise
        except Exception as error:
            raise FileFormatError(
                f"cannot be upgraded from format {version} to format {version + 1}: {error}",
                path="clac",
                value=version,
            ) from error
        version += 1
        data = {**data, "clac": version}
    return data


# ------------------------------------------------------------------- to and from Coalition


def to_coalition(registry: Any) -> Coalition:
    """The Coalition a structured :data:`RegistryFile` describes.

    Raises :class:`~clac.errors.FileFormatError` for an amendment its charter refuses and
    :class:`~clac.errors.CrossReferenceError` for references that point nowhere.
    """
    charter = CHARTERS[registry.charter]
    for index, amendment in enumerate(registry.amendments):
        try:
            charter = charter.amend(amendment)
        except ClacError as error:
            problems = [_amendment_problem(p, index) for p in error.problems]
            raise FileFormatError(problems=problems) from None
    return Coalition(
        name=registry.name,
        charter=charter,
        **{name: getattr(registry, name) for name in _COALITION_FIELDS},
    )


def _amendment_problem(problem: Problem, index: int) -> Problem:
    # Charter.amend calls its argument "amendment": "amendment.effective" is the file's
    # "amendments[0].effective".
    path = problem.path
    if path == "amendment" or path.startswith(("amendment.", "amendment[")):
        path = path.removeprefix("amendment").removeprefix(".")
    moved = Problem(problem.reason, path=path, value=problem.value)
    return as_written(moved).under(f"amendments[{index}]")


def _declared_working_groups(coalition: Coalition) -> tuple[Any, ...]:
    """The shortest run of the coalition's working groups from which a Coalition rebuilds
    them all (the charter's undeclared groups come back after the declared ones)."""
    groups = coalition.working_groups
    defaults = default_working_groups(coalition.charter)
    for count in range(len(groups) + 1):
        declared = groups[:count]
        ids = {w.id for w in declared}
        if (*declared, *(d for d in defaults if d.id not in ids)) == groups:
            return declared
    return groups  # pragma: no cover - the whole tuple always rebuilds itself


def from_coalition(coalition: Coalition) -> Any:
    """The :data:`RegistryFile` that describes ``coalition``.

    Raises :class:`~clac.errors.InvalidData` when the coalition's charter is not one a file can
    name: a charter clac knows (``BASE_DOCUMENT``), as amended.
    """
    original = coalition.charter.original
    known = CHARTERS.get(original.id)
    if known is not original and known != original:
        raise InvalidData(
            "cannot be saved: a registry file names its charter by id, and this charter is not"
            f" one clac knows ({', '.join(CHARTERS)}) or an amendment of one",
            path="charter",
            value=original.id,
        )
    fields = {name: getattr(coalition, name) for name in _COALITION_FIELDS}
    # The charter's own working groups exist without being declared: write only those the
    # registry says more about than the charter does (a formation date, a consultation).
    fields["working_groups"] = _declared_working_groups(coalition)
    return RegistryFile(
        clac=FORMAT_VERSION,
        name=coalition.name,
        charter=original.id,
        amendments=coalition.charter.amendments,
        **fields,
    )
