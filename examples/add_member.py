"""Add a member to a registry file in place, keeping its comments, and assess the result.

Run: ``python examples/add_member.py [REGISTRY.yaml]``. Without a file it starts from a copy of
the built-in demo (``clac demo -o``, comments and all) written to a temporary folder, so it
never touches your data.

:func:`clac.edit` is the way to change a registry file: it locks the file, lets the block
replace the coalition, then writes back only what changed, so the file's comments, order and
layout stay as they were (``load`` then ``dump`` would rewrite the whole file without them).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

import clac
from clac.charter import Sector
from clac.model import (
    Member,
    Organization,
    Representative,
    RepresentativeLevel,
    Scope,
    Subscription,
)
from clac.rules import evaluate


def main(argv: list[str]) -> int:
    """Add a fictional national hotline from Uruguay as a member and report its findings."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(argv[0]) if argv else Path(folder) / "coalition.yaml"
        if not argv:
            path.write_text(clac.demo_text(), encoding="utf-8")
        hotline = Organization(
            id="linea-ficticia-uy",
            name="Línea Ficticia Uruguay (demo)",
            sector=Sector.HOTLINE,
            countries=["UY"],
            scope=Scope.NATIONAL,
        )
        member = Member(
            organization=hotline.id,
            joined=date(2026, 10, 1),
            charter_subscription=Subscription(signed=date(2026, 10, 1)),
            listed_in_materials=True,
            track_record=("Runs a reporting line since 2019 (fictional)",),
            representatives=(
                Representative("Ana Demo", "Coordinator", RepresentativeLevel.MIDDLE),
            ),
            working_groups=("latin-american-hotlines",),
        )
        # Locked while it runs; written atomically, and only if the block ends without error.
        with clac.edit(path) as registry:
            coalition = registry.coalition
            registry.update(
                organizations=(*coalition.organizations, hotline),
                members=(*coalition.members, member),
            )
        reloaded = clac.load(path)
        if reloaded != registry.coalition:
            raise SystemExit("the saved registry did not load back equal")
        findings = evaluate(reloaded, as_of=clac.DEMO_AS_OF).where(subject=f"member:{hotline.id}")
        for finding in findings:
            print(finding.describe())
        print(findings.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
