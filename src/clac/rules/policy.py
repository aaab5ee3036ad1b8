"""POL-* rules: the Policy Goals section.

Members "shall commit to developing specific policy targets, activities and indicators to
assess progress" (Policy Goals, item 10) and "shall indicate what specific action they intend to
take" (item 11): each member needs a commitment with an action, a target and an indicator
(POL-01), and the coalition's strategic plan needs an indicator for every policy goal (POL-02).
The Spanish puts both in the future tense ("se comprometerán", "indicarán"), a divergence the
charter records on those clauses; clac follows the English "shall".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clac.charter import Section, Severity
from clac.model import Member, RecordKind
from clac.rules._catalogue import rule
from clac.rules._context import Context, member_unrecorded, unrecorded
from clac.rules._engine import SubjectKind, Verdict, insufficient_data, met, not_applicable, unmet
from clac.text import _trusted as _text

if TYPE_CHECKING:
    from clac.registry import Coalition

__all__ = ["goal_indicators", "member_commitments"]


def _n(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@rule(
    "POL-01",
    clause=(Section.POLICY_GOALS, 11),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.MEMBER,
    facts=("members[].commitments", "members[].record_complete"),
    title=_text(
        "Specific actions, targets and indicators",
        "Acciones, metas e indicadores específicos",
    ),
    explanation=_text(
        "Members shall indicate what specific action they intend to take to reach the policy "
        "goals, and shall commit to developing targets and indicators to assess progress "
        "(Policy Goals, items 10-11). Each member needs at least one commitment, made on or "
        "before the day, with an action, a target and at least one indicator.",
        "Los miembros indicarán qué medidas concretas se proponen adoptar para alcanzar los "
        "objetivos, y se comprometerán a desarrollar metas e indicadores para evaluar el "
        "progreso (Objetivos de Políticas Públicas, ítems 10-11). Cada miembro necesita al "
        "menos un compromiso, asumido hasta ese día, con una acción, una meta y al menos un "
        "indicador.",
    ),
)
def member_commitments(ctx: Context, member: Member) -> Verdict:
    """Met when the member has a commitment with an action, a target and an indicator."""
    made = tuple(c for c in member.commitments if c.made is None or c.made <= ctx.as_of)
    complete = tuple(c for c in made if c.action and c.target and c.indicators)
    goals = tuple(sorted({c.goal for c in complete}))
    if complete:
        return met(
            _text(
                f"{_n(len(complete), 'commitment', 'commitments')} with an action, a target "
                f"and indicators, toward {', '.join(goals)}",
                f"{_n(len(complete), 'compromiso', 'compromisos')} con acción, meta e "
                f"indicadores, hacia {', '.join(goals)}",
            ),
            commitments=len(made),
            complete=len(complete),
            goals=goals,
        )
    if not ctx.member_complete(member):
        where = f"{ctx.member_path(member)}.commitments"
        if made:
            return insufficient_data(
                _text(
                    f"no recorded commitment names an indicator, and the registry does not say "
                    f"the member's record is complete: record the indicators at {where}",
                    f"ningún compromiso registrado tiene indicador, y el registro no dice que la "
                    f"ficha del miembro esté completa: registre los indicadores en {where}",
                ),
                commitments=len(made),
                complete=0,
                record_at=where,
            )
        return member_unrecorded(
            ctx,
            member,
            _text(
                "the member's commitment to a specific action, target and indicators",
                "el compromiso del miembro con una acción, una meta e indicadores",
                pt="o compromisso com uma ação, uma meta e indicadores",
            ),
            "commitments",
            commitments=0,
            complete=0,
        )
    if made:
        return unmet(
            _text(
                f"none of the {len(made)} commitments names an indicator",
                f"ninguno de los {len(made)} compromisos tiene un indicador",
            )
            if len(made) > 1
            else _text(
                "the only commitment names no indicator",
                "el único compromiso no tiene ningún indicador",
            ),
            commitments=len(made),
            complete=0,
        )
    return unmet(
        _text(
            "no commitment to a specific action, target and indicators",
            "ningún compromiso con una acción, una meta e indicadores específicos",
        ),
        commitments=0,
        complete=0,
    )


@rule(
    "POL-02",
    clause=(Section.POLICY_GOALS, 10),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.COALITION,
    facts=("plans.strategic[].targets[].indicators",),
    title=_text("Indicators for every policy goal", "Indicadores para cada objetivo de política"),
    explanation=_text(
        "Members shall commit to developing specific policy targets, activities and "
        "indicators to assess progress towards reaching CLAC's regional policy goals. The "
        "strategic plan in force in the day's year needs, for each policy goal of the charter, "
        "a target with at least one indicator. A year with no strategic plan is left to "
        "GOV-05.",
        "Los miembros se comprometerán a desarrollar objetivos específicos, actividades e "
        "indicadores para evaluar el progreso hacia los objetivos de la CLAC. El plan "
        "estratégico vigente en el año del día necesita, para cada objetivo de política de la "
        "carta, una meta con al menos un indicador. Un año sin plan estratégico queda para "
        "GOV-05.",
    ),
)
def goal_indicators(ctx: Context, coalition: Coalition) -> Verdict:
    """Met when the strategic plan in force has an indicator for every policy goal."""
    year = ctx.as_of.year
    plan = coalition.plans.strategic_plan_for(year)
    if plan is not None and plan.adopted is not None and plan.adopted > ctx.as_of:
        plan = None  # not yet adopted on the day
    if plan is None:
        return not_applicable(
            _text(
                f"no strategic plan covers {year} (see GOV-05)",
                f"ningún plan estratégico cubre el año {year} (véase GOV-05)",
            ),
            year=year,
        )
    span = f"{plan.start_year}-{plan.end_year}"
    index = ctx.coalition.plans.strategic.index(plan)
    if not plan.targets and not ctx.complete(RecordKind.PLANS, ctx.as_of):
        return unrecorded(
            _text(
                f"the targets and indicators of the strategic plan {span}",
                f"las metas e indicadores del plan estratégico {span}",
                pt=f"as metas e indicadores do plano estratégico {span}",
            ),
            f"plans.strategic[{index}].targets",
            plan=span,
        )
    covered = {t.goal for t in plan.targets if t.indicators}
    goals = tuple(g.id for g in ctx.charter.policy_goals)
    missing = tuple(g for g in goals if g not in covered)
    if missing and not ctx.complete(RecordKind.PLANS, ctx.as_of):
        where = f"plans.strategic[{index}].targets"
        return insufficient_data(
            _text(
                f"the strategic plan {span} records no indicator for {', '.join(missing)}, and "
                f"the registry does not say its plan records are complete: record them at {where}",
                f"el plan estratégico {span} no registra indicador para {', '.join(missing)}, y "
                f"el registro no dice que sus registros de planes estén completos: regístrelos "
                f"en {where}",
            ),
            plan=span,
            goals_without_indicator=missing,
            record_at=where,
        )
    if missing:
        return unmet(
            _text(
                f"the strategic plan {span} has no indicator for {', '.join(missing)}",
                f"el plan estratégico {span} no tiene indicador para {', '.join(missing)}",
            ),
            plan=span,
            goals_without_indicator=missing,
        )
    indicators = sum(len(t.indicators) for t in plan.targets)
    return met(
        _text(
            f"the strategic plan {span} has indicators for all {len(goals)} policy goals "
            f"({indicators} in all)",
            f"el plan estratégico {span} tiene indicadores para los {len(goals)} objetivos de "
            f"política ({indicators} en total)",
        ),
        plan=span,
        goals=len(goals),
        indicators=indicators,
    )
