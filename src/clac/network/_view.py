"""An interactive picture of the network: the data it shows, a Jupyter widget, an offline page.

:func:`view_data` gathers what the picture shows as plain JSON: the members (by sector, country
and working group), the ties of the stakeholder network (:func:`organization_graph`) and of each
round of the partnership survey (:func:`survey_graph`), a few measures to size nodes by, and
the trust and value each organization received, only where the survey's anonymity rule lets
them show (at least ``threshold`` respondents, :data:`ANONYMITY_THRESHOLD`). No personal data:
representatives are never read, and no respondent's rating of a partner is included.

:func:`to_html` writes the picture as one self-contained HTML page (script, style and data
inline, no external address; its address's fragment presets the filters, as in
``network.html#sector=hotline&network=2025-03-01``), :func:`widget` shows it in Jupyter
through anywidget (the ``notebooks`` extra, imported only there). Both draw with the same
small script (``_view.js``): an SVG with one circle per organization, a precomputed layout,
and filters by country, working group, sector and round.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final

import networkx as nx

from clac._escape import json_for_script
from clac.countries import country_name
from clac.errors import InvalidData
from clac.io import write_atomically
from clac.network._analyses import EXACT_BETWEENNESS_LIMIT, SAMPLED_BETWEENNESS_SOURCES
from clac.network._figure import SECTOR_COLOURS, _layout
from clac.network._frames import require
from clac.network._graph import organization_graph, organization_node
from clac.network._reported import ANONYMITY_THRESHOLD
from clac.network._survey import answers_of, partnership, require_threshold, survey_graph
from clac.registry import Coalition
from clac.survey import SurveyAnswer
from clac.text import Language, Text

__all__ = ["SIZE_MEASURES", "to_html", "view_data", "widget", "write_html"]

#: What a node's size can show: its ties, its shared activity (weighted ties), betweenness.
SIZE_MEASURES: Final = ("degree", "weighted_degree", "betweenness")

_WORDS: Final = {
    "title": Text("Stakeholder network", "Red de actores", pt="Rede de atores"),
    "network": Text("Ties", "Vínculos", pt="Vínculos"),
    "stakeholder": Text(
        "Shared activity (registry)", "Actividad compartida (registro)", pt="Atividade comum"
    ),
    "round": Text("Survey round {day}", "Ronda de encuesta {day}", pt="Rodada {day}"),
    "size": Text("Size by", "Tamaño según", pt="Tamanho por"),
    "degree": Text("ties", "vínculos", pt="vínculos"),
    "weighted_degree": Text("shared activity", "actividad compartida", pt="atividade comum"),
    "betweenness": Text("betweenness", "intermediación", pt="intermediação"),
    "country": Text("Country", "País", pt="País"),
    "working_group": Text("Working group", "Grupo de trabajo", pt="Grupo de trabalho"),
    "sector": Text("Sector", "Sector", pt="Setor"),
    "all": Text("all", "todos", pt="todos"),
    "ties_with": Text("Tied with", "Vinculada con", pt="Vinculada a"),
    "none": Text("none", "ninguno", pt="nenhum"),
    "trust": Text("trust received", "confianza recibida", pt="confiança recebida"),
    "value": Text("value received", "valor recibido", pt="valor recebido"),
    "suppressed": Text(
        "not shown (fewer than {threshold} respondents rated it)",
        "no se muestra (menos de {threshold} encuestados la calificaron)",
        pt="não mostrado (menos de {threshold} respondentes a avaliaram)",
    ),
    "shown": Text(
        "{shown} of {total} organizations shown",
        "{shown} de {total} organizaciones mostradas",
        pt="{shown} de {total} organizações mostradas",
    ),
}


def _script() -> str:
    return resources.files("clac.network").joinpath("_view.js").read_text(encoding="utf-8")


def view_data(
    coalition: Coalition,
    answers: Iterable[SurveyAnswer] | None = None,
    *,
    as_of: date | None = None,
    lang: Language | str = Language.EN,
    seed: int = 0,
    threshold: int = ANONYMITY_THRESHOLD,
) -> dict[str, Any]:
    """What the interactive picture shows, as JSON-ready data (see the module).

    ``answers`` defaults to the survey kept in the registry; each round held by ``as_of`` is a
    network to choose beside the registry's shared activity. A received score is present only
    when at least ``threshold`` respondents rated the organization, else None.
    """
    if not isinstance(coalition, Coalition):
        raise InvalidData(
            f"must be a clac Coalition, not {type(coalition).__name__}",
            path="coalition",
            value=type(coalition).__name__,
        )
    require_threshold(threshold)
    language = Language.parse(lang)
    stakeholder = organization_graph(coalition, as_of)
    kept = [a for a in answers_of(coalition, answers) if as_of is None or a.round <= as_of]
    result = partnership(coalition, kept, threshold=threshold)
    rounds = [(r, survey_graph(coalition, r.round, kept)) for r in result.rounds]
    whole: nx.Graph[str] = nx.Graph()
    whole.add_nodes_from(stakeholder.nodes(data=True))
    whole.add_edges_from(stakeholder.edges)
    for _, graph in rounds:
        whole.add_nodes_from(graph.nodes(data=True))
        whole.add_edges_from(graph.edges)
    positions = _layout(whole, seed)
    # Exact up to the size brokers() computes exactly, sampled (seeded) above it.
    sampled = len(stakeholder) > EXACT_BETWEENNESS_LIMIT
    betweenness = nx.betweenness_centrality(
        stakeholder, k=SAMPLED_BETWEENNESS_SOURCES if sampled else None, seed=seed
    )
    groups: dict[str, list[str]] = {}
    for member in coalition.members:
        groups.setdefault(member.organization, []).extend(member.working_groups)
    nodes: list[dict[str, Any]] = []
    for node in sorted(whole):
        data = whole.nodes[node]
        organization = node.removeprefix("org:")
        x, y = positions.get(node, (0.0, 0.0))
        nodes.append(
            {
                "id": organization,
                "label": str(data.get("label", organization)),
                "sector": str(data.get("sector", "")),
                "countries": list(data.get("countries", ())),
                "working_groups": sorted(set(groups.get(organization, ()))),
                "x": round(float(x), 4),
                "y": round(float(y), 4),
                "degree": stakeholder.degree(node) if node in stakeholder else 0,
                "weighted_degree": (
                    stakeholder.degree(node, weight="weight") if node in stakeholder else 0
                ),
                "betweenness": round(betweenness.get(node, 0.0), 4),
            }
        )
    networks = [
        {
            "id": "stakeholder",
            "label": _WORDS["stakeholder"].in_(language),
            "edges": [
                [a.removeprefix("org:"), b.removeprefix("org:"), int(w)]
                for a, b, w in sorted(stakeholder.edges(data="weight", default=1))
            ],
            "received": {},
        }
    ]
    for summary, graph in rounds:
        networks.append(
            {
                "id": summary.round.isoformat(),
                "label": _WORDS["round"].format(day=summary.round.isoformat()).in_(language),
                "edges": [
                    [a.removeprefix("org:"), b.removeprefix("org:"), 1]
                    for a, b in sorted(graph.edges)
                ],
                "received": {
                    s.organization: {"ties": s.ties, "trust": s.trust, "value": s.value}
                    for s in summary.received
                    if organization_node(s.organization) in whole
                },
            }
        )
    countries = sorted({c for n in nodes for c in n["countries"]})
    return {
        "title": coalition.name,
        "threshold": threshold,
        "words": {
            key: (
                text.format(threshold=threshold).in_(language)
                if key == "suppressed"
                else text.in_(language)
            )
            for key, text in _WORDS.items()
            if key not in {"stakeholder", "round"}
        },
        "sectors": [
            {"id": s.value, "label": s.label.in_(language), "colour": colour}
            for s, colour in SECTOR_COLOURS.items()
        ],
        "countries": [{"id": c, "label": country_name(c).in_(language)} for c in countries],
        "working_groups": [
            {"id": g.id, "label": g.name.in_(language)} for g in coalition.working_groups
        ],
        "measures": list(SIZE_MEASURES),
        "nodes": nodes,
        "networks": networks,
    }


_PAGE: Final = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<title>{title}</title>
</head>
<body>
<div id="clac-network"></div>
<script type="application/json" id="clac-network-data">{data}</script>
<script>
{script}
var clacInitial = {{}};
location.hash.slice(1).split("&").forEach(function (part) {{
  var pair = part.split("=");
  if (pair.length === 2) clacInitial[decodeURIComponent(pair[0])] = decodeURIComponent(pair[1]);
}});
clacNetwork(document.getElementById("clac-network"),
  JSON.parse(document.getElementById("clac-network-data").textContent), clacInitial);
</script>
</body>
</html>
"""


def to_html(
    coalition: Coalition, answers: Iterable[SurveyAnswer] | None = None, **options: Any
) -> str:
    """The interactive picture as one self-contained HTML page (works offline, no external
    address); ``options`` as for :func:`view_data`."""
    return _page(
        view_data(coalition, answers, **options), Language.parse(options.get("lang", Language.EN))
    )


def _page(data: dict[str, Any], lang: Language) -> str:
    return _PAGE.format(
        lang=lang.value,
        policy="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
        title=html.escape(f"{data['title']} — {data['words']['title']}"),
        data=json_for_script(json.dumps(data, ensure_ascii=False, sort_keys=True)),
        script=_script(),
    )


def write_html(
    coalition: Coalition,
    path: str | os.PathLike[str],
    answers: Iterable[SurveyAnswer] | None = None,
    **options: Any,
) -> Path:
    """Write :func:`to_html` to ``path`` atomically and return the path written."""
    return write_atomically(path, to_html(coalition, answers, **options))


def widget(
    coalition: Coalition, answers: Iterable[SurveyAnswer] | None = None, **options: Any
) -> Any:
    """The interactive picture as a Jupyter widget (anywidget, from the ``notebooks`` extra);
    ``options`` as for :func:`view_data`."""
    anywidget = require("anywidget", "The interactive network widget", "notebooks")
    traitlets = require("traitlets", "The interactive network widget", "notebooks")
    shown = view_data(coalition, answers, **options)
    page = _page(shown, Language.parse(options.get("lang", Language.EN)))

    class NetworkWidget(anywidget.AnyWidget):  # type: ignore[misc, name-defined]
        """The interactive network; where no widget can run (a rendered notebook, a static
        page), the same view as a sandboxed, self-contained page (``text/html``)."""

        _esm = _script() + _ESM_ENTRY
        data = traitlets.Unicode("").tag(sync=True)

        def _repr_mimebundle_(self, **kwargs: Any) -> Any:
            bundle = super()._repr_mimebundle_(**kwargs)
            data, metadata = bundle if isinstance(bundle, tuple) else (bundle or {}, {})
            data = {**data, "text/html": _iframe(page)}
            return (data, metadata) if isinstance(bundle, tuple) else data

    return NetworkWidget(data=json.dumps(shown, ensure_ascii=False))


def _iframe(page: str) -> str:
    """``page`` in a sandboxed frame of its own (scripts run, nothing else is allowed)."""
    source = html.escape(page, quote=True)
    return (
        f'<iframe sandbox="allow-scripts" srcdoc="{source}" '
        'style="width:100%;height:760px;border:0" title="clac network"></iframe>'
    )


_ESM_ENTRY: Final = """
export default {
  render({ model, el }) {
    clacNetwork(el, JSON.parse(model.get("data")));
  },
};
"""
