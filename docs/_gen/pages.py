"""The documentation pages generated from the code: the charter, the traceability matrix, the CLI.

Each function returns Markdown (or JSON) as a string, so the same text is what the MkDocs hook
(``docs/_gen/hook.py``) serves and what ``tests/test_docs.py`` checks. Nothing here imports
MkDocs: the doctest run over ``docs/`` imports this module without the ``docs`` extra.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
import click
from click.testing import CliRunner

from clac.charter import BASE_DOCUMENT, Clause, Section
from clac.rules import CATALOGUE, UNENCODED, Rule
from clac.schema import json_schema
from clac.text import Language, Text

__all__ = [
    "ROOT",
    "TestRef",
    "builtin_rules",
    "charter_page",
    "cli_page",
    "coverage_by_rule",
    "generated_pages",
    "schema_json",
    "schema_page",
    "traceability_page",
]

ROOT = Path(__file__).resolve().parents[2]
"""The repository root (``docs/_gen/pages.py`` → ``.``)."""

_RULE_ID = re.compile(r"\b[A-Z]{2,5}-\d{2}\b")

_LABELS = {
    "title": Text("The charter", "La carta"),
    "intro": Text(
        "Every clause of the Base Document, generated from `clac.BASE_DOCUMENT`: the id a rule "
        "cites (`membership.5`), the citation and the text exactly as the document has it. "
        "Where the English and the Spanish differ in substance, the note says which one clac "
        "follows and why.",
        "Cada cláusula del Documento Base, generada a partir de `clac.BASE_DOCUMENT`: el "
        "identificador que cita una regla (`membership.5`), la cita y el texto tal como lo "
        "trae el documento. Donde el inglés y el español difieren en sustancia, la nota dice "
        "cuál sigue clac y por qué.",
    ),
    "other": Text("Leer en español: [La carta](es.md)", "Read in English: [The charter](en.md)"),
    "divergence": Text("English and Spanish differ", "El inglés y el español difieren"),
    "follows": Text("clac follows the {lang} text", "clac sigue el texto en {lang}"),
    "why": Text("Why", "Por qué"),
    "rules": Text("Rules citing it", "Reglas que la citan"),
    "no_rule": Text("No rule", "Sin regla"),
    "parameters": Text("Parameters", "Parámetros"),
    "parameters_intro": Text(
        "The numbers the rules use, read from the clauses above (`BASE_DOCUMENT.parameters`).",
        "Los números que usan las reglas, leídos de las cláusulas anteriores "
        "(`BASE_DOCUMENT.parameters`).",
    ),
    "name": Text("Name", "Nombre"),
    "value": Text("Value", "Valor"),
}
_LANGUAGE_NAMES = {
    Language.EN: Text("English", "inglés"),
    Language.ES: Text("Spanish", "español"),
}


def _cell(text: str) -> str:
    """``text`` made safe for one cell of a Markdown table."""
    return " ".join(text.split()).replace("|", "\\|")


def builtin_rules() -> tuple[Rule, ...]:
    """clac's own rules; plugins are left out, since which are installed varies by machine."""
    return tuple(r for r in CATALOGUE if r.source == "clac")


def _rules_by_clause() -> dict[str, list[Rule]]:
    by_clause: dict[str, list[Rule]] = {}
    for r in builtin_rules():
        by_clause.setdefault(r.clause.id, []).append(r)
    return by_clause


# -- the charter -------------------------------------------------------------------------------


def charter_page(language: Language | str) -> str:
    """The whole Base Document in ``language`` (``en`` or ``es``), clause by clause."""
    lang = Language.parse(language)
    say = {key: text.in_(lang) for key, text in _LABELS.items()}
    by_clause = _rules_by_clause()
    doc = BASE_DOCUMENT
    lines = [
        f"# {say['title']}: {doc.title.in_(lang)}",
        "",
        f"*{doc.coalition.in_(lang)}* — v{doc.version}, {doc.effective.isoformat()}",
        "",
        say["intro"],
        "",
        say["other"],
        "",
    ]
    for section in Section:
        lines += [f"## {section.title.in_(lang)} {{ #{section.value} }}", ""]
        for clause in doc.clauses_in(section):
            lines += _clause_lines(clause, lang, say, by_clause.get(clause.id, []))
    lines += [f"## {say['parameters']}", "", say["parameters_intro"], ""]
    lines += [f"| {say['name']} | {say['value']} |", "| --- | --- |"]
    lines += [f"| `{name}` | {value} |" for name, value in doc.parameters.as_dict().items()]
    return "\n".join(lines) + "\n"


def _clause_lines(
    clause: Clause, lang: Language, say: dict[str, str], rules: list[Rule]
) -> list[str]:
    reason = UNENCODED.get(clause.id)
    if rules:
        cited = ", ".join(f"`{r.id}`" for r in rules)
    else:
        cited = say["no_rule"] + (f" — {reason.in_(lang)}" if reason is not None else "")
    lines = [
        f"### `{clause.id}` — {clause.ref_in(lang)} {{ #{clause.id.replace('.', '-')} }}",
        "",
        clause.text.in_(lang),
        "",
        f"*{say['rules']}:* {cited}" if rules else f"*{cited}*",
        "",
    ]
    if rules and reason is not None:  # the words of the clause its rules leave out
        lines += [f"*{reason.in_(lang)}*", ""]
    divergence = clause.divergence
    if divergence is not None:
        follows = say["follows"].format(lang=_LANGUAGE_NAMES[divergence.follows].in_(lang))
        lines += [
            f'!!! note "{say["divergence"]}"',
            "",
            f"    {divergence.summary.in_(lang)}",
            "",
            f"    **{follows}.** *{say['why']}:* {divergence.why.in_(lang)}",
            "",
        ]
    return lines


# -- the tests that cover each rule ------------------------------------------------------------


@attrs.frozen
class TestRef:
    """A test function found in ``tests/``, as pytest names it (``file::Class::test``)."""

    __test__ = False  # not a pytest test class, whatever its name

    file: str
    name: str

    def __str__(self) -> str:
        return f"{self.file}::{self.name}"


def _strings(node: ast.AST) -> Iterator[str]:
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.value


def _names(node: ast.AST) -> set[str]:
    return {child.id for child in ast.walk(node) if isinstance(child, ast.Name)}


def _ids_in(texts: Iterator[str] | list[str], known: set[str]) -> set[str]:
    return {m for text in texts for m in _RULE_ID.findall(text) if m in known}


def _ids_in_name(name: str, known: set[str]) -> set[str]:
    """Rule ids spelt in a test's or class's name: ``test_mem_05_…`` or ``TestMem05``."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    found = set()
    for rule_id in known:
        family, number = rule_id.lower().split("-")
        if re.search(rf"(^|_){family}_?{number}(_|$)", snake):
            found.add(rule_id)
    return found


def _module_constants(tree: ast.Module, known: set[str]) -> dict[str, set[str]]:
    """Module-level names bound to values that mention rule ids (``EXPECTED_RULES = {…}``)."""
    constants: dict[str, set[str]] = {}
    for statement in tree.body:
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets = [statement.target]
        ids = _ids_in(list(_strings(statement)), known) if targets else set()
        for target in targets:
            if isinstance(target, ast.Name) and ids:
                constants[target.id] = ids
    return constants


def _tests_in(
    body: list[ast.stmt], prefix: str, inherited: set[str], known: set[str]
) -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef, set[str]]]:
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
        ):
            yield f"{prefix}{node.name}", node, inherited
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            docstring = ast.get_docstring(node) or ""
            ids = inherited | _ids_in([docstring], known) | _ids_in_name(node.name, known)
            yield from _tests_in(node.body, f"{prefix}{node.name}::", ids, known)


def coverage_by_rule(tests_dir: Path | None = None) -> dict[str, tuple[TestRef, ...]]:
    """Each rule id → the tests in ``tests/test_*.py`` that name it, found statically.

    A test covers a rule when the rule id appears in a string of the test (its body, its
    decorators, its docstring), in its name (``test_mem_05_…``), in the docstring or name of
    its class (``class TestRepresentatives: "MEM-05: …"``), or in a module-level constant the
    test uses (``EXPECTED_RULES``). Nothing is imported or run.
    """
    folder = tests_dir or ROOT / "tests"
    known = {r.id for r in builtin_rules()}
    found: dict[str, list[TestRef]] = {rule_id: [] for rule_id in sorted(known)}
    for path in sorted(folder.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        constants = _module_constants(tree, known)
        relative = path.relative_to(folder.parent).as_posix()
        for name, function, inherited in _tests_in(tree.body, "", set(), known):
            ids = set(inherited)
            ids |= _ids_in(list(_strings(function)), known)
            ids |= _ids_in_name(function.name, known)
            for used in _names(function) & constants.keys():
                ids |= constants[used]
            for rule_id in ids:
                found[rule_id].append(TestRef(relative, name))
    return {rule_id: tuple(refs) for rule_id, refs in found.items()}


# -- the traceability matrix -------------------------------------------------------------------


def traceability_page(tests_dir: Path | None = None) -> str:
    """Charter clause → rule id → tests, and every clause without a rule with the reason."""
    by_clause = _rules_by_clause()
    tests = coverage_by_rule(tests_dir)
    clauses = BASE_DOCUMENT.clauses
    encoded = [c for c in clauses if c.id in by_clause]
    lines = [
        "# Traceability matrix",
        "",
        "Generated from the code when the site is built: every clause of the Base Document, "
        "the built-in rules that cite it (`clac.rules.CATALOGUE`, each `Rule.clause`) and the "
        "tests that cover each rule. A test covers a rule when its source names the rule id — "
        "in a string, in its name (`test_mem_05_…`), in its class's docstring or in a "
        "module-level table it uses — found by reading `tests/test_*.py` with `ast`, without "
        "running anything. Rules added by plugins are left out.",
        "",
        f"{len(clauses)} clauses: {len(encoded)} cited by {len(builtin_rules())} rules, "
        f"{len(clauses) - len(encoded)} with no rule (each with the reason, from "
        "`clac.rules.UNENCODED`, which also quotes the words of a ruled clause that its rules "
        "leave out). The charter itself, clause by clause, is on "
        "[The charter](charter/en.md) ([en español](charter/es.md)).",
        "",
        "## Clauses with rules",
        "",
        "| Clause | Rule | Severity | What it checks | Tests |",
        "| --- | --- | --- | --- | --- |",
    ]
    for clause in encoded:
        for r in by_clause[clause.id]:
            covered = tests[r.id]
            count = f"[{len(covered)}](#{r.id.lower()})" if covered else "**none**"
            lines.append(
                f"| [`{clause.id}`](charter/en.md#{clause.id.replace('.', '-')}) "
                f"| `{r.id}` | {r.severity.value} | {_cell(r.title.en)} | {count} |"
            )
    lines += [
        "",
        "## Clauses without a rule, and why",
        "",
        "| Clause | Citation | Why there is no rule |",
        "| --- | --- | --- |",
    ]
    for clause in clauses:
        if clause.id in by_clause:
            continue
        reason = UNENCODED.get(clause.id)
        why = _cell(reason.en) if reason is not None else "**no reason recorded**"
        lines.append(
            f"| [`{clause.id}`](charter/en.md#{clause.id.replace('.', '-')}) "
            f"| {_cell(clause.ref)} | {why} |"
        )
    lines += [
        "",
        "## Parts of clauses with rules that no rule checks, and why",
        "",
        "| Clause | Citation | Rules | What no rule checks, and why |",
        "| --- | --- | --- | --- |",
    ]
    for clause in encoded:
        reason = UNENCODED.get(clause.id)
        if reason is None:
            continue
        cited = ", ".join(f"`{r.id}`" for r in by_clause[clause.id])
        lines.append(
            f"| [`{clause.id}`](charter/en.md#{clause.id.replace('.', '-')}) "
            f"| {_cell(clause.ref)} | {cited} | {_cell(reason.en)} |"
        )
    lines += ["", "## Tests by rule", ""]
    for r in builtin_rules():
        lines += [f"### `{r.id}` — {_cell(r.title.en)} {{ #{r.id.lower()} }}", ""]
        covered = tests[r.id]
        lines += [f"- `{ref}`" for ref in covered] if covered else ["No test names this rule."]
        lines.append("")
    return "\n".join(lines)


# -- the command line --------------------------------------------------------------------------


def _commands(
    command: click.Command, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        context = click.Context(command, info_name=path[-1])
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                yield from _commands(sub, (*path, name))


def cli_page() -> str:
    """Every ``clac`` command and subcommand with its ``--help``, as click prints it."""
    from clac.cli import cli

    runner = CliRunner()
    lines = [
        "# Command-line reference",
        "",
        "Generated from the click application when the site is built: the `--help` of every "
        "command. Exit status: 0 every required rule met, 1 a required rule unmet, 2 bad "
        "input or usage.",
        "",
    ]
    for path, _command in _commands(cli, ("clac",)):
        result = runner.invoke(cli, [*path[1:], "--help"], prog_name="clac", terminal_width=100)
        if result.exit_code != 0:
            raise RuntimeError(f"{' '.join(path)} --help failed: {result.output}")
        heading = "#" * min(len(path) + 1, 4)
        lines += [f"{heading} `{' '.join(path)}`", "", "```text", result.output.rstrip(), "```", ""]
    return "\n".join(lines)


# -- the JSON Schema ---------------------------------------------------------------------------


def schema_json() -> str:
    """The registry file's JSON Schema, as ``clac schema`` writes it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_page() -> str:
    """A page showing the generated schema, with a link to the file itself."""
    return "\n".join(
        [
            "# The JSON Schema, in full",
            "",
            "Generated from `clac.schema.json_schema()` when the site is built (see "
            "[The registry file's JSON Schema](../schema.md) for how to use it). Download it as "
            "[registry.schema.json](registry.schema.json).",
            "",
            "```json",
            schema_json().rstrip(),
            "```",
            "",
        ]
    )


def generated_pages() -> dict[str, str]:
    """Every generated file, by its path under ``docs/``."""
    return {
        "charter/en.md": charter_page(Language.EN),
        "charter/es.md": charter_page(Language.ES),
        "traceability.md": traceability_page(),
        "cli.md": cli_page(),
        "reference/schema-json.md": schema_page(),
        "reference/registry.schema.json": schema_json(),
    }
