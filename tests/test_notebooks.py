"""The notebooks in ``notebooks/``: each runs top to bottom against the demo coalition, is kept
in git without outputs, and holds the same cells as its jupytext percent-format pair.

The notebooks run in a real ipykernel (nbclient), started from a kernelspec written for the
test that names this interpreter, so a user-wide ``python3`` kernelspec pointing elsewhere
cannot make the test run another Python. The working directory and ``TMPDIR`` are a temporary
folder, so whatever a notebook writes stays out of the repository.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jupytext  # type: ignore[import-untyped, unused-ignore]
import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
FOUND = sorted(NOTEBOOKS.glob("*.ipynb"))
KERNEL = "clac-notebook-test"
CELL_TIMEOUT = 120  # seconds; each notebook takes a few seconds in all

# The notebooks the notebooks issue asks for.
EXPECTED = {
    "01_stakeholder_network",
    "02_membership_dashboard",
    "03_proposal_journey",
    "04_reporting_calendar",
    "05_plugin_rule",
    "06_regional_gaps",
    "07_partnership_survey",
}

# What each notebook must show beyond text: its figures, as the kernel rendered them.
PICTURES = {
    "01_stakeholder_network": "image/png",
    "02_membership_dashboard": "image/png",
    "03_proposal_journey": "image/svg+xml" if shutil.which("dot") else "text/markdown",
    "04_reporting_calendar": "image/png",
    "06_regional_gaps": "image/png",
    "07_partnership_survey": "image/png",
}


# The notebooks that show the interactive network (issue 28).
WIDGETS = {"01_stakeholder_network", "07_partnership_survey"}


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call, unused-ignore]


def _cells(notebook: Any) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source.strip()) for cell in notebook.cells]


def _outputs(notebook: Any) -> Iterator[dict[str, Any]]:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            yield from cell.outputs


def _mime_types(notebook: Any) -> set[str]:
    return {mime for output in _outputs(notebook) for mime in output.get("data", {})}


# A code cell makes a figure when it shows pyplot's, or draws with clac (the figure being the
# cell's value or passed an ``ax``); a figure shown as its repr (``<Figure size … with 2 Axes>``)
# instead of a picture is the fault issue 28 found in notebook 07.
_DRAWS = re.compile(r"plt\.show\(\)|\bdraw(_rounds|_map)?\(|\.draw\(|heatmap\(|\.chart\(")
_FIGURE_REPR = re.compile(r"^<(matplotlib\.figure\.)?Figure size [^>]*>$")


def _figure_cells_without_a_picture(notebook: Any) -> list[str]:
    """The sources of the code cells that make a figure but show no image."""
    missing = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        shown = [o.get("data", {}) for o in cell.outputs]
        texts = [str(d.get("text/plain", "")).strip() for d in shown]
        makes_figure = bool(_DRAWS.search(cell.source)) or any(map(_FIGURE_REPR.match, texts))
        if makes_figure and not any(m.startswith("image/") for d in shown for m in d):
            missing.append(cell.source)
    return missing


def _files(root: Path) -> set[tuple[str, int]]:
    return {(str(p.relative_to(root)), p.stat().st_mtime_ns) for p in root.rglob("*")}


@pytest.fixture
def kernel_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kernelspec for this interpreter, and a scratch folder as TMPDIR; returns the working
    directory to run notebooks in."""
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "clac tests", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    # ipykernel only sets its inline backend when none is chosen; an inherited MPLBACKEND
    # (Agg on many CI machines) would make the figures vanish from the outputs.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    return work


def _execute(path: Path, cwd: Path) -> Any:
    notebook = _read(path)
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()
    return notebook


class TestStoredNotebooks:
    def test_every_notebook_of_the_issue_is_there(self) -> None:
        assert {p.stem for p in FOUND} >= EXPECTED

    def test_pairing_with_percent_scripts_is_declared(self) -> None:
        config = tomllib.loads((NOTEBOOKS / "jupytext.toml").read_text(encoding="utf-8"))
        assert config["formats"] == "ipynb,py:percent"

    @pytest.mark.parametrize("path", FOUND, ids=_ids(FOUND))
    def test_outputs_are_stripped(self, path: Path) -> None:
        code = [cell for cell in _read(path).cells if cell.cell_type == "code"]
        assert code
        assert [(c.outputs, c.execution_count) for c in code] == [([], None)] * len(code)

    @pytest.mark.parametrize("path", FOUND, ids=_ids(FOUND))
    def test_percent_script_holds_the_same_cells(self, path: Path) -> None:
        script = path.with_suffix(".py")
        assert script.is_file(), f"{path.name} has no paired {script.name}"
        paired = jupytext.read(script)
        assert _cells(paired) == _cells(_read(path))

    @pytest.mark.parametrize("path", FOUND, ids=_ids(FOUND))
    def test_starts_with_how_to_open_it_and_ends_with_what_to_try_next(self, path: Path) -> None:
        cells = _read(path).cells
        first, last = cells[0], cells[-1]
        assert first.cell_type == "markdown"
        assert f"jupyter lab notebooks/{path.name}" in first.source
        assert "pip install -e '.[notebooks]'" in first.source
        assert last.cell_type == "markdown"
        assert last.source.startswith("## What to try next")


class TestExecution:
    @pytest.mark.parametrize("path", FOUND, ids=_ids(FOUND))
    def test_runs_top_to_bottom_and_writes_nothing_into_the_repository(
        self, path: Path, kernel_env: Path
    ) -> None:
        before = _files(NOTEBOOKS)
        notebook = _execute(path, kernel_env)
        assert not [o for o in _outputs(notebook) if o["output_type"] == "error"]
        assert _files(NOTEBOOKS) == before
        assert not list(kernel_env.iterdir()), "a notebook wrote into its working directory"
        expected = PICTURES.get(path.stem)
        if expected is not None:
            assert expected in _mime_types(notebook)
        pngs = [
            o["data"]["image/png"] for o in _outputs(notebook) if "image/png" in o.get("data", {})
        ]
        assert all(base64.b64decode(png).startswith(b"\x89PNG\r\n\x1a\n") for png in pngs)
        assert _figure_cells_without_a_picture(notebook) == []
        widgets = [d for o in _outputs(notebook) if "application/vnd.jupyter.widget-view+json"
                   in (d := o.get("data", {}))]  # fmt: skip
        assert all("<iframe sandbox" in d.get("text/html", "") for d in widgets)
        if path.stem in WIDGETS:
            assert widgets, f"{path.stem} shows no interactive network"

    def test_proposal_journey_falls_back_to_mermaid_without_graphviz(
        self, kernel_env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        empty = tmp_path / "no-graphviz"
        empty.mkdir()
        monkeypatch.setenv("PATH", str(empty))
        notebook = _execute(NOTEBOOKS / "03_proposal_journey.ipynb", kernel_env)
        assert "image/svg+xml" not in _mime_types(notebook)
        shown = [o["data"].get("text/markdown", "") for o in _outputs(notebook) if "data" in o]
        assert any(text.startswith("```mermaid\nstateDiagram-v2") for text in shown)
        printed = "".join(o.get("text", "") for o in _outputs(notebook))
        assert "No Graphviz picture here" in printed


class TestTheNotebooksReadme:
    def test_the_readme_lists_every_notebook_and_no_other(self) -> None:
        readme = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
        listed = set(re.findall(r"^\| `(\d\d_[a-z_]+)` \|", readme, re.MULTILINE))
        assert listed == {path.stem for path in FOUND}
