"""A fictional national chapter's rules for clac, found through the ``clac.rules`` entry point.

>>> [r.id for r in RULES]
['CHP-01']
"""

from __future__ import annotations

from datetime import timedelta

from clac.charter import Section, Severity
from clac.model import Member
from clac.periods import latest
from clac.rules import (
    Context,
    Rule,
    SubjectKind,
    Verdict,
    insufficient_data,
    met,
    not_applicable,
    rule,
    unmet,
)
from clac.text import Text

__all__ = ["RULES", "SETTLING_IN"]

SETTLING_IN = timedelta(days=365)
"""How long a new member has before the chapter expects a contribution."""


@rule(
    "CHP-01",
    clause=(Section.MEMBERSHIP, 9),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    title=Text("A contribution within the first year", "Una contribución en el primer año"),
    explanation=Text(
        "The chapter (a fictional example) expects each member to have recorded at least one "
        "contribution to CLAC's work once it has been a member for a year.",
        "El capítulo (un ejemplo ficticio) espera que cada miembro haya registrado al menos una "
        "contribución al trabajo de CLAC después de un año como miembro.",
        pt="O capítulo (um exemplo fictício) espera que cada membro tenha registrado ao menos "
        "uma contribuição ao trabalho da CLAC depois de um ano como membro.",
    ),
)
def contributes_within_a_year(ctx: Context, member: Member) -> Verdict:
    """A member of a year or more has at least one recorded contribution."""
    if member.joined is None:  # no source gives the day: whether a year has passed is unknown
        return insufficient_data(
            Text("the joining day is not recorded", "la fecha de ingreso no está registrada"),
            joined=None,
        )
    # A join date may be known only to the year or month: count from its last possible day.
    if ctx.as_of - latest(member.joined) < SETTLING_IN:
        return not_applicable(
            Text("a member for less than a year", "miembro desde hace menos de un año"),
            joined=member.joined,
        )
    count = len(member.contributions)
    if count:
        return met(
            Text(f"{count} contribution(s) recorded", f"{count} contribución(es) registrada(s)"),
            contributions=count,
        )
    return unmet(
        Text(
            "no contribution recorded after a year as a member",
            "ninguna contribución registrada tras un año como miembro",
        ),
        joined=member.joined,
    )


RULES: list[Rule] = [contributes_within_a_year]
