"""A plugin that prints at import and in its rule, through every way to standard output."""

import os
import subprocess
import sys

from clac.charter import Section, Severity
from clac.rules import Context, SubjectKind, Verdict, met, rule
from clac.text import Text

print("printed at import")
os.write(1, b"written to descriptor 1 at import\n")


@rule(
    "HOST-04",
    clause=(Section.MEMBERSHIP, 5),
    severity=Severity.EXPECTED,
    applies_to=SubjectKind.COALITION,
    title=Text("Prints", "Imprime"),
    explanation=Text("Prints as it decides.", "Imprime mientras decide."),
)
def prints(ctx: Context, coalition: object) -> Verdict:
    print("printed by the rule \x1b[31m")
    if sys.__stdout__ is not None:
        sys.__stdout__.write("written to sys.__stdout__\n")
    os.write(1, b"written to descriptor 1 by the rule\n")
    subprocess.run([sys.executable, "-c", "print('printed by a child process')"], check=True)
    return met(Text("printed", "imprimió"))


RULES = [prints]
