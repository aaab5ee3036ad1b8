"""The field's own yardsticks as data, country assessments against them, and the regional gaps.

Policy Goals, item 2 (PG-1): "jointly identifying regional gaps, challenges and trends in combating
child sexual abuse online" (ES: "identificar conjuntamente las brechas regionales, retos y
tendencias …"). The field already has agreed yardsticks; clac carries two, and plugins add
more through the ``clac.frameworks`` entry-point group:

- :data:`ICMEC_LEGISLATION` — the five criteria of ICMEC's *Child Sexual Abuse Material: Model
  Legislation & Global Review* (9th edition, 2018), with its "sufficient" rule;
- :data:`MNR` — the 21 capabilities in six areas of the WeProtect Global Alliance *Model
  National Response* (2015);
- :data:`GOAL_LINKS` — the charter's 8 policy goals mapped to those items (clac's
  interpretation, labelled as such wherever it is shown).

A registry records :class:`~clac.model.CountryAssessment` s (``Coalition.assessments``), and a
quarterly report's legislative advance can cite the criteria it moves and assess them. From
these:

- :func:`matrix` — countries × items on a date, with counts and verdicts (:class:`RegionalMatrix`,
  ``to_rows()``, ``to_dataframe()``, ``heatmap()``);
- :func:`trends` — what changed between two dates and which report entries preceded it;
- :func:`thin_spots` — gaps in countries where no national member of a needed sector works.

>>> import clac
>>> from clac import frameworks
>>> m = frameworks.matrix(clac.demo(), "mnr", as_of=clac.DEMO_AS_OF, countries=["BR", "GT"])
>>> m.outcome("GT", "hotline").label.in_("es")
'no cumple'
"""

from clac.frameworks._catalogue import ENTRY_POINT_GROUP, FRAMEWORKS, FrameworkCatalogue
from clac.frameworks._csv import (
    EVIDENCE_COLUMNS,
    evidence_csv,
    read_evidence_csv,
    read_evidence_csv_lines,
)
from clac.frameworks._evidence import Evidence, evidence, shipped_evidence, standing
from clac.frameworks._files import (
    FRAMEWORK_SCHEMA_ID,
    FrameworkFile,
    ItemFile,
    framework_schema,
    load_framework,
    loads_framework,
)
from clac.frameworks._framework import Area, Framework, FrameworkItem, Source, Sufficiency, Verdict
from clac.frameworks._goals import GOAL_LINKS, INTERPRETATION, GoalLink, goals_for
from clac.frameworks._heatmap import (
    OUTCOME_COLOURS,
    OUTCOME_SYMBOLS,
    heatmap,
    heatmap_bytes,
    write_heatmap,
)
from clac.frameworks._icmec import ICMEC_LEGISLATION
from clac.frameworks._matrix import Cell, OutcomeCounts, RegionalMatrix, matrix
from clac.frameworks._mnr import MNR
from clac.frameworks._references import check_references, reference_problems
from clac.frameworks._render import (
    evidence_rows,
    gaps_markdown,
    matrix_html,
    matrix_markdown,
    thin_markdown,
    trend_markdown,
)
from clac.frameworks._thin import GAP_OUTCOMES, ThinSpot, ThinSpots, thin_spots
from clac.frameworks._treaty import (
    CONSENT_ACTS,
    ENTRY_INTO_FORCE_RULES,
    Act,
    Conflict,
    EntryIntoForceRule,
    FactSource,
    TreatyFact,
    TreatyFacts,
    facts_evidence,
    region_markdown,
    shipped_facts,
)
from clac.frameworks._treaty import conflicts as treaty_conflicts
from clac.frameworks._trends import (
    Change,
    Direction,
    Precursor,
    PrecursorKind,
    Trend,
    trends,
)
from clac.model import CountryAssessment, Outcome

__all__ = [
    "CONSENT_ACTS",
    "ENTRY_INTO_FORCE_RULES",
    "ENTRY_POINT_GROUP",
    "EVIDENCE_COLUMNS",
    "FRAMEWORKS",
    "FRAMEWORK_SCHEMA_ID",
    "GAP_OUTCOMES",
    "GOAL_LINKS",
    "ICMEC_LEGISLATION",
    "INTERPRETATION",
    "MNR",
    "OUTCOME_COLOURS",
    "OUTCOME_SYMBOLS",
    "Act",
    "Area",
    "Cell",
    "Change",
    "Conflict",
    "CountryAssessment",
    "Direction",
    "EntryIntoForceRule",
    "Evidence",
    "FactSource",
    "Framework",
    "FrameworkCatalogue",
    "FrameworkFile",
    "FrameworkItem",
    "GoalLink",
    "ItemFile",
    "Outcome",
    "OutcomeCounts",
    "Precursor",
    "PrecursorKind",
    "RegionalMatrix",
    "Source",
    "Sufficiency",
    "ThinSpot",
    "ThinSpots",
    "TreatyFact",
    "TreatyFacts",
    "Trend",
    "Verdict",
    "check_references",
    "evidence",
    "evidence_csv",
    "evidence_rows",
    "facts_evidence",
    "framework_schema",
    "gaps_markdown",
    "goals_for",
    "heatmap",
    "heatmap_bytes",
    "load_framework",
    "loads_framework",
    "matrix",
    "matrix_html",
    "matrix_markdown",
    "read_evidence_csv",
    "read_evidence_csv_lines",
    "reference_problems",
    "region_markdown",
    "shipped_evidence",
    "shipped_facts",
    "standing",
    "thin_markdown",
    "thin_spots",
    "treaty_conflicts",
    "trend_markdown",
    "trends",
    "write_heatmap",
]
