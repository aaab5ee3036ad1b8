"""Development sessions: ``nox -s tests lint typing docs``.

Dependencies come from ``pyproject.toml``'s extras, so this file never repeats a version.
"""

from __future__ import annotations

import shutil

import nox

nox.options.sessions = ["tests", "lint", "typing", "docs"]
nox.options.error_on_missing_interpreters = False
nox.options.reuse_existing_virtualenvs = True

PYTHONS = ["3.11", "3.12", "3.13"]


@nox.session(python=[p for p in PYTHONS if shutil.which(f"python{p}")] or None)
def tests(session: nox.Session) -> None:
    """Run the test suite on every installed Python of 3.11, 3.12 and 3.13."""
    session.install("-e", ".[test]")
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, and lint-imports (the layers of pyproject.toml)."""
    session.install("ruff", "import-linter", "-e", ".")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")


@nox.session
def typing(session: nox.Session) -> None:
    """mypy --strict over src/, tests/ and examples/."""
    session.install("-e", ".[dev]")
    session.run("mypy", "--strict", "src", "tests", "examples")


@nox.session
def docs(session: nox.Session) -> None:
    """Execute every example in the README, docs/ and the docstrings (doctest), then build the
    site with ``mkdocs build --strict`` (warnings are errors; the notebooks are executed).

    ``nox -s docs -- --site-dir DIR`` builds into DIR instead of ``site/``.
    """
    session.install("-e", ".[test,docs]")
    session.run(
        "pytest",
        "--doctest-modules",
        "--doctest-glob=*.md",
        "-p",
        "no:cacheprovider",
        "src/clac",
        "README.md",
        "docs",
    )
    session.run("mkdocs", "build", "--strict", *session.posargs, env={"NO_MKDOCS_2_WARNING": "1"})


@nox.session
def notebooks(session: nox.Session) -> None:
    """Execute every notebook in notebooks/ top to bottom against the demo, and check that each
    is stored without outputs and matches its jupytext .py pair (tests/test_notebooks.py)."""
    session.install("-e", ".[test]")
    session.run("pytest", "-p", "no:cacheprovider", "tests/test_notebooks.py", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """The full benchmark (python -m benchmarks); pass --smoke, --clock cpu or --json PATH
    after --. Installs the bench extra: pydantic for the loading baseline, pyinstrument."""
    session.install("-e", ".[test,bench]")
    session.run("python", "-m", "benchmarks", *session.posargs)
