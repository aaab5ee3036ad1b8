"""Everything about the network on one date, in one object that shows itself in Jupyter.

:func:`summarize` runs every analysis on one snapshot of the coalition (so the organization
graph is built once) and returns a :class:`NetworkSummary`: its fields are the analyses'
results, :meth:`NetworkSummary.rows` gives label/value pairs in English, Spanish or Portuguese
(what ``clac network`` prints), and ``_repr_html_`` renders them as a table in JupyterLab.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import attrs
import networkx as nx

from clac._deprecation import deprecated
from clac._labels import WORDS
from clac._progress import task
from clac.network._analyses import (
    EXACT_BETWEENNESS_LIMIT,
    SAMPLED_BETWEENNESS_SOURCES,
    Brokers,
    Communities,
    CrossSectorTies,
    Isolates,
    brokers_of,
    communities_of,
    cross_sector_of,
    isolates_in,
)
from clac.network._coverage import (
    CountryCoverage,
    SectorCoverage,
    coverage_of_countries,
    coverage_of_sectors,
)
from clac.network._frames import data_frame
from clac.network._graph import SectorTies, projection_of, ties_of
from clac.network._health import DEFAULT_KEY_PLAYERS, Health, health_of
from clac.network._snapshot import snapshot
from clac.registry import Coalition
from clac.text import Language, Text

__all__ = ["NetworkSummary", "summarize"]

_L = {
    "title": Text("Stakeholder network", "Red de actores", pt="Rede de atores"),
    "coalition": WORDS["coalition"],
    "as_of": Text("As of", "Fecha de corte", pt="Data de referência"),
    "all_records": Text("all records", "todos los registros", pt="todos os registros"),
    "organizations": Text(
        "Organizations in the registry",
        "Organizaciones en el registro",
        pt="Organizações no registro",
    ),
    "members": WORDS["members"],
    "working_groups": WORDS["working_groups"],
    "meetings": Text("Meetings held", "Reuniones realizadas", pt="Reuniões realizadas"),
    "ties": Text("Ties between members", "Vínculos entre miembros", pt="Vínculos entre membros"),
    "density": Text("Density", "Densidad", pt="Densidade"),
    "centralization": Text(
        "Degree centralization", "Centralización de grado", pt="Centralização de grau"
    ),
    "brokers": Text(
        "Top brokers (betweenness)",
        "Principales intermediarios (intermediación)",
        pt="Principais intermediários (intermediação)",
    ),
    "key_players": Text(
        "Key players (fragmentation if removed)",
        "Actores clave (fragmentación si se retiran)",
        pt="Atores-chave (fragmentação se removidos)",
    ),
    "communities": Text(
        "Communities (Louvain)", "Comunidades (Louvain)", pt="Comunidades (Louvain)"
    ),
    "modularity": Text("modularity", "modularidad", pt="modularidade"),
    "isolates": Text("Isolated members", "Miembros aislados", pt="Membros isolados"),
    "cross_sector": Text(
        "Cross-sector ties", "Vínculos intersectoriales", pt="Vínculos intersetoriais"
    ),
    "ei_index": Text("E-I index", "índice E-I", pt="índice E-I"),
    "missing_sectors": Text(
        "Expected sectors without members",
        "Sectores esperados sin miembros",
        pt="Setores esperados sem membros",
    ),
    "missing_partners": Text(
        "Named partners not yet members",
        "Socios nombrados que aún no son miembros",
        pt="Parceiros nomeados que ainda não são membros",
    ),
    "possible_partners": Text(
        "Named partners perhaps members, by a close name (confirm with partner: <id>)",
        "Socios nombrados quizá miembros, por un nombre parecido (confírmelo con partner: <id>)",
        pt="Parceiros nomeados talvez membros, por um nome parecido (confirme com partner: <id>)",
    ),
    "without_hotline": Text(
        "Countries without a national hotline member",
        "Países sin una línea de denuncia nacional miembro",
        pt="Países sem um canal de denúncia nacional membro",
    ),
    "without_law_enforcement": Text(
        "Countries without a national law-enforcement member",
        "Países sin una agencia de investigación nacional miembro",
        pt="Países sem uma agência de investigação nacional membro",
    ),
    "without_ngo": Text(
        "Countries without a national NGO member",
        "Países sin una ONG nacional miembro",
        pt="Países sem uma ONG nacional membro",
    ),
    "none": Text("none", "ninguno", pt="nenhum"),
    "of": Text("of", "de", pt="de"),
    "sampled": Text(
        "estimated from {k} sources",
        "estimada con {k} orígenes",
        pt="estimada com {k} origens",
    ),
}


def label(key: str, lang: Language | str = Language.EN) -> str:
    """A summary label in ``lang``."""
    return _L[key].in_(lang)


def _list(items: Sequence[str], lang: Language | str) -> str:
    return ", ".join(items) if items else label("none", lang)


@attrs.frozen
class NetworkSummary:
    """The stakeholder network of a coalition on one date and every analysis of it."""

    name: str
    as_of: date | None
    organizations: int
    working_groups: int
    meetings: int
    health: Health
    brokers: Brokers
    communities: Communities
    isolates: Isolates
    cross_sector_ties: CrossSectorTies
    sector_ties: SectorTies
    sector_coverage: SectorCoverage
    country_coverage: CountryCoverage
    top: int = 5

    @property
    def cross_sector(self) -> CrossSectorTies:
        """Deprecated: :attr:`cross_sector_ties` (the name of :func:`cross_sector_ties`)."""
        deprecated("NetworkSummary.cross_sector", "NetworkSummary.cross_sector_ties")
        return self.cross_sector_ties

    @property
    def members(self) -> int:
        """Members on the date (the organization graph's nodes)."""
        return self.health.members

    @property
    def density(self) -> float:
        """Density of the organization graph."""
        return self.health.density

    @property
    def centralization(self) -> float:
        """Freeman degree centralization of the organization graph."""
        return self.health.centralization

    def rows(self, lang: Language | str = Language.EN) -> tuple[tuple[str, str], ...]:
        """The summary as (label, value) pairs in ``lang``."""
        lang = Language.parse(lang)
        countries = self.country_coverage
        total = len(countries.countries)
        names = {c.code: c.name.in_(lang) for c in countries.countries}

        def gap(codes: Sequence[str]) -> str:
            head = f"{len(codes)} {label('of', lang)} {total}"
            return f"{head}: {', '.join(names[c] for c in codes)}" if codes else head

        top = self.brokers.top(self.top)
        brokers = _list([f"{b.organization} ({b.betweenness:.3f})" for b in top], lang)
        if not self.brokers.exact:
            brokers += f" [{_L['sampled'].format(k=self.brokers.sample_size).in_(lang)}]"
        players = self.health.key_players
        key_players = _list(players.organizations, lang)
        if players.organizations:
            key_players += f" ({players.before:.3f} → {players.after:.3f})"
        cross = self.cross_sector_ties
        return (
            (label("coalition", lang), self.name),
            (
                label("as_of", lang),
                self.as_of.isoformat() if self.as_of else label("all_records", lang),
            ),
            (label("organizations", lang), str(self.organizations)),
            (label("members", lang), str(self.members)),
            (label("working_groups", lang), str(self.working_groups)),
            (label("meetings", lang), str(self.meetings)),
            (label("ties", lang), str(self.health.ties)),
            (label("density", lang), f"{self.density:.3f}"),
            (label("centralization", lang), f"{self.centralization:.3f}"),
            (label("brokers", lang), brokers),
            (label("key_players", lang), key_players),
            (
                label("communities", lang),
                f"{len(self.communities.groups)} "
                f"({label('modularity', lang)} {self.communities.modularity:.3f})",
            ),
            (label("isolates", lang), _list(self.isolates.organizations, lang)),
            (
                label("cross_sector", lang),
                f"{cross.ratio:.0%} ({label('ei_index', lang)} {cross.ei_index:+.2f})",
            ),
            (
                label("missing_sectors", lang),
                _list([s.label.in_(lang) for s in self.sector_coverage.missing_sectors], lang),
            ),
            (
                label("missing_partners", lang),
                _list(
                    [
                        p.display_name(self.as_of).in_(lang)
                        for p in self.sector_coverage.missing_partners
                    ],
                    lang,
                ),
            ),
            (
                label("possible_partners", lang),
                _list(
                    [
                        f"{p.display_name(self.as_of).in_(lang)}: {', '.join(orgs)} "
                        f"(partner: {p.id}?)"
                        for p, orgs in self.sector_coverage.possible_partners
                    ],
                    lang,
                ),
            ),
            (label("without_hotline", lang), gap(countries.without_hotline)),
            (label("without_law_enforcement", lang), gap(countries.without_law_enforcement)),
            (label("without_ngo", lang), gap(countries.without_ngo)),
        )

    def heading(self, lang: Language | str = Language.EN) -> str:
        """``Stakeholder network: <coalition name>`` in ``lang``."""
        return f"{label('title', lang)}: {self.name}"

    def to_html(self, lang: Language | str = Language.EN) -> str:
        """The summary as an HTML table in ``lang``."""
        title = self.heading(lang)
        body = "".join(
            f'<tr><th style="text-align:left">{html.escape(key)}</th>'
            f'<td style="text-align:left">{html.escape(value)}</td></tr>'
            for key, value in self.rows(lang)
        )
        return (
            f'<table class="clac-network-summary"><caption>{html.escape(title)}</caption>'
            f"<tbody>{body}</tbody></table>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def metrics(self) -> dict[str, float | int]:
        """The summary's numbers by name (what :meth:`to_dataframe` tabulates)."""
        countries = self.country_coverage
        return {
            "organizations": self.organizations,
            "members": self.members,
            "working_groups": self.working_groups,
            "meetings": self.meetings,
            "ties": self.health.ties,
            "density": self.density,
            "centralization": self.centralization,
            "fragmentation": self.health.key_players.before,
            "communities": len(self.communities.groups),
            "modularity": self.communities.modularity,
            "isolates": len(self.isolates.members),
            "cross_sector_ratio": self.cross_sector_ties.ratio,
            "ei_index": self.cross_sector_ties.ei_index,
            "missing_sectors": len(self.sector_coverage.missing_sectors),
            "missing_partners": len(self.sector_coverage.missing_partners),
            "countries_without_hotline": len(countries.without_hotline),
            "countries_without_law_enforcement": len(countries.without_law_enforcement),
            "countries_without_ngo": len(countries.without_ngo),
        }

    def to_dataframe(self) -> Any:
        """One row per metric: metric, value."""
        return data_frame(
            [{"metric": k, "value": v} for k, v in self.metrics().items()],
            columns=["metric", "value"],
        )


def analyse(
    coalition: Coalition,
    as_of: date | None = None,
    *,
    seed: int = 0,
    key_players: int = DEFAULT_KEY_PLAYERS,
    top: int = 5,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    k: int = SAMPLED_BETWEENNESS_SOURCES,
    include_territories: bool = False,
) -> tuple[NetworkSummary, nx.Graph[str]]:
    """The summary and the organization graph it was computed on."""
    with task(_ANALYSING, total=10) as progress:
        view = snapshot(coalition, as_of)
        graph = projection_of(view)
        progress.advance()
        steps: dict[str, Callable[[], Any]] = {
            "health": lambda: health_of(graph, as_of, k=key_players),
            "brokers": lambda: brokers_of(graph, exact_limit=exact_limit, k=k, seed=seed),
            "communities": lambda: communities_of(graph, seed=seed),
            # Members tied to no other member in the graph the ties are counted in, so the
            # summary never says "0 ties" next to "isolated members: none".
            "isolates": lambda: isolates_in(graph),
            "cross_sector_ties": lambda: cross_sector_of(graph),
            "sector_ties": lambda: ties_of(graph),
            "sector_coverage": lambda: coverage_of_sectors(view),
            "country_coverage": lambda: coverage_of_countries(
                view, include_territories=include_territories
            ),
        }
        results: dict[str, Any] = {}
        for name, compute in steps.items():
            results[name] = compute()
            progress.advance()
        summary = NetworkSummary(
            name=coalition.name,
            as_of=as_of,
            organizations=len(coalition.organizations),
            working_groups=len(view.working_groups),
            meetings=len(view.meetings),
            top=top,
            **results,
        )
        progress.advance()
    return summary, graph


_ANALYSING = Text("Analysing the network", "Analizando la red", pt="Analisando a rede")


def summarize(
    coalition: Coalition,
    as_of: date | None = None,
    *,
    seed: int = 0,
    key_players: int = DEFAULT_KEY_PLAYERS,
    top: int = 5,
    exact_limit: int = EXACT_BETWEENNESS_LIMIT,
    k: int = SAMPLED_BETWEENNESS_SOURCES,
    include_territories: bool = False,
) -> NetworkSummary:
    """Every analysis of the stakeholder network on ``as_of``, in one :class:`NetworkSummary`.

    ``seed`` drives the Louvain communities and, above ``exact_limit`` members, the sampled
    betweenness (``k`` sources); ``key_players`` is how many key players to find and ``top``
    how many brokers the summary shows. Country coverage lists the region's 33 sovereign
    states, and its dependent territories with ``include_territories``.

    >>> from clac import Coalition
    >>> summary = summarize(Coalition(name="Empty"))
    >>> summary.members, summary.density
    (0, 0.0)
    >>> "<table" in summary._repr_html_()
    True
    """
    return analyse(
        coalition,
        as_of,
        seed=seed,
        key_players=key_players,
        top=top,
        exact_limit=exact_limit,
        k=k,
        include_territories=include_territories,
    )[0]
