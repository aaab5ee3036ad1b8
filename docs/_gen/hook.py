"""MkDocs hook: add the pages generated from the code, and the notebooks, to the site.

``mkdocs.yml`` loads this file (``hooks:``). The generated pages (``pages.generated_pages``)
exist only in the build, never in git; the notebooks are read from ``notebooks/`` at the
repository root, where JupyterLab opens them, and rendered (and executed) by mkdocs-jupyter.
MkDocs is imported inside the functions so that the doctest run over ``docs/`` can import this
module without the ``docs`` extra.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import ROOT, generated_pages

NOTEBOOKS = ROOT / "notebooks"
NOTEBOOKS_TITLE = "Notebooks"


def notebooks() -> list[Path]:
    """The notebooks to render, in name order (numbered ``01_…``, ``02_…``)."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def on_config(config: Any) -> Any:
    """Fill the nav's "Notebooks" section with the notebooks there are, or drop it if none."""
    nav = config.nav or []
    for index, entry in enumerate(list(nav)):
        if isinstance(entry, dict) and NOTEBOOKS_TITLE in entry:
            found = [f"notebooks/{path.name}" for path in notebooks()]
            if found:
                nav[index] = {NOTEBOOKS_TITLE: found}
            else:
                del nav[index]
    return config


def on_files(files: Any, config: Any) -> Any:
    """Add the generated pages and the notebooks to the files MkDocs builds."""
    from mkdocs.structure.files import File

    for path, content in generated_pages().items():
        files.append(File.generated(config, path, content=content))
    for notebook in notebooks():
        files.append(
            File(
                f"notebooks/{notebook.name}",
                src_dir=str(ROOT),
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
            )
        )
    return files


# Run before mkdocs-jupyter's on_files, which turns the .ipynb files it sees into pages.
on_files.mkdocs_priority = 100  # type: ignore[attr-defined]
