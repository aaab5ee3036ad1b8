"""The regional matrix: countries × a framework's items, as of a date, with counts and verdicts.

Policy Goals, item 2 (PG-1; EN "jointly identifying regional gaps, challenges and trends"; ES
"identificar conjuntamente las brechas regionales, retos y tendencias").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from clac.countries import country_name, is_country, is_region, region_countries
from clac.errors import InvalidData, require
from clac.frameworks import _heatmap, _render
from clac.frameworks._catalogue import FRAMEWORKS
from clac.frameworks._evidence import Evidence, evidence, standing
from clac.frameworks._framework import Framework, Verdict
from clac.model import Outcome
from clac.registry import Coalition
from clac.text import Language

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "Cell",
    "OutcomeCounts",
    "RegionalMatrix",
    "check_countries",
    "check_date",
    "matrix",
]


@attrs.frozen(slots=True)
class OutcomeCounts:
    """How many cells of a row or column stand at each outcome."""

    met: int = 0
    partly_met: int = 0
    not_met: int = 0
    unknown: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> OutcomeCounts:
        """Count ``outcomes``."""
        counts = dict.fromkeys(Outcome, 0)
        for outcome in outcomes:
            counts[outcome] += 1
        return cls(
            met=counts[Outcome.MET],
            partly_met=counts[Outcome.PARTLY_MET],
            not_met=counts[Outcome.NOT_MET],
            unknown=counts[Outcome.UNKNOWN],
        )

    @property
    def total(self) -> int:
        """Every cell counted."""
        return self.met + self.partly_met + self.not_met + self.unknown

    @property
    def assessed(self) -> int:
        """The cells with a known outcome."""
        return self.total - self.unknown

    def count(self, outcome: Outcome) -> int:
        """The count of one outcome."""
        return {
            Outcome.MET: self.met,
            Outcome.PARTLY_MET: self.partly_met,
            Outcome.NOT_MET: self.not_met,
            Outcome.UNKNOWN: self.unknown,
        }[outcome]


@attrs.frozen(slots=True)
class Cell:
    """One country on one item: its outcome and the evidence that decided it (if any)."""

    country: str
    item: str
    outcome: Outcome
    evidence: Evidence | None


@attrs.frozen(slots=True, eq=False)
class RegionalMatrix:
    """Countries × items of one framework as of a day.

    >>> import clac
    >>> from clac.frameworks import matrix
    >>> m = matrix(clac.demo(), "icmec-legislation", as_of=clac.DEMO_AS_OF)
    >>> m.outcome("BR", "definition").value
    'met'
    >>> m.verdict("BR").value
    'sufficient'
    >>> m.illustrative
    True
    """

    framework: Framework
    as_of: date
    countries: tuple[str, ...]
    _cells: Mapping[tuple[str, str], Cell] = attrs.field(alias="cells")

    # --------------------------------------------------------------- lookups

    def cell(self, country: str, item: str) -> Cell:
        """The cell of ``country`` and ``item`` (:class:`~clac.errors.InvalidData` if outside)."""
        try:
            return self._cells[(country, item)]
        except KeyError:
            if country not in self.countries:
                raise InvalidData(
                    "is not a country of this matrix", path="country", value=country
                ) from None
            self.framework.item(item)
            raise  # pragma: no cover - every (country, item) pair has a cell

    def outcome(self, country: str, item: str) -> Outcome:
        """The outcome of ``country`` on ``item``."""
        return self.cell(country, item).outcome

    def row(self, country: str) -> tuple[Cell, ...]:
        """The cells of one country, in the framework's item order."""
        return tuple(self.cell(country, item) for item in self.framework.item_ids)

    def column(self, item: str) -> tuple[Cell, ...]:
        """The cells of one item, in the matrix's country order."""
        return tuple(self.cell(country, item) for country in self.countries)

    @property
    def cells(self) -> tuple[Cell, ...]:
        """Every cell, row by row."""
        return tuple(cell for country in self.countries for cell in self.row(country))

    # --------------------------------------------------------------- summaries

    def country_counts(self, country: str) -> OutcomeCounts:
        """How many items ``country`` meets, partly meets, does not meet, or has no data on."""
        return OutcomeCounts.of(c.outcome for c in self.row(country))

    def item_counts(self, item: str) -> OutcomeCounts:
        """How many countries meet ``item``, partly meet it, do not, or have no data on it."""
        return OutcomeCounts.of(c.outcome for c in self.column(item))

    def verdict(self, country: str) -> Verdict | None:
        """The framework's sufficiency verdict for ``country`` (``None`` if it has no rule)."""
        rule = self.framework.sufficiency
        if rule is None:
            return None
        return rule.verdict({c.item: c.outcome for c in self.row(country)})

    @property
    def verdicts(self) -> Mapping[str, Verdict]:
        """Every country's verdict (empty when the framework has no sufficiency rule)."""
        if self.framework.sufficiency is None:
            return MappingProxyType({})
        return MappingProxyType({c: v for c in self.countries if (v := self.verdict(c))})

    @property
    def assessed_countries(self) -> tuple[str, ...]:
        """The countries with at least one known outcome."""
        return tuple(c for c in self.countries if self.country_counts(c).assessed)

    @property
    def illustrative(self) -> bool:
        """Whether any outcome rests on illustrative (made-up) evidence, as the demo's do."""
        return any(c.evidence is not None and c.evidence.illustrative for c in self.cells)

    def restricted_to(self, countries: Iterable[str]) -> RegionalMatrix:
        """The same matrix over fewer countries (e.g. :attr:`assessed_countries`)."""
        chosen = check_countries(countries, path="countries")
        for code in chosen:
            if code not in self.countries:
                raise InvalidData("is not a country of this matrix", path="countries", value=code)
        return RegionalMatrix(
            framework=self.framework,
            as_of=self.as_of,
            countries=chosen,
            cells={k: c for k, c in self._cells.items() if k[0] in chosen},
        )

    # --------------------------------------------------------------- outputs

    def to_rows(self, language: Language | str = Language.EN) -> list[dict[str, Any]]:
        """Plain data, one dict per country: code, name, one outcome per item, counts, verdict."""
        lang = Language.parse(language)
        rows = []
        for country in self.countries:
            counts = self.country_counts(country)
            row: dict[str, Any] = {
                "country": country,
                "name": country_name(country).in_(lang),
            }
            row.update({c.item: c.outcome.value for c in self.row(country)})
            row.update(
                met=counts.met,
                partly_met=counts.partly_met,
                not_met=counts.not_met,
                unknown=counts.unknown,
            )
            verdict = self.verdict(country)
            if verdict is not None:
                row["verdict"] = verdict.value
            rows.append(row)
        return rows

    @property
    def columns(self) -> tuple[str, ...]:
        """The keys of :meth:`to_rows`, in order."""
        tail = ("met", "partly_met", "not_met", "unknown")
        verdict = ("verdict",) if self.framework.sufficiency is not None else ()
        return ("country", "name", *self.framework.item_ids, *tail, *verdict)

    def to_dataframe(self, language: Language | str = Language.EN) -> pd.DataFrame:
        """:meth:`to_rows` as a pandas ``DataFrame`` indexed by country code (needs pandas)."""
        pandas = require("pandas", "RegionalMatrix.to_dataframe()", "pandas")
        frame: pd.DataFrame = pandas.DataFrame(self.to_rows(language), columns=list(self.columns))
        return frame.set_index("country")

    def heatmap(self, language: Language | str = Language.EN) -> Figure:
        """A matplotlib heat map: countries down, items across, one colour per outcome."""
        return _heatmap.heatmap(self, language)

    def _repr_html_(self) -> str:
        return _render.matrix_html(self, Language.EN)

    def __repr__(self) -> str:
        return (
            f"<RegionalMatrix {self.framework.id} as of {self.as_of}: "
            f"{len(self.countries)} countries × {len(self.framework.items)} items>"
        )


def check_countries(countries: Iterable[str], *, path: str) -> tuple[str, ...]:
    """ISO codes, upper-cased, checked and without repeats, or :class:`InvalidData`; a
    region's id (``LAC``) stands for its sovereign states."""

    if isinstance(countries, str):
        raise InvalidData(
            "must be a list of country codes, not one string", path=path, value=countries
        )
    chosen: list[str] = []
    for index, code in enumerate(countries):
        upper = code.upper() if isinstance(code, str) else code
        if isinstance(upper, str) and is_region(upper):
            chosen.extend(c for c in region_countries(upper) if c not in chosen)
            continue
        if not isinstance(upper, str) or not is_country(upper):
            raise InvalidData(
                "is not an ISO 3166-1 alpha-2 country code", path=f"{path}[{index}]", value=code
            )
        if upper not in chosen:
            chosen.append(upper)
    if not chosen:
        raise InvalidData("must name at least one country", path=path, value=list(countries))
    return tuple(chosen)


def check_date(value: object, *, path: str) -> date:
    """``value`` if it is a date, else :class:`InvalidData` naming ``path``."""
    if not isinstance(value, date):
        raise InvalidData("must be a date (datetime.date)", path=path, value=value)
    return value


def build_cells(
    framework: Framework, countries: tuple[str, ...], decided: Mapping[tuple[str, str], Evidence]
) -> dict[tuple[str, str], Cell]:
    """A cell for every country and item, from the deciding evidence."""
    cells = {}
    for country in countries:
        for item in framework.items:
            found = decided.get((country, item.id))
            cells[(country, item.id)] = Cell(
                country=country,
                item=item.id,
                outcome=found.outcome if found is not None else Outcome.UNKNOWN,
                evidence=found,
            )
    return cells


def matrix(
    coalition: Coalition,
    framework: Framework | str,
    *,
    as_of: date,
    countries: Iterable[str] | None = None,
    include_territories: bool = False,
    shipped: bool = True,
) -> RegionalMatrix:
    """The regional matrix of ``framework`` on ``as_of``.

    ``countries`` defaults to the 33 sovereign states of Latin America and the Caribbean (and
    its dependent territories with ``include_territories``); a region's id (``LAC``) stands for
    its countries. A country no evidence speaks of stands at ``unknown`` on every item. The
    treaty facts clac ships count unless ``shipped`` is false (a registry's own evidence on a
    country and item replaces them).
    """
    fw = FRAMEWORKS.get_framework(framework)
    check_date(as_of, path="as_of")
    chosen = (
        region_countries(include_territories=include_territories)
        if countries is None
        else check_countries(countries, path="countries")
    )
    decided = standing(evidence(coalition, fw, shipped=shipped), as_of)
    return RegionalMatrix(
        framework=fw, as_of=as_of, countries=chosen, cells=build_cells(fw, chosen, decided)
    )
