"""An analyst's script: the stakeholder network's picture and its tables, ready for a report.

Run: ``python examples/analyst.py [REGISTRY] [--out DIR] [--lang es]``. Without REGISTRY it
uses the built-in demo on its own day; without ``--out`` it writes to a new temporary folder.
It writes, and lists:

- ``network.png``: the picture of the network (needs matplotlib, the ``plot`` extra);
- ``sectors.csv``, ``countries.csv``, ``brokers.csv``, ``communities.csv``: the tables
  (pandas, the ``pandas`` extra), one row per sector, country, broker and community;
- ``findings.csv``: every finding of the assessment, for the same spreadsheet.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import clac
import clac.network as net
from clac.io import frame_csv, write_text_atomically
from clac.rules import evaluate


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="The network picture and tables of a registry.")
    parser.add_argument("registry", nargs="?", type=Path)
    parser.add_argument("--out", type=Path, default=None, metavar="DIR")
    parser.add_argument("--lang", default="en", choices=["en", "es", "pt"])
    args = parser.parse_args(argv)
    coalition = clac.demo() if args.registry is None else clac.load(args.registry)
    as_of = clac.DEMO_AS_OF if args.registry is None else None
    out = Path(tempfile.mkdtemp(prefix="clac-analysis-")) if args.out is None else args.out
    out.mkdir(parents=True, exist_ok=True)

    summary = net.summarize(coalition, as_of)
    net.write_png(net.build_graph(coalition, as_of), out / "network.png", lang=args.lang)
    tables = {
        "sectors": summary.sector_coverage.to_dataframe(),
        "countries": summary.country_coverage.to_dataframe(),
        "brokers": summary.brokers.to_dataframe(),
        "communities": summary.communities.to_dataframe(),
    }
    for name, frame in tables.items():
        # frame_csv, not frame.to_csv: clac's one CSV convention (CRLF, and no cell a
        # spreadsheet would run as a formula, such as an organization named =HYPERLINK(...))
        write_text_atomically(out / f"{name}.csv", frame_csv(frame))
    assessment = evaluate(coalition, as_of=as_of)
    write_text_atomically(out / "findings.csv", assessment.to_csv(args.lang))

    print(f"{summary.name}: {summary.members} members, density {summary.density:.2f}")
    print(f"{assessment.summary(args.lang)}")
    print(f"wrote to {out}:")
    for path in sorted(out.iterdir()):
        print(f"  {path.name} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
