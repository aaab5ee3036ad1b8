"""A rule that sleeps for 31 years, and catches ``Exception`` around it."""

import contextlib
import time

from clac.charter import Section, Severity
from clac.rules import Context, SubjectKind, Verdict, met, rule
from clac.text import Text


@rule(
    "HOST-02",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.REQUIRED,
    applies_to=SubjectKind.MEMBER,
    title=Text("Sleeps", "Duerme"),
    explanation=Text("Sleeps for 31 years.", "Duerme 31 años."),
)
def sleeps(ctx: Context, member: object) -> Verdict:
    with contextlib.suppress(Exception):  # a budget's stop is not an Exception
        time.sleep(1e9)
    return met(Text("woke up", "despertó"))


RULES = [sleeps]
