"""``clac init`` and :func:`clac.starting_registry`: the commented start of a real registry."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import clac
from clac.charter import BASE_DOCUMENT
from clac.cli import cli
from clac.rules import Outcome, evaluate

DAY = date(2026, 12, 2)
SECTIONS = (
    "records_since",
    "organizations",
    "members",
    "working_groups",
    "roles",
    "meetings",
    "participation",
    "documents",
    "reports",
    "proposals",
    "plans",
    "assessments",
    "survey",
)


def init(*args: str) -> Result:
    return CliRunner().invoke(cli, ["init", *args])


def written(tmp_path: Path, *args: str) -> tuple[Path, str]:
    target = tmp_path / "clac.yaml"
    result = init(str(target), "--records-since", DAY.isoformat(), *args)
    assert result.exit_code == 0, result.output
    return target, target.read_text(encoding="utf-8")


class TestWhatItWrites:
    def test_it_writes_a_registry_that_loads(self, tmp_path: Path) -> None:
        target, _ = written(tmp_path)
        coalition = clac.load(target)
        assert coalition.name == "CLAC"
        assert coalition.charter is BASE_DOCUMENT

    def test_records_begin_on_the_day_given_or_today(self, tmp_path: Path) -> None:
        target, _ = written(tmp_path)
        assert clac.load(target).records_since == DAY
        today = tmp_path / "today.yaml"
        assert init(str(today)).exit_code == 0
        assert clac.load(today).records_since == date.today()

    def test_as_of_is_another_name_for_records_since(self, tmp_path: Path) -> None:
        target = tmp_path / "clac.yaml"
        assert init(str(target), "--as-of", "2025-01-31").exit_code == 0
        assert clac.load(target).records_since == date(2025, 1, 31)

    def test_the_founding_partners_are_organizations_by_the_charters_names(
        self, tmp_path: Path
    ) -> None:
        target, _ = written(tmp_path)
        organizations = clac.load(target).organizations
        founding = [p for p in BASE_DOCUMENT.partners if p.founding]
        assert [(o.id, o.name, o.partner) for o in organizations] == [
            (p.id, p.name.en, p.id) for p in founding
        ]
        assert [o.sector for o in organizations] == [p.sector for p in founding]

    def test_it_invents_no_facts(self, tmp_path: Path) -> None:
        target, _ = written(tmp_path)
        c = clac.load(target)
        assert all(o.countries == () for o in c.organizations)  # no claim without a source
        assert (c.members, c.meetings, c.participation, c.documents) == ((), (), (), ())
        assert (c.reports, c.proposals, c.assessments) == ((), (), ())
        assert (c.plans.strategic, c.plans.operational) == ((), ())

    def test_the_charters_working_groups_and_roles_are_there(self, tmp_path: Path) -> None:
        target, _ = written(tmp_path)
        c = clac.load(target)
        assert [w.id for w in c.working_groups] == [w.id for w in BASE_DOCUMENT.working_groups]
        assert all(w.formed == BASE_DOCUMENT.effective for w in c.working_groups)
        roles = {(r.role, r.organization, r.unit) for r in c.roles}
        assert roles == {("secretariat", "icmec", None), ("chair", "icmec", "ICMEC LAC")}
        assert all(r.since == BASE_DOCUMENT.effective for r in c.roles)

    @pytest.mark.parametrize("lang", ["en", "es", "pt"])
    def test_a_comment_above_each_section_says_what_to_record(
        self, tmp_path: Path, lang: str
    ) -> None:
        _, text = written(tmp_path, "--lang", lang)
        lines = text.splitlines()
        assert lines[0].startswith("# ")
        for key in SECTIONS:
            at = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
            assert lines[at - 1].startswith("#"), key

    @pytest.mark.parametrize(
        ("lang", "words"),
        [
            ("en", "What is not recorded is unknown"),
            ("es", "Lo no registrado es desconocido"),
            ("pt", "O que não está registrado é desconhecido"),
        ],
    )
    def test_the_comments_speak_the_chosen_language(
        self, tmp_path: Path, lang: str, words: str
    ) -> None:
        _, text = written(tmp_path, "--lang", lang)
        comments = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
        assert words in comments

    def test_every_line_of_comment_is_at_most_100_characters(self) -> None:
        for lang in ("en", "es", "pt"):
            text = clac.starting_registry(lang, records_since=DAY)
            assert all(len(line) <= 100 for line in text.splitlines() if line.startswith("#"))

    def test_the_header_names_the_file_to_check(self, tmp_path: Path) -> None:
        target, text = written(tmp_path)
        comments = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
        assert f"`clac check {target}`" in comments


class TestCheckingIt:
    def test_clac_check_finds_nothing_unmet(self, tmp_path: Path) -> None:
        target, _ = written(tmp_path)
        result = CliRunner().invoke(
            cli, ["check", str(target), "--as-of", DAY.isoformat(), "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        outcomes = {f["outcome"] for f in json.loads(result.stdout)["findings"]}
        # Nothing is unmet: the duties owed so far fall before the records begin (not
        # assessed) or are unknown; only the offices the file records can be met.
        assert outcomes <= {"met", "not-applicable", "insufficient-data"}
        assert "not-applicable" in outcomes

    @settings(max_examples=15, deadline=None)
    @given(
        lang=st.sampled_from(["en", "es", "pt"]),
        since=st.dates(min_value=date(2016, 1, 1), max_value=date(2035, 12, 31)),
    )
    def test_nothing_is_unmet_on_the_day_it_is_written(self, lang: str, since: date) -> None:
        # Later on, a duty that falls due with no record after records_since may rightly be
        # unmet (the records are complete from then): the promise is for the day of `init`.
        coalition = clac.loads(clac.starting_registry(lang, records_since=since), "yaml")
        assessment = evaluate(coalition, as_of=since)
        assert [f for f in assessment.findings if f.outcome is Outcome.UNMET] == []


class TestWritingSafely:
    def test_an_existing_file_is_kept_without_force(self, tmp_path: Path) -> None:
        target = tmp_path / "clac.yaml"
        target.write_text("mine\n", encoding="utf-8")
        result = init(str(target))
        assert result.exit_code == 2
        assert "already exists (use --force to overwrite)" in result.stderr
        assert target.read_text(encoding="utf-8") == "mine\n"

    def test_force_overwrites_it(self, tmp_path: Path) -> None:
        target = tmp_path / "clac.yaml"
        target.write_text("mine\n", encoding="utf-8")
        assert init(str(target), "--force").exit_code == 0
        assert clac.load(target).name == "CLAC"

    @pytest.mark.parametrize("name", ["clac.json", "clac.toml", "clac"])
    def test_only_yaml_has_room_for_the_comments(self, tmp_path: Path, name: str) -> None:
        result = init(str(tmp_path / name))
        assert result.exit_code == 2
        assert "clac init writes YAML" in result.stderr
        assert list(tmp_path.iterdir()) == []

    def test_a_missing_folder_is_bad_input_and_leaves_nothing(self, tmp_path: Path) -> None:
        result = init(str(tmp_path / "nowhere" / "clac.yaml"))
        assert result.exit_code == 2
        assert result.stderr.startswith("clac: error: ")
        assert "Traceback" not in result.output
        assert list(tmp_path.iterdir()) == []

    def test_the_message_says_where_records_begin(self, tmp_path: Path) -> None:
        target = tmp_path / "clac.yaml"
        result = init(str(target), "--records-since", "2026-01-05", "--lang", "es")
        assert re.search(r"los registros comienzan el 2026-01-05", result.stdout)


class TestTheText:
    def test_the_keys_come_in_the_registry_files_order(self) -> None:
        data = yaml.safe_load(clac.starting_registry(records_since=DAY))
        assert list(data) == [
            "clac",
            "name",
            "charter",
            "records_since",
            "organizations",
            "members",
            "working_groups",
            "roles",
            "meetings",
            "participation",
            "documents",
            "reports",
            "proposals",
            "plans",
            "assessments",
            "survey",
        ]

    def test_an_unknown_language_is_refused(self) -> None:
        with pytest.raises(clac.ClacError):
            clac.starting_registry("fr", records_since=DAY)


class TestTheExamples:
    """The assessments and survey sections show the shape of an entry as a comment: filled in
    from a source and uncommented, it loads (the current assessment format, docs/frameworks.md)."""

    @staticmethod
    def uncommented(text: str, key: str, values: dict[str, str]) -> str:
        lines = text.splitlines()
        at = lines.index(f"{key}: []")
        example: list[str] = []
        for line in reversed(lines[:at]):
            if not line.startswith("#   "):
                break
            example.insert(0, line[1:])
        body = "\n".join(example)
        for placeholder, value in values.items():
            body = body.replace(placeholder, value)
        return text.replace(f"{key}: []", f"{key}:\n{body}")

    @pytest.mark.parametrize("lang", ["en", "es", "pt"])
    def test_the_assessment_example_loads_once_filled_in(self, lang: str) -> None:
        text = clac.starting_registry(lang, records_since=DAY)
        filled = self.uncommented(
            text, "assessments", {"CODE": "PY", "DATE": "2020-01", '"SOURCE"': "a treaty office"}
        )
        coalition = clac.loads(filled, "yaml")
        assert [(a.country, a.framework, a.item) for a in coalition.assessments] == [
            ("PY", "budapest", "ratified")
        ]

    def test_the_survey_example_loads_once_filled_in(self) -> None:
        text = clac.starting_registry(records_since=DAY)
        members = (
            "members:\n"
            "  - {organization: icmec, joined: 2016}\n"
            "  - {organization: inhope, joined: 2016}\n"
        )
        text = text.replace("members: []\n", members)
        filled = self.uncommented(text, "survey", {"DATE": "2026-03-01", "MEMBER-ID,": "icmec,"})
        filled = filled.replace("partner: icmec,", "partner: inhope,")
        coalition = clac.loads(filled, "yaml")
        assert [(a.respondent, a.partner) for a in coalition.survey] == [("icmec", "inhope")]
