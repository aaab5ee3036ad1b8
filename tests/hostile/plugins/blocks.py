"""A rule that blocks reading a pipe whose writer never writes."""

import os

from clac.charter import Section, Severity
from clac.rules import Context, SubjectKind, Verdict, met, rule
from clac.text import Text


@rule(
    "HOST-03",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.COALITION,
    title=Text("Blocks", "Se bloquea"),
    explanation=Text("Reads a pipe that stays empty.", "Lee una tubería que sigue vacía."),
)
def blocks(ctx: Context, coalition: object) -> Verdict:
    read, _write = os.pipe()  # the write end stays open: the read never ends
    os.read(read, 1)
    return met(Text("read", "leyó"))


RULES = [blocks]
