"""Rules whose evidence no output can hold as it is."""

from clac.charter import Section, Severity
from clac.rules import Context, Fact, SubjectKind, Verdict, met, rule
from clac.text import Text


class Opaque:
    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


def nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


@rule(
    "HOST-06",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.COALITION,
    title=Text("Odd evidence", "Evidencia rara"),
    explanation=Text("Evidence JSON cannot hold.", "Evidencia que JSON no puede contener."),
)
def odd_evidence(ctx: Context, coalition: object) -> Verdict:
    return met(
        Text("decided \x1b[2J", "decidido"),
        ratio=float("nan"),
        ceiling=float("inf"),
        floor=float("-inf"),
        raw=b"\x00\xff",
        tags={"a", "b"},
        huge=10**5000,
        deep=nested(100_000),
        thing=object(),
    )


@rule(
    "HOST-07",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.COALITION,
    title=Text("Evidence that cannot be shown", "Evidencia que no se puede mostrar"),
    explanation=Text("An object whose repr fails.", "Un objeto cuya repr falla."),
)
def unshowable(ctx: Context, coalition: object) -> Verdict:
    return met(Text("decided", "decidido"), thing=Opaque())


@rule(
    "HOST-08",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.COALITION,
    title=Text("A fact without a name", "Un hecho sin nombre"),
    explanation=Text("A fact named by a tuple.", "Un hecho nombrado por una tupla."),
)
def unnamed(ctx: Context, coalition: object) -> Verdict:
    verdict = met(Text("decided", "decidido"))
    return Verdict(verdict.outcome, verdict.message, (Fact((1, 2), 3),))  # type: ignore[arg-type]


RULES = [odd_evidence, unshowable, unnamed]
