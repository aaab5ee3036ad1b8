"""An example clac rules plugin: a fictional national chapter's stricter rule, and a broken one.

clac finds these rules through the ``clac.rules`` entry-point group declared in this package's
``pyproject.toml``::

    [project.entry-points."clac.rules"]
    chapter = "clac_plugin_example:RULES"
    failing = "clac_plugin_example:failing_rules"

``chapter`` names a list of rules; ``failing`` names a callable that returns rules when called.
"""

from __future__ import annotations

import os

from clac.charter import Section, Severity
from clac.model import Member
from clac.rules import Context, Rule, SubjectKind, Verdict, met, not_applicable, rule, unmet
from clac.text import Text

__all__ = ["CHAPTER_COUNTRY", "FAILING_VARIABLE", "RULES", "failing_rules"]

CHAPTER_COUNTRY = "BO"
"""The (fictional) national chapter's country: its rule applies to members working there."""

FAILING_VARIABLE = "CLAC_PLUGIN_EXAMPLE_FAILING"
"""Set this environment variable to have :func:`failing_rules` offer XMPL-99."""

MIN_REPRESENTATIVES = 2


@rule(
    "XMPL-01",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    title=Text("At least two representatives", "Al menos dos representantes"),
    explanation=Text(
        "The chapter of Bolivia (an example) asks its members for at least two "
        "representatives, so that one can stand in for the other; the charter asks for one.",
        "El capítulo de Bolivia (un ejemplo) pide a sus miembros al menos dos representantes, "
        "para que uno pueda suplir al otro; la carta pide uno.",
    ),
)
def two_representatives(ctx: Context, member: Member) -> Verdict:
    """Members working in the chapter's country designate at least two representatives."""
    countries = ctx.coalition.organization(member.organization).countries
    count = len(member.representatives)
    if CHAPTER_COUNTRY not in countries:
        return not_applicable(
            Text(
                f"does not work in {CHAPTER_COUNTRY}, the chapter's country",
                f"no trabaja en {CHAPTER_COUNTRY}, el país del capítulo",
            ),
            countries=countries,
        )
    if count >= MIN_REPRESENTATIVES:
        return met(
            Text(f"{count} representatives designated", f"{count} representantes designados"),
            representatives=count,
        )
    return unmet(
        Text(
            f"{count} representative(s) designated; the chapter asks for {MIN_REPRESENTATIVES}",
            f"{count} representante(s) designado(s); el capítulo pide {MIN_REPRESENTATIVES}",
        ),
        representatives=count,
    )


@rule(
    "XMPL-99",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.MEMBER,
    title=Text("A rule that always fails", "Una regla que siempre falla"),
    explanation=Text(
        "Raises on every subject, to show that a failing plugin rule becomes an error finding.",
        "Falla con cada sujeto, para mostrar que una regla de complemento que falla se "
        "convierte en un hallazgo de error.",
    ),
)
def always_raises(ctx: Context, member: Member) -> Verdict:
    """Raise, always."""
    raise RuntimeError(f"XMPL-99 always fails (member {member.organization})")


RULES: list[Rule] = [two_representatives]
"""The chapter's rules, named by the ``chapter`` entry point."""


def failing_rules() -> list[Rule]:
    """XMPL-99 while ``CLAC_PLUGIN_EXAMPLE_FAILING`` is set, otherwise nothing."""
    return [always_raises] if os.environ.get(FAILING_VARIABLE) else []
