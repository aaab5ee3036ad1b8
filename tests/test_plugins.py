"""Plugins at the boundary, in process: the time budget of a foreign rule, what a plugin
prints, evidence no output can hold, and plugins that fail to load. tests/test_faults.py runs
the same hostile plugins (tests/hostile/plugins) as real distributions under the command."""

from __future__ import annotations

import csv
import importlib.metadata
import io
import json
import math
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from importlib.metadata import EntryPoint
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac import DEMO_AS_OF, demo
from clac._plugins import SHOWN_OUTPUT, load_plugins, may_declare, plugin_output
from clac.charter import Section, Severity
from clac.cli import main
from clac.errors import InvalidData
from clac.registry import Coalition
from clac.rules import (
    CATALOGUE,
    ENTRY_POINT_GROUP,
    Context,
    Outcome,
    Rule,
    SubjectKind,
    Verdict,
    evaluate,
    met,
    rule,
)
from clac.rules._budget import TICKS, Budget, RuleTimeout, checked_timeout
from clac.rules._engine import Check
from clac.rules._evaluate import safe_facts
from clac.rules._render import to_json
from clac.text import Text

PLUGINS = Path(__file__).parent / "hostile" / "plugins"
needs_sigalrm = pytest.mark.skipif(
    not hasattr(signal, "setitimer"), reason="the budget needs SIGALRM (Unix)"
)


def foreign(
    applies_to: SubjectKind = SubjectKind.COALITION, rule_id: str = "TEST-01"
) -> Callable[[Check], Rule]:
    """A decorator making a rule clac does not ship of a check function."""
    return rule(
        rule_id,
        clause=(Section.MEMBERSHIP, 5),
        severity=Severity.EXPECTED,
        applies_to=applies_to,
        title=Text("A test rule", "Una regla de prueba"),
        explanation=Text("Made by a test.", "Hecha por una prueba."),
        source="a-test",
    )


@foreign(SubjectKind.MEMBER)
def loops(ctx: Context, member: object) -> Verdict:
    while True:
        pass


@foreign()
def decides(ctx: Context, coalition: object) -> Verdict:
    return met(Text("decided", "decidido"))


def alarm_untouched() -> bool:
    return signal.getsignal(signal.SIGALRM) in {signal.SIG_DFL, None} and signal.getitimer(
        signal.ITIMER_REAL
    ) == (0.0, 0.0)


@pytest.fixture
def fresh_catalogue() -> Iterator[None]:
    yield
    CATALOGUE.reload()


# ------------------------------------------------------------------------------ budget


@needs_sigalrm
class TestBudget:
    def test_a_call_past_its_budget_is_an_error_and_the_rest_of_the_rule_is_not_run(
        self,
    ) -> None:
        coalition = demo()
        builtin = evaluate(coalition, DEMO_AS_OF, rules=[CATALOGUE.get("MEM-01")])
        assessment = evaluate(
            coalition, DEMO_AS_OF, rules=[loops, CATALOGUE.get("MEM-01")], rule_timeout=0.2
        )
        mine = [f for f in assessment.findings if f.rule.id == "TEST-01"]
        assert len(mine) == len(coalition.members)  # every subject has a finding
        assert all(f.outcome is Outcome.ERROR for f in mine)
        assert "did not return within its time budget of 0.2 s" in mine[0].message.en
        assert all("not applied" in f.message.en for f in mine[1:])
        assert [f for f in assessment.findings if f.rule.id == "MEM-01"] == list(builtin.findings)
        assert alarm_untouched()  # the handler and the timer are put back

    def test_a_rule_that_catches_the_stop_is_stopped_again(self) -> None:
        @foreign()
        def stubborn(ctx: Context, coalition: object) -> Verdict:
            stops = 0
            while stops < 2:
                try:
                    while True:
                        pass
                except RuleTimeout:
                    stops += 1
            return met(Text("gave up", "se rindió"))

        [finding] = evaluate(demo(), DEMO_AS_OF, rules=[stubborn], rule_timeout=0.2).findings
        assert finding.outcome is Outcome.MET  # it did return, late: its verdict stands

    def test_keyboard_interrupt_in_a_rule_stops_the_evaluation_and_restores_everything(
        self,
    ) -> None:
        @foreign()
        def interrupts(ctx: Context, coalition: object) -> Verdict:
            print("about to be interrupted")
            raise KeyboardInterrupt

        stdout = sys.stdout
        with pytest.raises(KeyboardInterrupt):
            evaluate(demo(), DEMO_AS_OF, rules=[interrupts], rule_timeout=0.2)
        assert alarm_untouched()
        assert sys.stdout is stdout

    def test_clac_s_own_rules_run_without_a_timer(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def no_timer(*_args: object) -> None:
            raise AssertionError("clac's own rules set no timer")

        monkeypatch.setattr(signal, "setitimer", no_timer)
        monkeypatch.setattr("clac.rules._evaluate.plugin_output", no_timer)
        own = [r for r in CATALOGUE if r.source == "clac"]
        assert evaluate(demo(), DEMO_AS_OF, rules=own).findings

    def test_someone_else_s_alarm_is_left_alone(self) -> None:
        calls: list[int] = []

        def theirs(signum: int, _frame: object) -> None:
            calls.append(signum)

        previous = signal.signal(signal.SIGALRM, theirs)
        try:
            [finding] = evaluate(demo(), DEMO_AS_OF, rules=[decides], rule_timeout=0.2).findings
            assert signal.getsignal(signal.SIGALRM) is theirs
        finally:
            signal.signal(signal.SIGALRM, previous)
        assert finding.outcome is Outcome.MET

    def test_off_the_main_thread_rules_run_without_a_budget(self) -> None:
        found: list[Outcome] = []

        def run() -> None:
            assessment = evaluate(demo(), DEMO_AS_OF, rules=[decides], rule_timeout=0.2)
            found.extend(f.outcome for f in assessment.findings)

        worker = threading.Thread(target=run)
        worker.start()
        worker.join(timeout=60)
        assert found == [Outcome.MET]
        assert alarm_untouched()


class Meltdown(BaseException):
    """Neither an Exception nor SystemExit."""


class TestFailingRules:
    @pytest.mark.parametrize("raised", [SystemExit(0), Meltdown("down"), GeneratorExit()], ids=type)
    def test_whatever_a_foreign_rule_raises_but_ctrl_c_is_its_error_finding(
        self, raised: BaseException
    ) -> None:
        @foreign(rule_id="TEST-04")
        def raises(ctx: Context, coalition: object) -> Verdict:
            raise raised

        assessment = evaluate(demo(), DEMO_AS_OF, rules=[raises, decides])
        outcomes = {f.rule.id: f.outcome for f in assessment.findings}
        assert outcomes == {"TEST-04": Outcome.ERROR, "TEST-01": Outcome.MET}
        [error] = assessment.errors
        assert f"rule TEST-04 failed: {type(raised).__name__}" in error.message.en


class TestBudgetValues:
    @pytest.mark.parametrize(
        ("given", "seconds"), [(3, 3.0), (0.2, 0.2), (0, None), (None, None), (math.inf, None)]
    )
    def test_a_budget_is_seconds_above_zero_or_none(
        self, given: float | None, seconds: float | None
    ) -> None:
        assert checked_timeout(given) == seconds

    @pytest.mark.parametrize("given", [-1, math.nan, "3", True, [3]])
    def test_anything_else_is_refused_naming_the_argument(self, given: object) -> None:
        with pytest.raises(InvalidData, match="rule_timeout"):
            evaluate(demo(), DEMO_AS_OF, rules=[decides], rule_timeout=given)  # type: ignore[arg-type]

    @needs_sigalrm
    def test_the_environment_variable_sets_the_budget_of_the_command(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("CLAC_RULE_TIMEOUT", "0.2")
        CATALOGUE.register(loops)
        try:
            with pytest.raises(SystemExit) as done:
                main(["check", "--format", "json"])
        finally:
            CATALOGUE.unregister(loops.id)
        assert done.value.code == 3
        report = json.loads(capsys.readouterr().out)
        [first, *_rest] = [f for f in report["findings"] if f["rule"] == loops.id]
        assert "time budget of 0.2 s" in first["message"]

    @pytest.mark.parametrize("given", ["-1", "nan", "soon", ""])
    @pytest.mark.parametrize("command", [["check"], ["proposal", "show", "p1"]], ids=" ".join)
    def test_the_option_refuses_what_is_not_a_number_of_seconds(
        self, given: str, command: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        with pytest.raises(SystemExit) as done:
            main([*command, "--rule-timeout", given])
        assert done.value.code == 2
        assert "--rule-timeout" in capsys.readouterr().err


# ------------------------------------------------------------------------- standard output


class TestPluginOutput:
    def test_what_is_printed_within_is_forwarded_to_stderr_marked_and_escaped(
        self, capfd: pytest.CaptureFixture[str]
    ) -> None:
        with plugin_output() as output:
            print("one\x1b[2J")
            os.write(1, b"two\n")
            output.forward("rule X")
            sys.stdout.write("three")
        output_lines = capfd.readouterr()
        assert output_lines.out == ""
        assert output_lines.err.splitlines() == [
            "clac: rule X printed: one\\x1b[2J",
            "clac: rule X printed: two",
        ]  # "three", printed after the last forward, is dropped

    def test_a_flood_is_shown_up_to_a_limit_and_the_rest_counted(
        self, capfd: pytest.CaptureFixture[str]
    ) -> None:
        with plugin_output() as output:
            for _ in range(100):
                print("x" * 999)  # 100,000 bytes with the line breaks
            output.forward("rule X")
        out, err = capfd.readouterr()
        assert out == ""
        *shown, last = err.splitlines()
        lines = [line.removeprefix("clac: rule X printed: ") for line in shown]
        assert len("\n".join(lines)) == SHOWN_OUTPUT  # the first bytes, cut mid-line
        assert last == f"clac: rule X printed {100_000 - SHOWN_OUTPUT:,} more bytes, not shown"

    def test_a_child_given_sys_stdout_is_caught_too(
        self, capfd: pytest.CaptureFixture[str]
    ) -> None:
        with plugin_output() as output:
            subprocess.run([sys.executable, "-c", "print('child')"], stdout=sys.stdout, check=True)
            output.forward("rule X")
        out, err = capfd.readouterr()
        assert out == ""
        assert err.splitlines() == ["clac: rule X printed: child"]

    @pytest.mark.parametrize("output_format", ["json", "sarif", "junit", "csv"])
    def test_a_printing_rule_never_reaches_a_machine_format(
        self, output_format: str, capfd: pytest.CaptureFixture[str]
    ) -> None:
        @foreign(rule_id="TEST-02")
        def chatty(ctx: Context, coalition: object) -> Verdict:
            print("noise")
            os.write(1, b"more noise\n")
            return met(Text("decided", "decidido"))

        CATALOGUE.register(chatty)
        try:
            with pytest.raises(SystemExit):
                main(["check", "--format", output_format])
        finally:
            CATALOGUE.unregister("TEST-02")
        out, err = capfd.readouterr()
        assert "noise" not in out
        parse(out, output_format)
        assert "clac: rule TEST-02 (a-test) printed: noise" in err.splitlines()
        assert "clac: rule TEST-02 (a-test) printed: more noise" in err.splitlines()


def parse(text: str, output_format: str) -> object:
    """``text`` read as ``output_format`` (JSON strictly: no NaN, no Infinity)."""

    def no_constants(name: str) -> object:
        raise AssertionError(f"not JSON: {name}")

    if output_format in {"json", "sarif"}:
        return json.loads(text, parse_constant=no_constants)
    if output_format == "junit":
        return ET.fromstring(text)  # noqa: S314 - our own output
    return list(csv.reader(io.StringIO(text)))


# ----------------------------------------------------------------------------- evidence

ODD_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**53, max_value=2**70)
    | st.floats()
    | st.text()
    | st.binary(max_size=8)
    | st.dates()
    | st.just(object()),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.frozensets(st.integers(), max_size=3)
        | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=6,
)


class TestEvidence:
    @given(ODD_VALUES)
    def test_any_evidence_of_a_plugin_rule_gives_every_output(self, value: object) -> None:
        @foreign()
        def odd(ctx: Context, coalition: object) -> Verdict:
            return met(Text("decided", "decidido"), value=value)

        assessment = evaluate(Coalition(name="C"), date(2025, 1, 1), rules=[odd])
        [finding] = assessment.findings
        assert finding.outcome is Outcome.MET
        parse(to_json(assessment, "en"), "json")
        parse(json.dumps(assessment.to_sarif("en"), allow_nan=False), "sarif")
        parse(assessment.to_junit("en"), "junit")
        parse(assessment.to_csv("en"), "csv")
        assert finding.describe()

    def test_values_every_output_holds_are_kept_as_they_are(self) -> None:
        kept = (True, 3, -(2**53), 0.5, "x", date(2025, 1, 1), None, ("a", 1))
        facts = safe_facts(tuple(met(Text("a", "a"), v=v).facts[0] for v in kept))
        assert [f.value for f in facts] == list(kept)

    def test_a_fact_whose_repr_fails_refuses_that_finding_only(self) -> None:
        class Opaque:
            def __repr__(self) -> str:
                raise RuntimeError("no")

        @foreign(rule_id="TEST-03")
        def opaque(ctx: Context, coalition: object) -> Verdict:
            return met(Text("decided", "decidido"), thing=Opaque())

        assessment = evaluate(demo(), DEMO_AS_OF, rules=[opaque, decides])
        outcomes = {f.rule.id: f.outcome for f in assessment.findings}
        assert outcomes == {"TEST-03": Outcome.ERROR, "TEST-01": Outcome.MET}


# ----------------------------------------------------------------------------- loading


def hostile_entry_points(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """The plugins of tests/hostile/plugins named, as the entry points of ``clac.rules``."""
    monkeypatch.syspath_prepend(str(PLUGINS))
    points = [EntryPoint(name=m, value=f"{m}:RULES", group=ENTRY_POINT_GROUP) for m in modules]

    def entry_points(*, group: str) -> list[EntryPoint]:
        return points if group == ENTRY_POINT_GROUP else []

    monkeypatch.setattr("clac._plugins.entry_points", entry_points)
    monkeypatch.setattr("clac._plugins.may_declare", lambda group: True)
    CATALOGUE.reload()


class TestMayDeclare:
    """The cheap look that spares importlib.metadata's scan when no plugin is installed."""

    def installed(self, tmp_path: Path, declared: str | None) -> Path:
        info = tmp_path / "some_package-1.0.dist-info"
        info.mkdir()
        if declared is not None:
            (info / "entry_points.txt").write_text(declared, encoding="utf-8")
        return tmp_path

    def test_a_distribution_declaring_the_group_may_declare_it(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        path = self.installed(tmp_path, "[clac.rules]\nmine = mine:RULES\n")
        monkeypatch.setattr(sys, "path", [str(path)])
        assert may_declare("clac.rules")

    def test_distributions_without_the_group_do_not(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        path = self.installed(tmp_path, "[console_scripts]\ntool = tool:main\n")
        monkeypatch.setattr(sys, "path", [str(path), str(tmp_path / "missing"), ""])
        monkeypatch.chdir(tmp_path / "some_package-1.0.dist-info")
        assert not may_declare("clac.rules")

    def test_a_zip_on_the_path_is_left_to_importlib_metadata(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        archive = tmp_path / "packages.zip"
        archive.write_bytes(b"PK\x05\x06" + bytes(18))
        monkeypatch.setattr(sys, "path", [str(archive)])
        assert may_declare("clac.rules")

    def test_the_installed_example_plugin_is_found_when_installed(self) -> None:
        installed = [
            d
            for d in importlib.metadata.distributions()
            if d.entry_points.select(group=ENTRY_POINT_GROUP)
        ]
        assert may_declare(ENTRY_POINT_GROUP) is bool(installed)


@pytest.mark.usefixtures("fresh_catalogue")
class TestLoading:
    def test_exit_and_base_exceptions_at_import_are_load_errors(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        hostile_entry_points(monkeypatch, "exits_on_import", "raises_on_import")
        found, errors = load_plugins(ENTRY_POINT_GROUP, Rule)
        assert found == []
        assert [e.split(": ", 1)[0] for e in errors] == [
            "plugin exits_on_import failed to load",
            "plugin raises_on_import failed to load",
        ]

    def test_keyboard_interrupt_at_import_goes_through(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        (tmp_path / "interrupting_import.py").write_text("raise KeyboardInterrupt\n")
        monkeypatch.syspath_prepend(str(tmp_path))
        point = EntryPoint(name="x", value="interrupting_import:RULES", group=ENTRY_POINT_GROUP)
        monkeypatch.setattr("clac._plugins.entry_points", lambda *, group: [point])
        monkeypatch.setattr("clac._plugins.may_declare", lambda group: True)
        with pytest.raises(KeyboardInterrupt):
            load_plugins(ENTRY_POINT_GROUP, Rule)

    def test_what_a_plugin_prints_at_import_goes_to_stderr(
        self, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
    ) -> None:
        hostile_entry_points(monkeypatch, "prints")
        found, errors = load_plugins(ENTRY_POINT_GROUP, Rule)
        assert [r.id for _source, r in found] == ["HOST-04"]
        assert errors == []
        out, err = capfd.readouterr()
        assert out == ""
        assert "clac: plugin prints printed: printed at import" in err.splitlines()

    @pytest.mark.parametrize(
        ("module", "said"),
        [
            ("offers_garbage", "failed to load: entry point 'offers_garbage' "),
            ("repeats_an_id", ": rule MEM-01 repeats an existing rule id and is left out"),
            ("exits_on_import", "failed to load: entry point 'exits_on_import' "),
        ],
    )
    @pytest.mark.parametrize("command", [["check"], ["rules"]])
    def test_a_broken_plugin_is_one_line_and_exit_3(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        module: str,
        said: str,
        command: list[str],
    ) -> None:
        hostile_entry_points(monkeypatch, module)
        with pytest.raises(SystemExit) as done:
            main(command)
        assert done.value.code == 3
        [line] = capsys.readouterr().err.splitlines()
        assert line.startswith("clac: plugin ")
        assert said in line


class TestTicks:
    """A call is stopped after more than TICKS ticks of the timer without a new finding:
    counted ticks, not clock readings, so a process paused between two ticks (Ctrl-Z) gets
    one tick on resuming and its rule is not stopped for the pause."""

    def watched(self) -> tuple[Budget, list[int]]:
        kept = Budget(0.2)
        counted: list[int] = []
        kept._counted, kept._seen, kept._ticks = counted, 0, 0
        return kept, counted

    def test_the_tick_after_the_budget_s_worth_stops_the_call(self) -> None:
        kept, _counted = self.watched()
        for _ in range(TICKS):
            kept._tick(0, None)
        with pytest.raises(RuleTimeout):
            kept._tick(0, None)

    def test_a_new_finding_starts_the_count_again(self) -> None:
        kept, counted = self.watched()
        for _ in range(TICKS):
            kept._tick(0, None)
        counted.append(1)  # the call returned: the next call's first tick
        for _ in range(TICKS):
            kept._tick(0, None)
        with pytest.raises(RuleTimeout):
            kept._tick(0, None)

    def test_outside_a_rule_a_tick_does_nothing(self) -> None:
        kept = Budget(0.2)
        for _ in range(TICKS * 3):
            kept._tick(0, None)


@pytest.mark.usefixtures("fresh_catalogue")
def test_gaps_refuses_a_framework_plugin_that_fails_to_load(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from clac.frameworks import FRAMEWORKS
    from clac.frameworks._catalogue import ENTRY_POINT_GROUP as FRAMEWORK_GROUP

    monkeypatch.syspath_prepend(str(PLUGINS))
    point = EntryPoint(name="broken", value="exits_on_import:FRAMEWORK", group=FRAMEWORK_GROUP)
    monkeypatch.setattr(
        "clac._plugins.entry_points",
        lambda *, group: [point] if group == FRAMEWORK_GROUP else [],
    )
    FRAMEWORKS.reload()
    try:
        with pytest.raises(SystemExit) as done:
            main(["gaps"])
    finally:
        monkeypatch.undo()
        FRAMEWORKS.reload()
    assert done.value.code == 3
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("clac: plugin broken failed to load: entry point 'broken' ")
    assert line.endswith("SystemExit: 0")
