"""Load a registry, add a member, save it atomically, and assess the result.

Run: ``python examples/add_member.py [REGISTRY.yaml]``. Without a file it starts from a copy of
the built-in demo written to a temporary folder, so it never touches your data.
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
            clac.dump(clac.demo(), path)
        coalition = clac.load(path)
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
        updated = coalition.evolve(
            organizations=(*coalition.organizations, hotline),
            members=(*coalition.members, member),
        )
        clac.dump(updated, path)  # atomic: the old file stays intact if anything fails
        reloaded = clac.load(path)
        if reloaded != updated:
            raise SystemExit("the saved registry did not load back equal")
        findings = evaluate(reloaded, as_of=clac.DEMO_AS_OF).where(subject=f"member:{hotline.id}")
        for finding in findings:
            print(finding.describe())
        print(findings.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
