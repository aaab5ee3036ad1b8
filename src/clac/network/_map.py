"""A map of Latin America and the Caribbean: members per country by sector, and gap verdicts.

:func:`region_map` counts, for each of the region's 33 states, the members working in it on
a date: national members by their primary sector, and regional or global members apart (as
:func:`country_coverage` does); with a ``framework`` it adds each state's standing in the
regional gap matrix (:func:`clac.frameworks.matrix`): the framework's verdict where it has a
sufficiency rule, and the count of items met, partly met, not met and unknown. The result is
a :class:`RegionMap` with ``to_dataframe()`` and ``draw()`` (a matplotlib figure);
:func:`write_map` saves it as PNG, SVG or a self-contained HTML page.

The outlines are Natural Earth's 1:50m Admin 0 countries (public domain), simplified once by
``tools/make_map_shapes.py`` into ``clac/data/lac_shapes.json``: the map is drawn offline.
States too small to see at the region's scale (the Eastern Caribbean's islands) get a circle
of a minimum size, so that every state stays visible and clickable by eye.
"""

from __future__ import annotations

import functools
import html
import io
import json
import math
import os
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs

from clac._escape import literal_figure_text
from clac.charter import Sector
from clac.countries import LATIN_AMERICA_AND_CARIBBEAN, country_name
from clac.errors import InvalidData
from clac.io import write_atomically
from clac.model import Scope
from clac.network._figure import SECTOR_COLOURS, _matplotlib
from clac.network._frames import HtmlTable, data_frame
from clac.network._snapshot import snapshot
from clac.registry import Coalition
from clac.text import Language, Text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from clac.frameworks import Framework

__all__ = ["MAP_FORMATS", "CountryMembers", "RegionMap", "draw_map", "region_map", "write_map"]

#: The file formats :func:`write_map` writes, by suffix.
MAP_FORMATS: Final = ("png", "svg", "html")

#: A state whose outline covers less than this (square degrees) is also drawn as a circle.
SMALL_STATE: Final = 1.5

_VERDICT_COLOURS: Final = {
    "sufficient": "#0072B2",
    "insufficient": "#D55E00",
    "undetermined": "#E6E6E6",
}
_NO_MEMBER, _BORDER = "#F2F2F2", "#6E6E6E"
_WORDS: Final = {
    "title": Text("Members per country", "Miembros por país", pt="Membros por país"),
    "gaps": Text("{framework}: verdicts", "{framework}: veredictos", pt="{framework}: vereditos"),
    "met_share": Text(
        "{framework}: share of assessed items met",
        "{framework}: proporción de ítems evaluados cumplidos",
        pt="{framework}: proporção de itens avaliados cumpridos",
    ),
    "members": Text("members", "miembros", pt="membros"),
    "regional": Text(
        "regional or global members", "miembros regionales o globales", pt="membros regionais"
    ),
    "no_member": Text("no national member", "ningún miembro nacional", pt="nenhum membro nacional"),
    "share": Text(
        "{percent}% of assessed items met",
        "{percent}% de ítems evaluados cumplidos",
        pt="{percent}% dos itens avaliados cumpridos",
    ),
    "not_assessed": Text("no data", "sin datos", pt="sem dados"),
    "as_of": Text("as of {day}", "al {day}", pt="em {day}"),
    "source": Text(
        "Outlines: Natural Earth (public domain)",
        "Contornos: Natural Earth (dominio público)",
        pt="Contornos: Natural Earth (domínio público)",
    ),
}


@functools.cache
def shapes() -> dict[str, tuple[tuple[tuple[float, float], ...], ...]]:
    """Each state's outer rings as (longitude, latitude) points (``clac/data/lac_shapes.json``)."""
    text = resources.files("clac.data").joinpath("lac_shapes.json").read_text(encoding="utf-8")
    states: dict[str, list[list[list[float]]]] = json.loads(text)["states"]
    return {
        code: tuple(tuple((x, y) for x, y in ring) for ring in rings)
        for code, rings in states.items()
    }


def _area(ring: tuple[tuple[float, float], ...]) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2


def _centre(ring: tuple[tuple[float, float], ...]) -> tuple[float, float]:
    """The centroid of a ring (its mean point when the ring has no area)."""
    twice = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        twice += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(twice) < 1e-12:
        return (sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring))
    return (cx / (3 * twice), cy / (3 * twice))


@attrs.frozen
class CountryMembers:
    """One state on the map: its national members by primary sector, its regional or global
    members, and (with a framework) its verdict and item counts."""

    code: str
    name: Text
    by_sector: dict[Sector, int]
    regional: int
    verdict: str | None = None
    met: int | None = None
    partly_met: int | None = None
    not_met: int | None = None
    unknown: int | None = None

    @property
    def members(self) -> int:
        """National members working in the state (each once, whatever its sectors)."""
        return sum(self.by_sector.values())


@attrs.frozen
class RegionMap(HtmlTable):
    """The region's 33 states with their members (and gap standing); see the module."""

    as_of: date | None
    framework: str | None
    framework_name: str | None
    countries: tuple[CountryMembers, ...]

    def country(self, code: str) -> CountryMembers:
        """The row of the state ``code`` (ISO 3166-1 alpha-2)."""
        for row in self.countries:
            if row.code == code.upper():
                return row
        raise InvalidData("is not one of the 33 states of the region", path="country", value=code)

    def to_dataframe(self, lang: Language | str = Language.EN) -> Any:
        """One row per state: code, name, members, regional, one column per sector, and with a
        framework its verdict and the items met, partly met, not met and unknown."""
        language = Language.parse(lang)
        sectors = [s.value for s in Sector]
        columns = ["code", "name", "members", "regional", *sectors]
        if self.framework is not None:
            columns += ["verdict", "met", "partly_met", "not_met", "unknown"]
        rows = []
        for row in self.countries:
            values: dict[str, Any] = {
                "code": row.code,
                "name": row.name.in_(language),
                "members": row.members,
                "regional": row.regional,
                **{s.value: row.by_sector.get(s, 0) for s in Sector},
            }
            if self.framework is not None:
                values |= {
                    "verdict": row.verdict,
                    "met": row.met,
                    "partly_met": row.partly_met,
                    "not_met": row.not_met,
                    "unknown": row.unknown,
                }
            rows.append(values)
        return data_frame(rows, columns)

    def draw(
        self,
        *,
        lang: Language | str = Language.EN,
        title: str | None = None,
        ax: Axes | None = None,
    ) -> Figure:
        """The map as a matplotlib figure (see :func:`draw_map`)."""
        return draw_map(self, lang=lang, title=title, ax=ax)

    def _repr_png_(self) -> bytes | None:
        try:
            return _png(self, Language.EN, None)
        except InvalidData:  # matplotlib missing: Jupyter shows the table
            return None


def region_map(
    coalition: Coalition,
    *,
    as_of: date | None = None,
    framework: Framework | str | None = None,
) -> RegionMap:
    """The members of ``coalition`` per state on ``as_of`` and, with ``framework``, each
    state's gap standing on ``as_of`` (default: today) — see the module."""
    if not isinstance(coalition, Coalition):
        raise InvalidData(
            f"must be a clac Coalition, not {type(coalition).__name__}",
            path="coalition",
            value=type(coalition).__name__,
        )
    view = snapshot(coalition, as_of)
    national: dict[str, dict[Sector, int]] = {c: {} for c in LATIN_AMERICA_AND_CARIBBEAN}
    regional = dict.fromkeys(LATIN_AMERICA_AND_CARIBBEAN, 0)
    for organization in coalition.organizations:
        if organization.id not in view.members:
            continue
        for code in organization.where:
            if code not in national:
                continue
            if organization.effective_scope is Scope.NATIONAL:
                counts = national[code]
                counts[organization.sector] = counts.get(organization.sector, 0) + 1
            else:
                regional[code] += 1
    standing: dict[str, dict[str, Any]] = {}
    chosen_id = chosen_name = None
    if framework is not None:
        from clac.frameworks import FRAMEWORKS, matrix

        chosen = FRAMEWORKS.get_framework(framework)
        chosen_id, chosen_name = chosen.id, chosen.name.en
        grid = matrix(coalition, chosen, as_of=as_of or date.today())
        for code in LATIN_AMERICA_AND_CARIBBEAN:
            outcomes = grid.country_counts(code)
            verdict = grid.verdict(code)
            standing[code] = {
                "verdict": verdict.value if verdict is not None else None,
                "met": outcomes.met,
                "partly_met": outcomes.partly_met,
                "not_met": outcomes.not_met,
                "unknown": outcomes.unknown,
            }
    return RegionMap(
        as_of=as_of,
        framework=chosen_id,
        framework_name=chosen_name,
        countries=tuple(
            CountryMembers(
                code=code,
                name=country_name(code),
                by_sector=dict(sorted(national[code].items())),
                regional=regional[code],
                **standing.get(code, {}),
            )
            for code in LATIN_AMERICA_AND_CARIBBEAN
        ),
    )


def _fill(row: CountryMembers, result: RegionMap, most: int, cmap: Any) -> str:
    """A state's fill: its verdict, its share of assessed items met, or its member count."""
    from matplotlib.colors import to_hex

    if result.framework is None:
        if row.members == 0:
            return _NO_MEMBER
        return str(to_hex(cmap(0.2 + 0.45 * row.members / max(most, 1))))
    if row.verdict is not None:
        return _VERDICT_COLOURS[row.verdict]
    assessed = (row.met or 0) + (row.partly_met or 0) + (row.not_met or 0)
    if assessed == 0:
        return _VERDICT_COLOURS["undetermined"]
    return str(
        to_hex(cmap(0.15 + 0.85 * ((row.met or 0) + 0.5 * (row.partly_met or 0)) / assessed))
    )


@literal_figure_text
def draw_map(
    result: RegionMap | Coalition,
    *,
    lang: Language | str = Language.EN,
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Draw the region: each state filled by its member count (or, with a framework, by its
    verdict or share of items met), a pie of its national members by sector, and a circle of
    a minimum size for the states too small to see. Returns the figure (shown in Jupyter)."""
    _matplotlib()
    from matplotlib import colormaps
    from matplotlib.patches import Circle, Polygon, Wedge

    from clac._figures import ClacFigure

    language = Language.parse(lang)
    if isinstance(result, Coalition):
        result = region_map(result)
    if ax is None:
        figure: Any = ClacFigure(figsize=(9, 9.5), layout="constrained")
        ax = figure.add_subplot()
    else:
        figure = ax.get_figure()
    cmap = colormaps["Blues" if result.framework is None else "Greens"]
    most = max((row.members for row in result.countries), default=0)
    outlines = shapes()
    small: list[tuple[str, float, float]] = []
    for row in result.countries:
        rings = outlines[row.code]
        colour = _fill(row, result, most, cmap)
        for ring in rings:
            ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor=_BORDER, lw=0.5))
        largest = max(rings, key=_area)
        cx, cy = _centre(largest)
        area = sum(_area(r) for r in rings)
        if area < SMALL_STATE:
            ax.add_patch(Circle((cx, cy), 0.9, facecolor=colour, edgecolor=_BORDER, lw=0.8))
            small.append((row.code, cx, cy))
        if row.members:
            radius = 0.7 + 0.6 * math.sqrt(row.members)
            start = 90.0
            for sector, count in row.by_sector.items():
                sweep = 360.0 * count / row.members
                ax.add_patch(
                    Wedge(
                        (cx, cy), radius, start, start + sweep,
                        facecolor=SECTOR_COLOURS[sector], edgecolor="white", lw=0.4, zorder=3,
                    )
                )  # fmt: skip
                start += sweep
            ax.annotate(
                str(row.members), (cx, cy), xytext=(cx + radius, cy + radius), fontsize=7,
                zorder=4, fontweight="bold",
            )  # fmt: skip
    _label_small_states(ax, small)
    ax.set_xlim(-118, -33)
    ax.set_ylim(-56.5, 33)
    ax.set_aspect(1 / math.cos(math.radians(12)))
    ax.set_axis_off()
    ax.legend(handles=_legend(result, language, cmap), loc="lower left", frameon=False, fontsize=8)
    ax.set_title(title if title is not None else _title(result, language), fontsize=12)
    ax.text(0.99, 0.01, _WORDS["source"].in_(language), transform=ax.transAxes, fontsize=6,
            ha="right", color="#666")  # fmt: skip
    return figure  # type: ignore[no-any-return]


def _label_small_states(ax: Axes, small: list[tuple[str, float, float]]) -> None:
    """Name the small states beside their circles, one label under the other where they
    would overlap (the Eastern Caribbean's islands sit a degree apart)."""
    lowest = math.inf
    for code, cx, cy in sorted(small, key=lambda s: -s[2]):
        y = min(cy, lowest - 1.3)
        lowest = y
        ax.annotate(
            code, (cx + 0.9, cy), xytext=(cx + 2.2, y), fontsize=6, color="#333", va="center",
            arrowprops={"arrowstyle": "-", "color": "#999", "lw": 0.4},
        )  # fmt: skip


def _legend(result: RegionMap, language: Language, cmap: Any) -> list[Any]:
    from matplotlib.colors import to_hex
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=SECTOR_COLOURS[s],
               markeredgecolor="white", label=s.label.in_(language))
        for s in Sector
        if any(s in row.by_sector for row in result.countries)
    ]  # fmt: skip
    if result.framework is not None and any(r.verdict for r in result.countries):
        handles += [
            Patch(facecolor=colour, edgecolor=_BORDER, label=_verdict_word(verdict, language))
            for verdict, colour in _VERDICT_COLOURS.items()
        ]
    elif result.framework is not None:
        handles += [
            Patch(facecolor=to_hex(cmap(0.15 + 0.85 * share)), edgecolor=_BORDER,
                  label=_WORDS["share"].format(percent=round(100 * share)).in_(language))
            for share in (0.0, 0.5, 1.0)
        ]  # fmt: skip
        handles.append(
            Patch(
                facecolor=_VERDICT_COLOURS["undetermined"],
                edgecolor=_BORDER,
                label=_WORDS["not_assessed"].in_(language),
            )
        )
    else:
        handles.append(
            Patch(facecolor=_NO_MEMBER, edgecolor=_BORDER, label=_WORDS["no_member"].in_(language))
        )
    return handles


def _title(result: RegionMap, language: Language) -> str:
    if result.framework is None:
        title = _WORDS["title"].in_(language)
    else:
        key = "gaps" if any(r.verdict for r in result.countries) else "met_share"
        title = _WORDS[key].format(framework=result.framework_name or "").in_(language)
    if result.as_of is not None:
        title += f" ({_WORDS['as_of'].format(day=result.as_of.isoformat()).in_(language)})"
    return title


def _verdict_word(verdict: str, language: Language) -> str:
    from clac.frameworks import Verdict

    return Verdict(verdict).label.in_(language)


def _png(result: RegionMap, lang: Language, title: str | None, dpi: int = 110) -> bytes:
    buffer = io.BytesIO()
    draw_map(result, lang=lang, title=title).savefig(
        buffer, format="png", dpi=dpi, facecolor="white"
    )
    return buffer.getvalue()


def _svg(result: RegionMap, lang: Language, title: str | None) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "clac", "svg.fonttype": "none"}):
        draw_map(result, lang=lang, title=title).savefig(
            buffer, format="svg", facecolor="white", metadata={"Date": None}
        )
    return buffer.getvalue()


def _html(result: RegionMap, lang: Language, title: str | None) -> str:
    svg = _svg(result, lang, title)
    svg = svg[svg.index("<svg") :]
    table = result.to_dataframe(lang).to_html(index=False, escape=True, na_rep="—", border=0)
    heading = html.escape(title or _WORDS["title"].in_(lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.value}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{heading}</title>\n<style>body{{font:13px system-ui,sans-serif}}"
        "svg{max-width:100%;height:auto}td,th{padding:2px 6px}</style>\n</head>\n<body>\n"
        f"{svg}\n{table}\n</body>\n</html>\n"
    )


def write_map(
    subject: RegionMap | Coalition,
    path: str | os.PathLike[str],
    format: str | None = None,  # noqa: A002 - the word users know
    *,
    lang: Language | str = Language.EN,
    title: str | None = None,
) -> Path:
    """Write the map to ``path`` as PNG, SVG or a self-contained HTML page (the SVG and the
    table; no external address), by ``format`` or the path's suffix, atomically."""
    chosen = (format or Path(path).suffix.lstrip(".")).lower()
    if chosen not in MAP_FORMATS:
        raise InvalidData(
            f"is not a map format (choose {', '.join(MAP_FORMATS)})",
            path="format" if format else "output",
            value=format or str(path),
        )
    language = Language.parse(lang)
    result = region_map(subject) if isinstance(subject, Coalition) else subject
    if chosen == "png":
        return write_atomically(path, _png(result, language, title))
    if chosen == "svg":
        return write_atomically(path, _svg(result, language, title))
    return write_atomically(path, _html(result, language, title))


def countries_of(result: RegionMap) -> Iterable[str]:
    """The codes of the states on ``result`` (the region's 33)."""
    return (row.code for row in result.countries)
