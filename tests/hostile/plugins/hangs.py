"""A rule that never returns: a pure-Python loop."""

from clac.charter import Section, Severity
from clac.rules import Context, SubjectKind, Verdict, rule
from clac.text import Text


@rule(
    "HOST-01",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.MEMBER,
    title=Text("Hangs", "Se cuelga"),
    explanation=Text("Loops forever.", "Da vueltas para siempre."),
)
def hangs(ctx: Context, member: object) -> Verdict:
    while True:
        pass


RULES = [hangs]
