"""Where the coalition is thin: gaps in a country that no member of the needed sector can carry.

A *thin spot* is a country and an item where (a) the country's outcome on the day is a gap
(``not met`` or ``partly met``; ``unknown`` too when asked), and (b) no member on that day of
*national* scope, of one of the sectors the item needs (:attr:`FrameworkItem.sectors`), works in
that country. This is the same presence rule as :func:`clac.network.country_coverage`: a regional
or global member working in the country is listed (``regional``) but closes no in-country gap.

Adding a member can only close thin spots, never open one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from clac.charter import Sector
from clac.countries import country_name
from clac.errors import InvalidData, require
from clac.frameworks._framework import Framework
from clac.frameworks._matrix import RegionalMatrix, matrix
from clac.model import Outcome, Scope
from clac.registry import Coalition
from clac.text import Language

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["GAP_OUTCOMES", "ThinSpot", "ThinSpots", "thin_spots"]

#: The outcomes that count as a gap.
GAP_OUTCOMES = frozenset({Outcome.NOT_MET, Outcome.PARTLY_MET})


@attrs.frozen(slots=True)
class ThinSpot:
    """A gap in ``country`` on ``item`` with no national member of the ``sectors`` it needs."""

    country: str
    item: str
    outcome: Outcome
    sectors: tuple[Sector, ...]
    regional: tuple[str, ...]


@attrs.frozen(slots=True, repr=False)
class ThinSpots:
    """Every thin spot of one framework on one day, by country then item."""

    framework: Framework
    as_of: date
    spots: tuple[ThinSpot, ...]
    illustrative: bool

    def __len__(self) -> int:
        return len(self.spots)

    def __iter__(self) -> Any:
        return iter(self.spots)

    def __repr__(self) -> str:
        return f"<ThinSpots {self.framework.id} as of {self.as_of}: {len(self.spots)} spots>"

    @property
    def countries(self) -> tuple[str, ...]:
        """The countries with at least one thin spot, in order."""
        return tuple(dict.fromkeys(s.country for s in self.spots))

    def to_rows(self, language: Language | str = Language.EN) -> list[dict[str, Any]]:
        """Plain data, one dict per thin spot."""
        lang = Language.parse(language)
        return [
            {
                "country": s.country,
                "name": country_name(s.country).in_(lang),
                "item": s.item,
                "label": self.framework.item(s.item).label.in_(lang),
                "outcome": s.outcome.value,
                "sectors_needed": ", ".join(x.value for x in s.sectors),
                "regional_members": ", ".join(s.regional),
            }
            for s in self.spots
        ]

    def to_dataframe(self, language: Language | str = Language.EN) -> pd.DataFrame:
        """:meth:`to_rows` as a pandas ``DataFrame`` (needs pandas)."""
        pandas = require("pandas", "ThinSpots.to_dataframe()", "pandas")
        columns = [
            "country",
            "name",
            "item",
            "label",
            "outcome",
            "sectors_needed",
            "regional_members",
        ]
        frame: pd.DataFrame = pandas.DataFrame(self.to_rows(language), columns=columns)
        return frame


def thin_spots(
    coalition: Coalition,
    framework: Framework | str | RegionalMatrix,
    *,
    as_of: date | None = None,
    countries: Iterable[str] | None = None,
    include_unknown: bool = False,
) -> ThinSpots:
    """The thin spots of ``framework`` on ``as_of`` (or of an already built matrix).

    >>> import clac
    >>> from clac.frameworks import thin_spots
    >>> spots = thin_spots(clac.demo(), "mnr", as_of=clac.DEMO_AS_OF)
    >>> ("GT", "hotline") in {(s.country, s.item) for s in spots}
    True
    """
    if isinstance(framework, RegionalMatrix):
        if as_of is not None and as_of != framework.as_of:
            raise InvalidData(
                f"differs from the matrix's own date, {framework.as_of}", path="as_of", value=as_of
            )
        grid = framework if countries is None else framework.restricted_to(countries)
    else:
        if as_of is None:
            raise InvalidData("is required with a framework id", path="as_of", value=None)
        grid = matrix(coalition, framework, as_of=as_of, countries=countries)
    gaps = GAP_OUTCOMES | {Outcome.UNKNOWN} if include_unknown else GAP_OUTCOMES
    national: dict[tuple[str, Sector], list[str]] = {}
    regional: dict[tuple[str, Sector], list[str]] = {}
    organizations = {o.id: o for o in coalition.organizations}
    for member in coalition.members_on(grid.as_of):
        org = organizations[member.organization]
        into = national if org.effective_scope is Scope.NATIONAL else regional
        for code in org.where:  # a region (LAC) counts in every country of it
            for sector in org.sectors:  # every sector of the organization counts
                into.setdefault((code, sector), []).append(org.id)
    spots = []
    for country in grid.countries:
        for item in grid.framework.items:
            outcome = grid.outcome(country, item.id)
            if outcome not in gaps or not item.sectors:
                continue
            if any((country, sector) in national for sector in item.sectors):
                continue
            spots.append(
                ThinSpot(
                    country=country,
                    item=item.id,
                    outcome=outcome,
                    sectors=item.sectors,
                    regional=tuple(
                        org
                        for sector in item.sectors
                        for org in regional.get((country, sector), ())
                    ),
                )
            )
    return ThinSpots(
        framework=grid.framework,
        as_of=grid.as_of,
        spots=tuple(spots),
        illustrative=grid.illustrative,
    )
