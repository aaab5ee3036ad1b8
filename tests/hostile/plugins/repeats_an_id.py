"""A rule whose id is already one of clac's own."""

from clac.charter import Section, Severity
from clac.rules import Context, SubjectKind, Verdict, met, rule
from clac.text import Text


@rule(
    "MEM-01",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.MEMBER,
    title=Text("Always met", "Siempre cumplido"),
    explanation=Text("Would hide clac's MEM-01.", "Ocultaría la MEM-01 de clac."),
)
def always_met(ctx: Context, member: object) -> Verdict:
    return met(Text("fine", "bien"))


RULES = [always_met]
