"""A charter: the Base Document, or the Base Document as amended, with its history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from clac import _validators as v
from clac.charter._amendment import Amendment
from clac.charter._clause import Clause
from clac.charter._goals import Objective, PolicyGoal, Principle
from clac.charter._membership import Requirement
from clac.charter._parameters import Parameters
from clac.charter._partners import Partner
from clac.charter._reporting import ReportSection
from clac.charter._roles import Role, RoleDefinition
from clac.charter._vocabulary import Section, Sector
from clac.charter._working_groups import WorkingGroupDefinition
from clac.errors import InvalidData, UnknownReference
from clac.text import Text

__all__ = ["Charter"]

_T = TypeVar("_T")

COALITION = Text(
    "Latin America Coalition Against Child Sexual Abuse and Exploitation Online (CLAC)",
    "Coalición Latinoamericana contra el Abuso y Explotación Sexual Infantil en Línea (CLAC)",
)
"""The coalition's name, from the Base Document's cover."""


def _unique(key: Callable[[Any], object]) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: no two elements of the tuple share ``key``; the error names the second."""

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        seen: set[object] = set()
        for index, element in enumerate(value):
            k = key(element)
            if k in seen:
                raise InvalidData("appears twice", path=f"{attribute.name}[{index}]", value=str(k))
            seen.add(k)

    return check


def _freeze_sections(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType(dict(value))
    return value


def _report_sections(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping):
        raise InvalidData("must map each ReportSection to its clause", path=attribute.name)
    for section in ReportSection:
        if not isinstance(value.get(section), Clause):
            raise InvalidData(
                "must map this report section to a Clause",
                path=f"{attribute.name}.{section}",
                value=value.get(section),
            )
    for section in value:
        if not isinstance(section, ReportSection):
            raise InvalidData(
                "is not a ReportSection", path=f"{attribute.name}.{section}", value=section
            )


def _optional_charter(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Charter):
        raise InvalidData("must be a Charter or None", path=attribute.name, value=value)


_KINDS = {
    "clauses": Text("a clause", "una cláusula"),
    "sections": Text("a section", "una sección"),
    "objectives": Text("an objective", "un objetivo"),
    "principles": Text("a guiding principle", "un principio general"),
    "policy_goals": Text("a policy goal", "un objetivo de política"),
    "working_groups": Text("a working group", "un grupo de trabajo"),
    "partners": Text("a partner", "un socio"),
    "sectors": Text("a sector", "un sector"),
    "requirements": Text("a membership requirement", "un requisito de membresía"),
    "roles": Text("a role", "un cargo"),
    "report_sections": Text("a report section", "una sección de informe"),
}


def _id(element: Any) -> object:
    return element.id


@attrs.frozen(kw_only=True)
class Charter:
    """The rules a coalition lives under: every clause, and the typed elements read from them.

    A charter is immutable. :meth:`amend` returns the next version, which keeps the one it
    amends as its ``predecessor``; :meth:`in_force` walks back through that history to the
    version in force on a date. Lookups by id raise :class:`~clac.errors.UnknownReference`
    naming what was asked for.
    """

    id: str = attrs.field(validator=v.identifier)
    version: int = attrs.field(validator=v.integer(minimum=1))
    effective: dt.date = attrs.field(validator=v.a_date)
    title: Text = attrs.field(validator=v.instance_of(Text))
    clauses: tuple[Clause, ...] = attrs.field(
        validator=[v.each(v.instance_of(Clause)), _unique(lambda c: c.id)]
    )
    objectives: tuple[Objective, ...] = attrs.field(
        validator=[v.each(v.instance_of(Objective)), _unique(_id)]
    )
    principles: tuple[Principle, ...] = attrs.field(
        validator=[v.each(v.instance_of(Principle)), _unique(_id)]
    )
    policy_goals: tuple[PolicyGoal, ...] = attrs.field(
        validator=[v.each(v.instance_of(PolicyGoal)), _unique(_id)]
    )
    working_groups: tuple[WorkingGroupDefinition, ...] = attrs.field(
        validator=[v.each(v.instance_of(WorkingGroupDefinition)), _unique(_id)]
    )
    partners: tuple[Partner, ...] = attrs.field(
        validator=[v.each(v.instance_of(Partner)), _unique(_id)]
    )
    roles: tuple[RoleDefinition, ...] = attrs.field(
        validator=[v.each(v.instance_of(RoleDefinition)), _unique(lambda r: r.role)]
    )
    requirements: tuple[Requirement, ...] = attrs.field(
        validator=[v.each(v.instance_of(Requirement)), _unique(_id)]
    )
    report_sections: Mapping[ReportSection, Clause] = attrs.field(
        converter=_freeze_sections, validator=_report_sections, hash=False
    )
    parameters: Parameters = attrs.field(factory=Parameters, validator=v.instance_of(Parameters))
    amendments: tuple[Amendment, ...] = attrs.field(
        default=(), validator=v.each(v.instance_of(Amendment))
    )
    predecessor: Charter | None = attrs.field(default=None, validator=_optional_charter)
    coalition: Text = attrs.field(default=COALITION, validator=v.instance_of(Text))

    def __attrs_post_init__(self) -> None:
        """Check that every element cites a clause of this charter."""
        known = set(self.clauses)
        cited: list[tuple[str, Clause | None]] = [
            *((f"objectives[{i}].clause", o.clause) for i, o in enumerate(self.objectives)),
            *((f"principles[{i}].clause", p.clause) for i, p in enumerate(self.principles)),
            *((f"policy_goals[{i}].clause", g.clause) for i, g in enumerate(self.policy_goals)),
            *((f"working_groups[{i}].clause", w.clause) for i, w in enumerate(self.working_groups)),
            *((f"partners[{i}].clause", p.clause) for i, p in enumerate(self.partners)),
            *((f"roles[{i}].clause", r.clause) for i, r in enumerate(self.roles)),
            *((f"requirements[{i}].clause", r.clause) for i, r in enumerate(self.requirements)),
            *((f"report_sections.{s}", c) for s, c in self.report_sections.items()),
        ]
        for path, clause in cited:
            if clause is not None and clause not in known:
                raise InvalidData("is not a clause of this charter", path=path, value=clause.id)
        partner_ids = {p.id for p in self.partners}
        for index, role in enumerate(self.roles):
            if role.holder_organization is not None and role.holder_organization not in partner_ids:
                raise InvalidData(
                    "is not a partner of this charter",
                    path=f"roles[{index}].holder_organization",
                    value=role.holder_organization,
                )

    # -- naming ------------------------------------------------------------------------------

    @property
    def name(self) -> Text:
        """The charter's title with its version, as messages cite it: ``Base Document (v1)``."""
        return Text(f"{self.title.en} (v{self.version})", f"{self.title.es} (v{self.version})")

    def _unknown(self, path: str, value: object) -> UnknownReference:
        what = _KINDS[path]
        reason = Text(
            f"is not {what.en} of the {self.name.en}", f"no es {what.es} del {self.name.es}"
        )
        return UnknownReference(reason, path=path, value=value)

    def _find(
        self, items: Iterable[_T], key: Callable[[_T], object], wanted: object, path: str
    ) -> _T:
        for item in items:
            if key(item) == wanted:
                return item
        raise self._unknown(path, wanted)

    # -- clauses -----------------------------------------------------------------------------

    def clause(self, section: Section | str, item: int) -> Clause:
        """The clause ``item`` of ``section`` (``charter.clause(Section.MEMBERSHIP, 5)``)."""
        wanted = f"{section}.{item}"
        for clause in self.clauses:
            if clause.section == section and clause.item == item:
                return clause
        raise self._unknown("clauses", wanted)

    def clauses_in(self, section: Section | str) -> tuple[Clause, ...]:
        """Every clause of ``section``, in document order."""
        try:
            wanted = Section(section)
        except ValueError:
            raise self._unknown("sections", section) from None
        return tuple(c for c in self.clauses if c.section is wanted)

    @property
    def sections(self) -> Mapping[Section, tuple[Clause, ...]]:
        """Every section, in document order, with its clauses."""
        return MappingProxyType({s: self.clauses_in(s) for s in Section})

    @property
    def divergences(self) -> tuple[Clause, ...]:
        """The clauses whose English and Spanish differ in substance, in document order."""
        return tuple(c for c in self.clauses if c.divergence is not None)

    # -- typed elements ----------------------------------------------------------------------

    def objective(self, id: str) -> Objective:  # noqa: A002 - the charter's own word
        """The objective ``id`` (``OBJ-1``)."""
        return self._find(self.objectives, _id, id, "objectives")

    def principle(self, id: str) -> Principle:  # noqa: A002
        """The guiding principle ``id`` (``transparency``)."""
        return self._find(self.principles, _id, id, "principles")

    def policy_goal(self, id: str) -> PolicyGoal:  # noqa: A002
        """The policy goal ``id`` (``PG-1`` … ``PG-8``)."""
        return self._find(self.policy_goals, _id, id, "policy_goals")

    def working_group(self, id: str) -> WorkingGroupDefinition:  # noqa: A002
        """The working group ``id`` (``prevention-awareness``)."""
        return self._find(self.working_groups, _id, id, "working_groups")

    def partner(self, id: str) -> Partner:  # noqa: A002
        """The founding or expected partner ``id`` (``icmec``), also by a later name's id
        (``meta`` for the charter's ``facebook``)."""
        return self._find(self.partners, _id, self.partner_id(id), "partners")

    def partner_id(self, id: str) -> str:  # noqa: A002
        """The charter's id of the partner a registry names ``id`` (``meta`` → ``facebook``);
        ``id`` itself when no partner was renamed to it."""
        for partner in self.partners:
            if id in partner.ids:
                return partner.id
        return id

    def requirement(self, id: str) -> Requirement:  # noqa: A002
        """The membership requirement ``id`` (``written-subscription``)."""
        return self._find(self.requirements, _id, id, "requirements")

    def role(self, role: Role | str) -> RoleDefinition:
        """The definition of the office ``role`` (``Role.CHAIR`` or ``"chair"``)."""
        try:
            wanted = Role(role)
        except ValueError:
            raise self._unknown("roles", role) from None
        return self._find(self.roles, lambda r: r.role, wanted, "roles")

    def report_section(self, section: ReportSection | str) -> Clause:
        """The Reporting clause that asks for report section ``section``."""
        try:
            wanted = ReportSection(section)
        except ValueError:
            raise self._unknown("report_sections", section) from None
        return self.report_sections[wanted]

    @property
    def founding_partners(self) -> tuple[Partner, ...]:
        """The founding partners, in document order."""
        return tuple(p for p in self.partners if p.founding)

    def expected_partners(self, sector: Sector | str | None = None) -> tuple[Partner, ...]:
        """The expected (not founding) partners, all or those of ``sector``."""
        wanted = None
        if sector is not None:
            try:
                wanted = Sector(sector)
            except ValueError:
                raise self._unknown("sectors", sector) from None
        return tuple(
            p for p in self.partners if not p.founding and (wanted is None or p.sector is wanted)
        )

    # -- history -----------------------------------------------------------------------------

    def amend(self, amendment: Amendment) -> Charter:
        """The next version of this charter, with ``amendment`` applied from its date on.

        Refuses (:class:`~clac.errors.InvalidData`) an amendment that does not take effect
        after this version, that adds a working group id already in use, or whose parameters
        would break :class:`Parameters`' own checks.
        """
        if not isinstance(amendment, Amendment):
            raise InvalidData("must be an Amendment", path="amendment", value=amendment)
        if amendment.effective <= self.effective:
            raise InvalidData(
                f"must be after the effective date of the {self.name.en} ({self.effective})",
                path="amendment.effective",
                value=amendment.effective,
            )
        ids = {group.id for group in self.working_groups}
        for index, group in enumerate(amendment.add_working_groups):
            if group.id in ids:
                raise InvalidData(
                    f"is already a working group of the {self.name.en}",
                    path=f"amendment.add_working_groups[{index}].id",
                    value=group.id,
                )
            ids.add(group.id)
        try:
            parameters = attrs.evolve(self.parameters, **amendment.parameters)
        except InvalidData as error:
            raise error.under("amendment.parameters") from None
        roles = tuple(
            attrs.evolve(
                r,
                holder=Text(
                    "Whoever the Members designate (handed over by amendment)",
                    "Quien designen los miembros (traspasado por enmienda)",
                    pt="Quem os membros designarem (transferido por emenda)",
                ),
                holder_organization=None,
                unit=None,
            )
            if r.role in amendment.hand_over
            else r
            for r in self.roles
        )
        return attrs.evolve(
            self,
            version=self.version + 1,
            effective=amendment.effective,
            parameters=parameters,
            roles=roles,
            working_groups=(*self.working_groups, *amendment.add_working_groups),
            amendments=(*self.amendments, amendment),
            predecessor=self,
        )

    @property
    def history(self) -> tuple[Charter, ...]:
        """Every version from the first to this one."""
        versions: list[Charter] = []
        charter: Charter | None = self
        while charter is not None:
            versions.append(charter)
            charter = charter.predecessor
        return tuple(reversed(versions))

    @property
    def original(self) -> Charter:
        """The first version, the one every amendment builds on."""
        return self.history[0]

    def in_force(self, on: dt.date) -> Charter:
        """The version of this charter's history in force on ``on``.

        That is the latest version, up to this one, whose effective date is not after ``on``;
        a date before the first version took effect raises :class:`~clac.errors.InvalidData`.
        """
        if isinstance(on, dt.datetime) or not isinstance(on, dt.date):
            raise InvalidData("must be a date (not a datetime)", path="on", value=on)
        charter: Charter | None = self
        while charter is not None:
            if charter.effective <= on:
                return charter
            charter = charter.predecessor
        first = self.original
        raise InvalidData(
            f"is before the {first.title.en} took effect ({first.effective})", path="on", value=on
        )

    # -- display -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"Charter(id={self.id!r}, version={self.version}, "
            f"effective={self.effective.isoformat()!r})"
        )

    def __str__(self) -> str:
        amended = "" if self.predecessor is None else f", amends version {self.predecessor.version}"
        founding = len(self.founding_partners)
        groups = ", ".join(group.id for group in self.working_groups)
        lines = [
            f"{self.title.en} / {self.title.es}",
            f"{self.coalition.en}",
            f"version {self.version}, effective {self.effective.isoformat()}{amended}",
            f"{len(self.clauses)} clauses in {len(Section)} sections "
            f"({len(self.divergences)} with an English/Spanish divergence)",
            f"{len(self.objectives)} objectives, {len(self.principles)} guiding principles, "
            f"{len(self.policy_goals)} policy goals",
            f"{len(self.working_groups)} working groups: {groups}",
            f"{len(self.partners)} partners ({founding} founding, "
            f"{len(self.partners) - founding} expected)",
            f"{len(self.requirements)} membership requirements",
            "parameters:",
            *(f"  {name} = {value}" for name, value in self.parameters.as_dict().items()),
        ]
        return "\n".join(lines)
