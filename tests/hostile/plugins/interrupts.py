"""A rule that raises ``KeyboardInterrupt``, as if the user pressed Ctrl-C while it ran."""

from clac.charter import Section, Severity
from clac.rules import Context, SubjectKind, Verdict, rule
from clac.text import Text


@rule(
    "HOST-05",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.COALITION,
    title=Text("Interrupts", "Interrumpe"),
    explanation=Text("Raises KeyboardInterrupt.", "Lanza KeyboardInterrupt."),
)
def interrupts(ctx: Context, coalition: object) -> Verdict:
    raise KeyboardInterrupt


RULES = [interrupts]
