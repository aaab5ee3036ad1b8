"""GOV-* rules: the Structure and Governance section.

Who holds the offices (GOV-01, GOV-02), the annual meetings ICMEC LAC coordinates (GOV-03),
how new working groups are formed (GOV-04), and the strategic and operational plans (GOV-05 to
GOV-07).

Year rules judge a year only once there is a coalition to judge: from the later of the
charter's first effective year and the year the first member joined. Rules about what happens
*during* a year (an annual meeting, an assessment of the year's plan) wait until the year is
over; rules about what must be *in place* for a year (a strategic plan, an operational plan)
also judge the current year. :meth:`~clac.rules._context.Context.skip_year` decides both, for
these rules and the REP-* year rules alike.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from clac.charter import Role, Section, Severity
from clac.model import MeetingKind, RecordKind, RoleAssignment, WorkingGroup
from clac.rules._catalogue import rule
from clac.rules._context import Context, assessed_from, before_records, unrecorded
from clac.rules._engine import (
    SubjectKind,
    Verdict,
    insufficient_data,
    met,
    not_applicable,
    unmet,
)
from clac.text import Text
from clac.text import _trusted as _text

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = [
    "annual_meeting",
    "chair",
    "first_year",
    "holder_organizations",
    "new_working_groups",
    "operational_plan",
    "operational_plan_assessed",
    "secretariat",
    "strategic_plan",
]


def _n(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def holder_organizations(ctx: Context, role: Role) -> frozenset[str]:
    """Ids of the registry's organizations that are the partner the charter names for ``role``
    (for the Secretariat and the Chair: the organization whose ``partner`` is ``icmec``)."""
    partner = ctx.charter.role(role).holder_organization
    if partner is None:
        return frozenset()
    return frozenset(o.id for o in ctx.coalition.organizations if o.partner == partner)


def first_year(ctx: Context) -> int | None:
    """The first year there was a coalition to judge: the later of the charter's first
    effective year and the year the first member joined (None with no members)."""
    return ctx.first_year


def _in_force(ctx: Context, role: Role) -> tuple[RoleAssignment, ...]:
    return tuple(a for a in ctx.coalition.roles if a.role == role.value and a.holds_on(ctx.as_of))


# --------------------------------------------------------------------------- GOV-01


def _no_holder(ctx: Context, role: Role) -> Verdict:
    """No assignment of ``role`` in force: unmet where the registry's records are complete,
    else not recorded."""
    label = role.label
    facts = {"holders": ()}
    if not ctx.complete(None, ctx.as_of):
        return unrecorded(
            _text(
                f"who holds the {label.en} on {ctx.as_of.isoformat()}",
                f"quién ejerce la {label.es} al {ctx.as_of.isoformat()}",
                pt=f"quem exerce {label.in_('pt')} em {ctx.as_of.isoformat()}",
            ),
            f"roles[] (role: {role.value}, organization, since)",
            **facts,
        )
    return unmet(
        _text(
            f"no one holds the {label.en} on {ctx.as_of.isoformat()}",
            f"nadie ejerce la {label.es} al {ctx.as_of.isoformat()}",
        ),
        **facts,
    )


def _partner_unknown(ctx: Context, role: Role, holders: tuple[str, ...]) -> Verdict | None:
    """Insufficient data when the charter names a partner for ``role`` but no organization of
    the registry is marked as that partner: clac cannot tell whether the holder is it."""
    partner = ctx.charter.role(role).holder_organization
    if partner is None or holder_organizations(ctx, role):
        return None
    return insufficient_data(
        _text(
            f"the {role.label.en} is held by {', '.join(holders)}, but no organization of the "
            f"registry is marked as the charter's partner {partner!r}: record it at "
            f"organizations[].partner",
            f"la {role.label.es} está a cargo de {', '.join(holders)}, pero ninguna "
            f"organización del registro está marcada como el socio {partner!r} de la carta: "
            "regístrelo en organizations[].partner",
        ),
        holders=holders,
        record_at="organizations[].partner",
    )


def _others_recorded(ctx: Context, role: Role, holders: tuple[str, ...]) -> Verdict:
    """Insufficient data: only other organizations are recorded in ``role``, and the registry
    does not say its records are complete, so ICMEC's own assignment (or an amendment handing
    the office over) may simply not be recorded."""
    label = role.label
    return insufficient_data(
        _text(
            f"the {label.en} is recorded as held by {', '.join(holders)}, not by ICMEC, and the "
            "registry does not say its records are complete: record ICMEC's assignment at "
            f"roles[] (role: {role.value}) or the amendment that handed it over (or set "
            "records_since)",
            f"la {label.es} figura a cargo de {', '.join(holders)}, no de ICMEC, y el registro "
            "no dice que sus registros estén completos: registre la asignación de ICMEC en "
            f"roles[] (role: {role.value}) o la enmienda que la traspasó (o fije records_since)",
        ),
        holders=holders,
        record_at="roles[]",
    )


@rule(
    "GOV-01",
    clause=(Section.STRUCTURE_AND_GOVERNANCE, 1),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.COALITION,
    facts=("roles[] (secretariat)", "organizations[].partner", "amendments[].hand_over"),
    title=_text("ICMEC holds the Secretariat", "ICMEC ejerce la Secretaría"),
    explanation=_text(
        "CLAC operates with ICMEC providing Secretariat support. clac looks for an assignment "
        "of the Secretariat in force on the day, held by the organization that is the ICMEC "
        "partner. The charter says ICMEC holds it 'initially': once an amendment hands the "
        "Secretariat over (hand_over), whoever the registry assigns holds it. With no "
        "assignment recorded, or no organization marked as the ICMEC partner, the data are "
        "insufficient unless the registry says its records are complete.",
        "La CLAC opera con ICMEC proporcionando el apoyo de Secretaría. clac busca una "
        "asignación de la Secretaría vigente ese día, a cargo de la organización que es el "
        "socio ICMEC. La carta dice que ICMEC la ejerce 'inicialmente': una vez que una "
        "enmienda la traspasa (hand_over), la ejerce quien el registro asigne. Sin asignación "
        "registrada, o sin organización marcada como socio ICMEC, los datos son insuficientes "
        "salvo que el registro diga que sus registros están completos.",
    ),
)
def secretariat(ctx: Context, coalition: Coalition) -> Verdict:
    """Met when the Secretariat is held by ICMEC (or, once handed over, by anyone) on the day."""
    definition = ctx.charter.role(Role.SECRETARIAT)
    assignments = _in_force(ctx, Role.SECRETARIAT)
    holders = tuple(a.organization for a in assignments)
    if not assignments:
        return _no_holder(ctx, Role.SECRETARIAT)
    if definition.holder_organization is None:
        first = assignments[0]
        return met(
            _text(
                f"the Secretariat, handed over by amendment, is held by {first.organization!r} "
                f"since {first.since.isoformat()}",
                f"la Secretaría, traspasada por enmienda, está a cargo de {first.organization!r} "
                f"desde el {first.since.isoformat()}",
            ),
            holders=holders,
            since=first.since,
        )
    icmec = holder_organizations(ctx, Role.SECRETARIAT)
    held = [a for a in assignments if a.organization in icmec]
    if held:
        return met(
            _text(
                f"the Secretariat is held by {held[0].organization!r} since "
                f"{held[0].since.isoformat()}",
                f"la Secretaría está a cargo de {held[0].organization!r} desde el "
                f"{held[0].since.isoformat()}",
            ),
            holders=holders,
            since=held[0].since,
        )
    unknown = _partner_unknown(ctx, Role.SECRETARIAT, holders)
    if unknown is not None:
        return unknown
    if not ctx.complete(None, ctx.as_of):
        return _others_recorded(ctx, Role.SECRETARIAT, holders)
    return unmet(
        _text(
            f"the Secretariat is held by {', '.join(holders)}, not by ICMEC (no amendment has "
            "handed it over)",
            f"la Secretaría está a cargo de {', '.join(holders)}, no de ICMEC (ninguna "
            "enmienda la ha traspasado)",
        ),
        holders=holders,
        icmec_organizations=tuple(sorted(icmec)),
    )


# --------------------------------------------------------------------------- GOV-02


@rule(
    "GOV-02",
    clause=(Section.STRUCTURE_AND_GOVERNANCE, 1),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.COALITION,
    facts=("roles[] (chair)", "roles[].unit", "organizations[].partner", "amendments[].hand_over"),
    title=_text(
        "A representative of ICMEC LAC chairs CLAC",
        "Un representante de ICMEC LAC ejerce la presidencia",
    ),
    explanation=_text(
        "CLAC operates with a representative from ICMEC LAC serving as Chair. clac looks for "
        "an assignment of the Chair in force on the day, held by the ICMEC organization for "
        "its regional office, ICMEC LAC, under any of its names in English, Spanish or "
        "Portuguese or its id icmec-lac (case, accents, punctuation, '&'/'and'/'y'/'e' do not "
        "count). An assignment to ICMEC that does not record the unit is insufficient data; "
        "an amendment may hand the Chair over (hand_over).",
        "La CLAC opera con un representante de ICMEC LAC en la presidencia. clac busca una "
        "asignación de la presidencia vigente ese día, a cargo de la organización ICMEC por su "
        "oficina regional, ICMEC LAC, con cualquiera de sus nombres en inglés, español o "
        "portugués o su id icmec-lac (no cuentan mayúsculas, acentos, puntuación ni "
        "'&'/'and'/'y'/'e'). Una asignación a ICMEC que no registra la unidad es un dato "
        "insuficiente; una enmienda puede traspasar la presidencia (hand_over).",
    ),
)
def chair(ctx: Context, coalition: Coalition) -> Verdict:  # noqa: PLR0911 - one per case
    """Met when the Chair is held by ICMEC for its unit ICMEC LAC on the day."""
    definition = ctx.charter.role(Role.CHAIR)
    assignments = _in_force(ctx, Role.CHAIR)
    holders = tuple(a.organization for a in assignments)
    units = tuple(a.unit for a in assignments)
    if not assignments:
        return _no_holder(ctx, Role.CHAIR)
    if definition.holder_organization is None:
        first = assignments[0]
        return met(
            _text(
                f"the Chair, handed over by amendment, is held by {first.organization!r} since "
                f"{first.since.isoformat()}",
                f"la presidencia, traspasada por enmienda, está a cargo de "
                f"{first.organization!r} desde el {first.since.isoformat()}",
            ),
            holders=holders,
            units=units,
            since=first.since,
        )
    icmec = holder_organizations(ctx, Role.CHAIR)
    unit = definition.unit
    for a in assignments:
        if a.organization in icmec and (unit is None or unit.matches(a.unit)):
            return met(
                _text(
                    f"the Chair is held by {a.organization!r} ({a.unit or '—'}) since "
                    f"{a.since.isoformat()}",
                    f"la presidencia está a cargo de {a.organization!r} ({a.unit or '—'}) desde "
                    f"el {a.since.isoformat()}",
                ),
                holders=holders,
                units=units,
                since=a.since,
            )
    unknown = _partner_unknown(ctx, Role.CHAIR, holders)
    if unknown is not None:
        return unknown
    ours = [i for i, a in enumerate(ctx.coalition.roles) if a in assignments and a.unit is None]
    unit_unknown = any(a.organization in icmec and a.unit is None for a in assignments)
    if unit_unknown and not ctx.complete(None, ctx.as_of):
        where = f"roles[{ours[0]}].unit" if ours else "roles[].unit"
        return unrecorded(
            _text(
                "the ICMEC unit that holds the Chair",
                "la unidad de ICMEC que ejerce la presidencia",
                pt="a unidade do ICMEC que exerce a presidência",
            ),
            where,
            holders=holders,
            units=units,
        )
    if not any(a.organization in icmec for a in assignments) and not ctx.complete(None, ctx.as_of):
        return _others_recorded(ctx, Role.CHAIR, holders)
    if not any(a.organization in icmec for a in assignments):
        return unmet(
            _text(
                f"the Chair is held by {', '.join(holders)}, not by ICMEC LAC",
                f"la presidencia está a cargo de {', '.join(holders)}, no de ICMEC LAC",
            ),
            holders=holders,
            units=units,
        )
    shown = ", ".join(u or "—" for u in units)
    return unmet(
        _text(
            f"the Chair is held by ICMEC but not for ICMEC LAC (unit: {shown})",
            f"la presidencia está a cargo de ICMEC pero no por ICMEC LAC (unidad: {shown})",
        ),
        holders=holders,
        units=units,
    )


# --------------------------------------------------------------------------- GOV-03


@rule(
    "GOV-03",
    clause=(Section.STRUCTURE_AND_GOVERNANCE, 4),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.YEAR,
    facts=("meetings[] (kind: annual)", "meetings[].organizer", "organizations[].partner"),
    title=_text(
        "An annual meeting coordinated by ICMEC LAC",
        "Una reunión anual coordinada por ICMEC LAC",
    ),
    explanation=_text(
        "The governance structure includes annual meetings coordinated by ICMEC LAC. Each "
        "complete year since the coalition's first year needs an annual meeting organized by "
        "ICMEC; the current year is judged once it is over.",
        "La estructura incluye reuniones anuales coordinadas por ICMEC LAC. Cada año completo "
        "desde el primer año de la coalición necesita una reunión anual organizada por ICMEC; "
        "el año en curso se evalúa cuando termina.",
    ),
)
@assessed_from(
    RecordKind.MEETINGS,
    lambda year: date(year, 1, 1),
    lambda year: _text(f"the annual meeting of {year}", f"la reunión anual de {year}"),
)
def annual_meeting(ctx: Context, year: int) -> Verdict:  # noqa: PLR0911 - one per case
    """Met when an annual meeting organized by ICMEC took place in the year."""
    skip = ctx.skip_year(year, complete=True)
    if skip is not None:
        return skip
    icmec = holder_organizations(ctx, Role.CHAIR)
    annual = tuple(
        m for m in ctx.coalition_meetings_by_year.get(year, ()) if m.kind is MeetingKind.ANNUAL
    )
    coordinated = tuple(m for m in annual if m.organizer in icmec)
    if coordinated:
        return met(
            _text(
                f"annual meeting {coordinated[0].id!r} on {coordinated[0].date.isoformat()}, "
                f"organized by {coordinated[0].organizer!r}",
                f"reunión anual {coordinated[0].id!r} el {coordinated[0].date.isoformat()}, "
                f"organizada por {coordinated[0].organizer!r}",
            ),
            year=year,
            meetings=tuple(m.id for m in coordinated),
        )
    coverage = ctx.year_coverage(RecordKind.MEETINGS, year)
    what = _text(
        f"the annual meeting of {year}",
        f"la reunión anual de {year}",
        pt=f"a reunião anual de {year}",
    )
    if coverage == "before":
        since = ctx.records_since(RecordKind.MEETINGS)
        assert since is not None  # noqa: S101 - a horizon is set when the year is before it
        return before_records(since, what, year=year)
    if annual and not icmec:
        return insufficient_data(
            _text(
                f"annual meetings in {year} are recorded, but no organization of the registry is "
                "marked as the ICMEC partner: record it at organizations[].partner",
                f"hay reuniones anuales registradas en {year}, pero ninguna organización del "
                "registro está marcada como socio ICMEC: regístrelo en organizations[].partner",
            ),
            year=year,
            annual_meetings=tuple(m.id for m in annual),
            record_at="organizations[].partner",
        )
    if coverage != "complete":
        return unrecorded(
            _text(
                f"an annual meeting organized by ICMEC in {year}",
                f"una reunión anual organizada por ICMEC en {year}",
                pt=f"uma reunião anual organizada pelo ICMEC em {year}",
            ),
            "meetings[] (kind: annual, organizer) — or set records_since",
            year=year,
            annual_meetings=tuple(m.id for m in annual),
        )
    if annual:
        others = ", ".join(f"{m.id} ({m.organizer})" for m in annual)
        return unmet(
            _text(
                f"no annual meeting organized by ICMEC in {year}; held by others: {others}",
                f"ninguna reunión anual organizada por ICMEC en {year}; organizadas por otros: "
                f"{others}",
            ),
            year=year,
            annual_meetings=tuple(m.id for m in annual),
            organizers=tuple(m.organizer for m in annual),
        )
    return unmet(
        _text(f"no annual meeting in {year}", f"ninguna reunión anual en {year}"),
        year=year,
        annual_meetings=(),
    )


# --------------------------------------------------------------------------- GOV-04


@rule(
    "GOV-04",
    clause=(Section.STRUCTURE_AND_GOVERNANCE, 10),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.WORKING_GROUP,
    facts=("working_groups[].formed", "working_groups[].consulted"),
    title=_text(
        "New working groups formed after consulting active members",
        "Nuevos grupos de trabajo creados previa consulta con los miembros activos",
    ),
    explanation=_text(
        "Future working groups may be formed in consultation with active CLAC Members on an "
        "as-needed basis. A group that is not one of the charter's own needs a recorded "
        "consultation on or before the day it was formed; the charter's groups (including any "
        "an amendment adds) are not subject to it.",
        "Se podrán crear más grupos de trabajo previa consulta con los miembros activos de la "
        "CLAC. Un grupo que no es de la propia carta necesita una consulta registrada en la "
        "fecha de su creación o antes; los grupos de la carta (incluidos los que añada una "
        "enmienda) no están sujetos a ella.",
    ),
)
def new_working_groups(ctx: Context, group: WorkingGroup) -> Verdict:
    """Met when a group outside the charter's own was formed after a consultation."""
    if group.id in {w.id for w in ctx.charter.working_groups}:
        return not_applicable(
            _text(
                f"{group.id!r} is one of the charter's working groups",
                f"{group.id!r} es uno de los grupos de trabajo de la carta",
            ),
            formed=group.formed,
        )
    if group.consulted is None:
        what = _text(
            f"the consultation before forming {group.id!r}",
            f"la consulta previa a la creación de {group.id!r}",
        )
        horizon = ctx.before(None, group.formed)
        if horizon is not None:
            return before_records(horizon, what, formed=group.formed)
        if not ctx.complete(None, group.formed):
            index = next(
                (i for i, w in enumerate(ctx.coalition.working_groups) if w.id == group.id), 0
            )
            return unrecorded(
                _text(
                    f"the consultation of active members before forming {group.id!r}",
                    f"la consulta a los miembros activos antes de crear {group.id!r}",
                    pt=f"a consulta aos membros ativos antes de criar {group.id!r}",
                ),
                f"working_groups[{index}].consulted",
                formed=group.formed,
                consulted=None,
            )
        return unmet(
            _text(
                f"formed on {group.formed.isoformat()} with no recorded consultation of active "
                "members",
                f"creado el {group.formed.isoformat()} sin consulta registrada a los miembros "
                "activos",
            ),
            formed=group.formed,
            consulted=None,
        )
    if not group.consulted <= group.formed:
        # An approximate date on either side: whether the consultation came first is not known
        # (the model refuses a consultation known to be after the forming).
        return insufficient_data(
            _text(
                f"active members consulted in {group.consulted.isoformat()}, formed in "
                f"{group.formed.isoformat()}: which came first is not known",
                f"miembros activos consultados en {group.consulted.isoformat()}, creado en "
                f"{group.formed.isoformat()}: no se sabe qué ocurrió primero",
            ),
            formed=group.formed,
            consulted=group.consulted,
        )
    return met(
        _text(
            f"active members consulted on {group.consulted.isoformat()}, formed on "
            f"{group.formed.isoformat()}",
            f"miembros activos consultados el {group.consulted.isoformat()}, creado el "
            f"{group.formed.isoformat()}",
        ),
        formed=group.formed,
        consulted=group.consulted,
    )


# --------------------------------------------------------------------------- GOV-05


@rule(
    "GOV-05",
    clause=(Section.STRUCTURE_AND_GOVERNANCE, 15),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.YEAR,
    facts=("plans.strategic[]", "plans.strategic[].adopted"),
    parameters=("strategic_plan_years",),
    title=_text("A strategic plan in force", "Un plan estratégico vigente"),
    explanation=_text(
        "CLAC Members shall develop a strategic plan to establish goals and objectives for "
        "the next five years. Every year from the first strategic plan's start (or, with no "
        "plan, from the coalition's first year) to the current one needs a strategic plan "
        "covering it, adopted by the day, of the length the charter in force when the plan "
        "was adopted sets.",
        "Los miembros de la CLAC desarrollarán el plan estratégico para establecer las metas y "
        "objetivos cada cinco años. Cada año desde el inicio del primer plan estratégico (o, "
        "sin plan, desde el primer año de la coalición) hasta el actual necesita un plan "
        "estratégico que lo cubra, adoptado a esa fecha, de la duración que fija la carta "
        "vigente cuando se adoptó el plan.",
    ),
)
@assessed_from(
    RecordKind.PLANS,
    lambda year: date(year, 1, 1),
    lambda year: _text(f"the strategic plan for {year}", f"el plan estratégico de {year}"),
)
def strategic_plan(ctx: Context, year: int) -> Verdict:  # noqa: PLR0911 - one per case
    """Met when a strategic plan of the charter's length covers the year."""
    plans = ctx.coalition.plans.strategic
    if plans:
        start = min(p.start_year for p in plans)
        if year < start:
            return not_applicable(
                _text(
                    f"{year} is before the first strategic plan ({start})",
                    f"{year} es anterior al primer plan estratégico ({start})",
                ),
                year=year,
                first_plan=start,
            )
    else:
        skip = ctx.skip_year(year)
        if skip is not None:
            return skip
    plan = ctx.coalition.plans.strategic_plan_for(year)
    if plan is None:
        missing = _plan_not_recorded(
            ctx,
            year,
            _text(
                f"the strategic plan covering {year}",
                f"el plan estratégico que cubre {year}",
                pt=f"o plano estratégico que cobre {year}",
            ),
            "plans.strategic[]",
        )
        if missing is not None:
            return missing
        return unmet(
            _text(
                f"no strategic plan covers {year}",
                f"ningún plan estratégico cubre el año {year}",
            ),
            year=year,
            plans=tuple(f"{p.start_year}-{p.end_year}" for p in plans),
        )
    span = f"{plan.start_year}-{plan.end_year}"
    if plan.adopted is not None and plan.adopted > ctx.as_of:
        return unmet(
            _text(
                f"the strategic plan {span} covering {year} was adopted only on "
                f"{plan.adopted.isoformat()}",
                f"el plan estratégico {span} que cubre {year} se adoptó recién el "
                f"{plan.adopted.isoformat()}",
            ),
            year=year,
            plan=span,
            adopted=plan.adopted,
        )
    adopted = plan.adopted or date(plan.start_year, 1, 1)
    first = ctx.coalition.charter.original.effective
    required = ctx.coalition.charter_in_force(max(adopted, first)).parameters.strategic_plan_years
    if plan.years != required:
        return unmet(
            _text(
                f"the strategic plan {span} covers {plan.years} years, not {required}",
                f"el plan estratégico {span} abarca {plan.years} años, no {required}",
            ),
            year=year,
            plan=span,
            plan_years=plan.years,
            required_years=required,
        )
    return met(
        _text(
            f"covered by the {plan.years}-year strategic plan {span}",
            f"cubierto por el plan estratégico de {plan.years} años {span}",
        ),
        year=year,
        plan=span,
        plan_years=plan.years,
        required_years=required,
    )


def _plan_not_recorded(ctx: Context, year: int, what: Text, where: str) -> Verdict | None:
    """Why a plan missing for ``year`` is not unmet: the registry's plan records begin after
    the year's first day (not assessed) or it does not say they are complete (not recorded);
    None when they are complete and the plan is truly missing."""
    since = ctx.records_since(RecordKind.PLANS)
    if since is None:
        return unrecorded(what, f"{where} — or set records_since", year=year)
    if date(year, 1, 1) < since:
        return before_records(since, what, year=year)
    return None


# --------------------------------------------------------------------------- GOV-06


@rule(
    "GOV-06",
    clause=(Section.STRUCTURE_AND_GOVERNANCE, 15),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.YEAR,
    facts=("plans.operational[]",),
    title=_text("An operational plan for each year", "Un plan operativo para cada año"),
    explanation=_text(
        "CLAC Members shall develop an operational plan, and ICMEC LAC works with them on "
        "the annual operating plan. Every year from the coalition's first year to the current "
        "one needs its operational plan.",
        "Los miembros de la CLAC desarrollan un plan operativo anual, e ICMEC LAC trabaja con "
        "ellos para elaborarlo. Cada año desde el primer año de la coalición hasta el actual "
        "necesita su plan operativo.",
    ),
)
@assessed_from(
    RecordKind.PLANS,
    lambda year: date(year, 1, 1),
    lambda year: _text(f"the operational plan for {year}", f"el plan operativo de {year}"),
)
def operational_plan(ctx: Context, year: int) -> Verdict:
    """Met when the year has an operational plan."""
    skip = ctx.skip_year(year)
    if skip is not None:
        return skip
    plan = ctx.coalition.plans.operational_plan_for(year)
    if plan is None:
        missing = _plan_not_recorded(
            ctx,
            year,
            _text(
                f"the operational plan for {year}",
                f"el plan operativo de {year}",
                pt=f"o plano operacional de {year}",
            ),
            "plans.operational[]",
        )
        if missing is not None:
            return missing
        return unmet(
            _text(f"no operational plan for {year}", f"no hay plan operativo para {year}"),
            year=year,
        )
    return met(
        _text(
            f"operational plan for {year} with "
            f"{_n(len(plan.actions), 'planned action', 'planned actions')}",
            f"plan operativo para {year} con "
            f"{_n(len(plan.actions), 'acción prevista', 'acciones previstas')}",
        ),
        year=year,
        actions=len(plan.actions),
    )


# --------------------------------------------------------------------------- GOV-07


@rule(
    "GOV-07",
    clause=(Section.STRUCTURE_AND_GOVERNANCE, 15),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.YEAR,
    facts=("plans.operational[].assessed",),
    title=_text("Each year's operational plan assessed", "El plan operativo de cada año evaluado"),
    explanation=_text(
        "The operational plan 'will be assessed annually to accommodate necessary "
        "adjustments'. Each complete year's plan needs a recorded assessment, dated on or "
        "before the day; a year without a plan is left to GOV-06.",
        "La implementación del plan 'será evaluada anualmente para los cambios y ajustes "
        "necesarios'. El plan de cada año completo necesita una evaluación registrada, con "
        "fecha no posterior al día; un año sin plan queda para GOV-06.",
    ),
)
@assessed_from(
    RecordKind.PLANS,
    lambda year: date(year, 1, 1),
    lambda year: _text(
        f"the assessment of the {year} operational plan", f"la evaluación del plan de {year}"
    ),
)
def operational_plan_assessed(ctx: Context, year: int) -> Verdict:
    """Met when a complete year's operational plan was assessed."""
    skip = ctx.skip_year(year, complete=True)
    if skip is not None:
        return skip
    plan = ctx.coalition.plans.operational_plan_for(year)
    if plan is None:
        return not_applicable(
            _text(
                f"no operational plan for {year} to assess (see GOV-06)",
                f"no hay plan operativo de {year} que evaluar (véase GOV-06)",
            ),
            year=year,
        )
    if plan.assessed is None and ctx.year_coverage(RecordKind.PLANS, year) == "before":
        since = ctx.records_since(RecordKind.PLANS)
        assert since is not None  # noqa: S101 - a horizon is set when the year is before it
        what = _text(f"the assessment of the {year} plan", f"la evaluación del plan de {year}")
        return before_records(since, what, year=year)
    if plan.assessed is None and ctx.year_coverage(RecordKind.PLANS, year) == "unknown":
        index = next(i for i, p in enumerate(ctx.coalition.plans.operational) if p.year == year)
        return unrecorded(
            _text(
                f"the assessment of the operational plan for {year}",
                f"la evaluación del plan operativo de {year}",
                pt=f"a avaliação do plano operacional de {year}",
            ),
            f"plans.operational[{index}].assessed",
            year=year,
            assessed=None,
        )
    if plan.assessed is None or plan.assessed > ctx.as_of:
        return unmet(
            _text(
                f"the operational plan for {year} has not been assessed",
                f"el plan operativo de {year} no ha sido evaluado",
            ),
            year=year,
            assessed=plan.assessed,
        )
    return met(
        _text(
            f"the operational plan for {year} was assessed on {plan.assessed.isoformat()}",
            f"el plan operativo de {year} fue evaluado el {plan.assessed.isoformat()}",
        ),
        year=year,
        assessed=plan.assessed,
    )
