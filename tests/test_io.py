"""Tests for clac.io: registry files in YAML, JSON and TOML, their errors, versions, atomic
writes and redaction of personal data."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import clac.io
from clac import testing
from clac.charter import BASE_DOCUMENT, Amendment, Sector, WorkingGroupDefinition
from clac.errors import (
    ClacError,
    CrossReferenceError,
    FileFormatError,
    InvalidData,
    Problem,
    UnsupportedFormat,
    UnsupportedFormatVersion,
)
from clac.io import (
    FORMAT_VERSION,
    MIGRATIONS,
    REDACTED,
    FileAccessError,
    Format,
    dump,
    dumps,
    load,
    loads,
    redact,
)
from clac.io import _yaml as yaml_codec
from clac.io._guards import text_problem
from clac.io._problems import format_path
from clac.model import (
    TLP,
    Activity,
    ActivityScope,
    ActivityStatus,
    Commitment,
    Contribution,
    ContributionKind,
    Document,
    DocumentKind,
    Indicator,
    LegislativeAdvance,
    Meeting,
    MeetingKind,
    MeetingMode,
    Member,
    MemberStatus,
    Minutes,
    OperationalPlan,
    Organization,
    Participation,
    PlannedAction,
    Plans,
    Policy,
    PolicyKind,
    ProposalEvent,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    QuarterlyReport,
    Recommendation,
    RecordsSince,
    Representative,
    RepresentativeLevel,
    RoleAssignment,
    Scope,
    StrategicPlan,
    Subscription,
    Target,
    WorkingGroup,
)
from clac.registry import Coalition
from clac.text import Language, Text

FORMATS = list(Format)


def sample() -> Coalition:
    """A small coalition with one of everything the registry file holds (all fictional)."""
    amendment = Amendment(
        effective=date(2020, 1, 1),
        summary=Text("Three meetings a year.", "Tres reuniones al año.", pt="Três reuniões."),
        parameters={"min_meetings_per_year": 3},
        add_working_groups=(
            WorkingGroupDefinition(
                id="online-safety", name=Text("Online safety", "Seguridad"), formed=None
            ),
        ),
    )
    return Coalition(
        name="CLAC (test)",
        charter=BASE_DOCUMENT.amend(amendment),
        records_since=date(2016, 5, 24),
        records_since_by_kind=RecordsSince(hours=date(2019, 1, 1), plans=date(2017, 1, 1)),
        organizations=(
            Organization("icmec", "ICMEC", Sector.NGO, ("US", "BR"), Scope.GLOBAL, partner="icmec"),
            Organization("fundacion-a", "Fundación Ñandú", Sector.NGO, ("AR",)),
        ),
        members=(
            Member(
                organization="icmec",
                joined=date(2016, 5, 24),
                charter_subscription=Subscription(date(2016, 5, 24), document="subscription-1"),
                listed_in_materials=True,
                track_record=("Two decades of work",),
                representatives=(
                    Representative(
                        "Ana Pérez", "Director", RepresentativeLevel.MIDDLE, "ana@example.org"
                    ),
                    Representative("Bo Lee", "Analyst", RepresentativeLevel.JUNIOR),
                ),
                working_groups=("prevention-awareness",),
                commitments=(
                    Commitment(
                        "PG-2", "Open a hotline", "One hotline", ("calls",), date(2017, 1, 1)
                    ),
                ),
                contributions=(
                    Contribution(date(2017, 2, 1), ContributionKind.IN_KIND, "Meeting room"),
                ),
            ),
            Member(
                organization="fundacion-a",
                joined=date(2018, 1, 1),
                status=MemberStatus.WITHDRAWN,
                left=date(2023, 1, 1),
                referred_by="icmec",
            ),
        ),
        working_groups=(
            WorkingGroup(
                "prevention-awareness",
                Text("Prevention", "Prevención"),
                formed=date(2016, 5, 24),
                consulted=date(2016, 5, 1),
            ),
        ),
        meetings=(
            Meeting(
                "annual-2017",
                date(2017, 5, 24),
                MeetingKind.ANNUAL,
                MeetingMode.IN_PERSON,
                organizer="icmec",
                attendees=("icmec", "fundacion-a"),
                minutes=Minutes("minutes-2017", circulated=date(2017, 6, 1)),
            ),
            Meeting(
                "wg-2017",
                date(2017, 7, 1),
                MeetingKind.WORKING_GROUP,
                MeetingMode.TELECONFERENCE,
                organizer="icmec",
                working_group="prevention-awareness",
            ),
        ),
        participation=(
            Participation("icmec", "2024-03", 5.5),
            Participation("icmec", "2024-04", 4),
        ),
        documents=(
            Document(
                "minutes-2017",
                "Minutes",
                DocumentKind.MINUTES,
                Language.ES,
                TLP.GREEN,
                date(2017, 6, 1),
                authors=("icmec",),
            ),
            Document(
                "subscription-1",
                "Subscription",
                DocumentKind.SUBSCRIPTION,
                Language.EN,
                TLP.AMBER_STRICT,
                date(2016, 5, 24),
                recipients=("icmec",),
                year=2016,
            ),
        ),
        reports=(
            QuarterlyReport(
                "prevention-awareness",
                2017,
                3,
                submitted=date(2017, 10, 15),
                activities=(
                    Activity(
                        "Workshop",
                        ActivityScope.IN_COUNTRY,
                        ActivityStatus.IMPLEMENTED,
                        goals=("PG-1",),
                        countries=("MX",),
                        members=("icmec",),
                    ),
                ),
                policies=(
                    Policy("Code of conduct", PolicyKind.ORGANIZATIONAL, organization="icmec"),
                    Policy("Law", PolicyKind.IN_COUNTRY, goals=("PG-3",), country="CL"),
                ),
                legislative_advances=(
                    LegislativeAdvance("BR", "Lei 1", date(2017, 8, 1), "Passed"),
                ),
            ),
        ),
        proposals=(
            ProposalRecord(
                "helpline",
                "A helpline",
                proposer="icmec",
                goals=("PG-2",),
                state=ProposalState.SHARED,
                history=(
                    ProposalEvent(
                        ProposalEventKind.SUBMIT,
                        ProposalState.DRAFT,
                        ProposalState.SUBMITTED,
                        date(2017, 1, 1),
                        "icmec",
                    ),
                    ProposalEvent(
                        ProposalEventKind.SHARE,
                        ProposalState.SUBMITTED,
                        ProposalState.SHARED,
                        date(2017, 2, 1),
                        "icmec",
                        meeting="annual-2017",
                        note="Shared with all",
                    ),
                ),
                recommendations=(Recommendation("Scope it", objective="OBJ-1", goal="PG-2"),),
            ),
        ),
        plans=Plans(
            strategic=(
                StrategicPlan(
                    2016,
                    targets=(Target("PG-1", "A study", (Indicator("studies", 0, 1.5),)),),
                    adopted=date(2016, 5, 24),
                ),
            ),
            operational=(
                OperationalPlan(
                    2017,
                    actions=(PlannedAction("Plan", ("PG-1",), ("icmec",)),),
                    assessed=date(2018, 1, 10),
                    assessment="Done",
                ),
            ),
        ),
        roles=(RoleAssignment("secretariat", "icmec", date(2016, 1, 1), unit="ICMEC LAC"),),
    )


def raw_registry(**changes: Any) -> dict[str, Any]:
    """The sample as the raw data of a JSON file, with top-level ``changes``."""
    raw: dict[str, Any] = json.loads(dumps(sample(), Format.JSON))
    raw.update(changes)
    return raw


def load_raw(raw: Any) -> Coalition:
    return loads(json.dumps(raw), Format.JSON)


def problems_of(error: ClacError) -> dict[str, Problem]:
    return {problem.path: problem for problem in error.problems}


def only_problem(excinfo: pytest.ExceptionInfo[ClacError]) -> Problem:
    problems = excinfo.value.problems
    assert len(problems) == 1, excinfo.value
    return problems[0]


# ---------------------------------------------------------------------------------- formats


class TestFormat:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("registry.yaml", Format.YAML),
            ("registry.yml", Format.YAML),
            ("REGISTRY.YML", Format.YAML),
            ("a/b/registry.json", Format.JSON),
            ("registry.Json", Format.JSON),
            ("registry.toml", Format.TOML),
            ("registry.backup.TOML", Format.TOML),
        ],
    )
    def test_the_suffix_names_the_format_in_any_case(self, name: str, expected: Format) -> None:
        assert Format.from_path(name) is expected
        assert Format.from_path(Path(name)) is expected

    def test_an_unknown_suffix_names_the_suffix_and_the_choices(self) -> None:
        with pytest.raises(UnsupportedFormat) as excinfo:
            Format.from_path("registry.txt")
        message = str(excinfo.value)
        assert "'.txt'" in message
        for suffix in (".yaml", ".yml", ".json", ".toml"):
            assert suffix in message

    def test_a_file_without_suffix_is_an_unsupported_format(self) -> None:
        with pytest.raises(UnsupportedFormat, match="no suffix"):
            Format.from_path("registry")

    def test_a_format_is_named_by_string_in_any_case(self) -> None:
        assert Format.parse("YAML") is Format.YAML
        assert Format.parse("yml") is Format.YAML
        assert Format.parse(".json") is Format.JSON
        assert Format.parse(Format.TOML) is Format.TOML

    def test_an_unknown_format_name_is_refused_with_the_choices(self) -> None:
        with pytest.raises(UnsupportedFormat, match="'yaml', 'json', 'toml'"):
            loads("clac: 1", "xml")

    def test_load_and_dump_refuse_an_unknown_suffix_before_touching_anything(
        self, tmp_path: Path
    ) -> None:
        with pytest.raises(UnsupportedFormat):
            dump(sample(), tmp_path / "registry.txt")
        assert list(tmp_path.iterdir()) == []
        with pytest.raises(UnsupportedFormat):
            load(tmp_path / "registry.txt")

    def test_an_explicit_format_overrides_the_suffix(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.txt"
        dump(sample(), path, "json")
        assert json.loads(path.read_text(encoding="utf-8"))["clac"] == FORMAT_VERSION
        assert load(path, Format.JSON) == sample()


# ------------------------------------------------------------------------------ round trips


class TestRoundTrip:
    @pytest.mark.parametrize("format_", FORMATS)
    def test_the_sample_survives_every_format(self, format_: Format) -> None:
        coalition = sample()
        assert loads(dumps(coalition, format_), format_) == coalition

    @pytest.mark.parametrize("format_", FORMATS)
    def test_bytes_load_like_text(self, format_: Format) -> None:
        text = dumps(sample(), format_)
        assert loads(text.encode("utf-8"), format_) == sample()
        assert loads(b"\xef\xbb\xbf" + text.encode("utf-8"), format_) == sample()

    @pytest.mark.parametrize("format_", FORMATS)
    def test_a_file_survives_dump_and_load(self, tmp_path: Path, format_: Format) -> None:
        path = tmp_path / f"registry.{format_.value}"
        dump(sample(), path)
        assert load(path) == sample()
        assert path.read_text(encoding="utf-8") == dumps(sample(), format_)

    def test_the_amended_charter_is_rebuilt_from_the_base_document(self) -> None:
        loaded = loads(dumps(sample(), "yaml"), "yaml")
        assert loaded.charter.version == 2
        assert loaded.charter.predecessor is BASE_DOCUMENT
        assert loaded.charter.parameters.min_meetings_per_year == 3
        assert loaded.charter.working_group("online-safety").name.es == "Seguridad"

    @given(
        coalition=testing.charters().flatmap(lambda c: testing.coalitions(charter=c)),
        format_=st.sampled_from(FORMATS),
    )
    def test_every_valid_coalition_survives_every_format(
        self, coalition: Coalition, format_: Format
    ) -> None:
        assert loads(dumps(coalition, format_), format_) == coalition

    @given(
        # Any one-line text: control characters, lone surrogates and line breaks are refused
        # on reading (tests/test_hostile.py).
        text=st.text(
            st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"),
            min_size=1,
        ).filter(str.strip),
        format_=st.sampled_from(FORMATS),
    )
    def test_any_text_survives_every_format(self, text: str, format_: Format) -> None:
        coalition = Coalition(
            name=text,
            organizations=(Organization("x", text, Sector.NGO, ("BR",)),),
            working_groups=(WorkingGroup("wg", Text(text, text, pt=text), date(2020, 1, 1)),),
        )
        assert loads(dumps(coalition, format_), format_) == coalition

    @given(
        hours=st.floats(min_value=0, max_value=744) | st.integers(0, 744),
        format_=st.sampled_from(FORMATS),
    )
    def test_any_number_of_hours_survives_every_format(self, hours: float, format_: Format) -> None:
        coalition = Coalition(
            name="C",
            organizations=(Organization("x", "X", Sector.NGO, ("BR",)),),
            members=(Member("x", date(2020, 1, 1)),),
            participation=(Participation("x", "2024-01", hours),),
        )
        loaded = loads(dumps(coalition, format_), format_)
        assert loaded == coalition
        assert loaded.participation[0].hours == hours

    def test_the_demo_survives_every_format(self) -> None:
        from clac import demo

        for format_ in FORMATS:
            assert loads(dumps(demo(), format_), format_) == demo()

    def test_comments_such_as_an_editor_modeline_are_ignored(self) -> None:
        text = "# yaml-language-server: $schema=./clac-registry.schema.json\nclac: 1\nname: C\n"
        assert loads(text, "yaml") == Coalition(name="C")

    def test_a_minimal_file_needs_only_the_version_and_a_name(self) -> None:
        assert loads("clac: 1\nname: CLAC\n", "yaml") == Coalition(name="CLAC")
        assert loads('clac = 1\nname = "CLAC"\n', "toml") == Coalition(name="CLAC")


class TestLayout:
    def test_top_level_keys_come_in_the_documented_order(self) -> None:
        expected = [
            "clac", "name", "charter", "amendments", "records_since", "records_since_by_kind",
            "organizations", "members",
            "working_groups", "meetings", "participation", "documents", "reports",
            "proposals", "plans", "roles", "assessments", "survey",
        ]  # fmt: skip
        assert list(yaml.safe_load(dumps(sample(), "yaml"))) == expected
        assert list(json.loads(dumps(sample(), "json"))) == expected
        assert set(tomllib.loads(dumps(sample(), "toml"))) == set(expected)

    def test_the_file_names_the_format_version_and_the_charter(self) -> None:
        raw = raw_registry()
        assert raw["clac"] == FORMAT_VERSION == 1
        assert raw["charter"] == "base-document" == BASE_DOCUMENT.id
        assert raw["amendments"] == [
            {
                "effective": "2020-01-01",
                "summary": {"en": "Three meetings a year.", "es": "Tres reuniones al año.",
                            "pt": "Três reuniões."},
                "parameters": {"min_meetings_per_year": 3},
                "add_working_groups": [
                    {"id": "online-safety", "name": {"en": "Online safety", "es": "Seguridad"}}
                ],
                "hand_over": [],
            }
        ]  # fmt: skip

    def test_objects_use_the_field_names_and_never_write_null(self) -> None:
        member = raw_registry()["members"][1]
        assert member == {
            "organization": "fundacion-a",
            "joined": "2018-01-01",
            "status": "withdrawn",
            "left": "2023-01-01",
            "track_record": [],
            "representatives": [],
            "working_groups": [],
            "commitments": [],
            "contributions": [],
            "referred_by": "icmec",
        }
        assert "null" not in dumps(sample(), "json")

    def test_enums_are_written_by_value_and_levels_by_lower_case_name(self) -> None:
        raw = raw_registry()
        assert raw["organizations"][0]["sector"] == "ngo"
        assert raw["documents"][1]["classification"] == "AMBER+STRICT"
        assert [r["level"] for r in raw["members"][0]["representatives"]] == ["middle", "junior"]

    def test_months_are_year_dash_month(self) -> None:
        assert raw_registry()["participation"][0] == {
            "member": "icmec",
            "month": "2024-03",
            "hours": 5.5,
        }

    def test_dates_are_iso_strings_in_json_and_native_in_yaml_and_toml(self) -> None:
        assert raw_registry()["members"][0]["joined"] == "2016-05-24"
        assert yaml.safe_load(dumps(sample(), "yaml"))["members"][0]["joined"] == date(2016, 5, 24)
        assert tomllib.loads(dumps(sample(), "toml"))["members"][0]["joined"] == date(2016, 5, 24)

    def test_yaml_keeps_non_ascii_text_readable(self) -> None:
        assert "Fundación Ñandú" in dumps(sample(), "yaml")

    @pytest.mark.parametrize("format_", [Format.YAML, Format.TOML])
    def test_yaml_and_toml_accept_dates_written_as_strings(self, format_: Format) -> None:
        text = {
            Format.YAML: "clac: 1\nname: C\nworking_groups:\n"
            "  - {id: wg, name: {en: W, es: W}, formed: '2020-01-02'}\n",
            Format.TOML: 'clac = 1\nname = "C"\n[[working_groups]]\nid = "wg"\n'
            'formed = "2020-01-02"\nname = {en = "W", es = "W"}\n',
        }[format_]
        assert loads(text, format_).working_groups[0].formed == date(2020, 1, 2)

    def test_a_missing_optional_key_reads_as_its_default(self) -> None:
        raw = raw_registry()
        del raw["members"][0]["listed_in_materials"]
        del raw["members"][0]["representatives"][0]["email"]
        del raw["plans"]
        loaded = load_raw(raw)
        assert loaded.members[0].listed_in_materials is None  # not recorded: unknown
        assert loaded.members[0].representatives[0].email is None
        assert loaded.plans == Plans()

    def test_an_explicit_null_reads_as_none(self) -> None:
        raw = raw_registry()
        raw["members"][0]["representatives"][0]["email"] = None
        assert load_raw(raw).members[0].representatives[0].email is None


# --------------------------------------------------------------------------------- versions


class TestVersions:
    def test_a_file_without_a_version_is_refused(self) -> None:
        raw = raw_registry()
        del raw["clac"]
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert only_problem(excinfo).path == "clac"
        assert "format version" in str(excinfo.value)

    @pytest.mark.parametrize("version", ["1", 1.0, True, None, [1]])
    def test_a_version_that_is_not_a_whole_number_is_refused(self, version: Any) -> None:
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw_registry(clac=version))
        problem = only_problem(excinfo)
        assert problem.path == "clac"
        assert problem.value == version

    def test_a_newer_version_asks_to_upgrade_clac(self) -> None:
        with pytest.raises(UnsupportedFormatVersion) as excinfo:
            load_raw(raw_registry(clac=2))
        assert str(excinfo.value) == (
            "clac: this file is format 2; this clac reads format 1 — upgrade clac"
        )
        assert isinstance(excinfo.value, FileFormatError)

    def test_an_older_version_without_a_migration_is_refused(self) -> None:
        with pytest.raises(UnsupportedFormatVersion, match="format 0"):
            load_raw(raw_registry(clac=0))

    def test_an_older_version_is_migrated_step_by_step(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seen: list[dict[str, Any]] = []

        def from_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
            seen.append(data)
            data = dict(data)
            data["name"] = data.pop("title")
            return data

        monkeypatch.setitem(MIGRATIONS, 0, from_0_to_1)
        raw = raw_registry(clac=0)
        raw["title"] = raw.pop("name")
        assert load_raw(raw) == sample()
        assert seen[0]["clac"] == 0

    def test_a_failing_migration_is_a_file_format_error(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def broken(data: dict[str, Any]) -> dict[str, Any]:
            return {"renamed": data["no such key"]}

        monkeypatch.setitem(MIGRATIONS, 0, broken)
        with pytest.raises(FileFormatError, match="cannot be upgraded from format 0"):
            load_raw(raw_registry(clac=0))


# ------------------------------------------------------------------------------ bad content


#: What a date the user may know only roughly (``joined``) says when it is none of its forms.
ROUGH = "is not a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)"


class TestBadContent:
    def test_an_unknown_top_level_key_is_an_error(self) -> None:
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw_registry(colour="red"))
        problem = only_problem(excinfo)
        assert problem.value == "colour"
        assert "'colour' is not a key" in str(excinfo.value)

    def test_an_unknown_nested_key_names_its_object(self) -> None:
        raw = raw_registry()
        raw["members"][0]["representatives"][1]["shoe_size"] = 42
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value).startswith(
            "members[0].representatives[1]: 'shoe_size' is not a key of Representative"
        )

    def test_a_missing_required_key_is_named(self) -> None:
        raw = raw_registry()
        del raw["members"][1]["organization"]
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value) == "members[1].organization: is required but missing"

    def test_a_missing_joining_day_is_unknown_not_an_error(self) -> None:
        raw = raw_registry()
        del raw["members"][1]["joined"]
        assert load_raw(raw).members[1].joined is None

    def test_a_missing_name_is_named(self) -> None:
        raw = raw_registry()
        del raw["name"]
        with pytest.raises(FileFormatError, match=r"^name: is required but missing$"):
            load_raw(raw)

    def test_a_string_where_a_list_belongs_is_not_split_into_letters(self) -> None:
        raw = raw_registry()
        raw["organizations"][1]["countries"] = "AR"
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value) == "organizations[1].countries: 'AR' must be a list, not text"

    def test_a_list_where_an_object_belongs_is_an_error(self) -> None:
        raw = raw_registry()
        raw["members"][0]["representatives"][0] = ["Ana", "Director"]
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        problem = only_problem(excinfo)
        assert problem.path == "members[0].representatives[0]"
        assert problem.value == ["Ana", "Director"]
        assert "must be a mapping" in str(excinfo.value)

    @pytest.mark.parametrize(
        ("path", "value", "reason"),
        [
            (("reports", 0, "quarter"), "3", "must be a whole number, not text"),
            (("reports", 0, "quarter"), 3.0, "must be a whole number, not a number"),
            (("participation", 0, "hours"), "5", "must be a number, not text"),
            (("participation", 0, "hours"), True, "must be a number, not true/false"),
            (("members", 0, "listed_in_materials"), "true", "must be true or false, not text"),
            (("members", 0, "listed_in_materials"), 1, "must be true or false"),
            (("organizations", 0, "name"), 5, "must be text, not a whole number"),
            (("organizations", 0, "name"), None, "must be text, not null"),
            (("members", 0, "track_record", 0), {"a": 1}, "must be text, not a mapping"),
        ],
    )
    def test_values_of_the_wrong_type_are_not_coerced(
        self, path: tuple[str | int, ...], value: Any, reason: str
    ) -> None:
        raw = raw_registry()
        target: Any = raw
        for segment in path[:-1]:
            target = target[segment]
        target[path[-1]] = value
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        problem = only_problem(excinfo)
        assert problem.path == format_path(path)
        assert problem.value == value
        assert reason in str(excinfo.value)

    @pytest.mark.parametrize(
        ("field", "value"),
        [("sector", "church"), ("sector", "NGO"), ("scope", "planetary"), ("sector", 3)],
    )
    def test_a_bad_enum_value_lists_the_choices(self, field: str, value: Any) -> None:
        raw = raw_registry()
        raw["organizations"][0][field] = value
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value).startswith(f"organizations[0].{field}: {value!r} is not one of")

    @pytest.mark.parametrize(
        ("level", "shown"),
        [("boss", "'b***'"), ("MIDDLE", "'M***'"), (2, "'***'"), ("2", "'2***'")],
    )
    def test_a_representative_level_is_a_lower_case_name_and_what_was_typed_is_masked(
        self, level: Any, shown: str
    ) -> None:
        # Whatever a representative entry holds may be personal data (a name typed into the
        # wrong field): it is masked whatever the key.
        raw = raw_registry()
        raw["members"][0]["representatives"][0]["level"] = level
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value) == (
            f"members[0].representatives[0].level: {shown} is not one of "
            "'junior', 'middle', 'senior', 'executive'"
        )

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            ("2024-02-30", "is not a real date (YYYY-MM-DD)"),
            ("2023-13-01", "is not a real date (YYYY-MM-DD)"),
            ("24-01-01", ROUGH),
            ("01/02/2024", ROUGH),
            ("20240101", ROUGH),
            ("2024-01-01T10:00:00", ROUGH),
            ("2024-13", ROUGH),
            (20240101, "is not a year between 1900 and 2999 (a date is YYYY-MM-DD)"),
            (
                True,
                "must be a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), not true/false",
            ),
        ],
    )
    def test_a_bad_date_names_its_path_in_json(self, value: Any, reason: str) -> None:
        raw = raw_registry()
        raw["members"][0]["joined"] = value
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value) == f"members[0].joined: {value!r} {reason}"

    def test_an_impossible_unquoted_date_in_yaml_names_its_path_and_line(self) -> None:
        text = "clac: 1\nname: C\nworking_groups:\n  - id: wg\n    name: {en: W, es: W}\n"
        text += "    formed: 2024-02-30\n"
        with pytest.raises(FileFormatError) as excinfo:
            loads(text, "yaml")
        assert str(excinfo.value) == (
            "working_groups[0].formed: '2024-02-30' is not a real date (line 6, column 13)"
        )

    @pytest.mark.parametrize(
        ("format_", "text"),
        [
            (
                Format.YAML,
                "clac: 1\nname: C\nmembers:\n  - {organization: a, joined: 2024-01-01 10:00:00}\n",
            ),
            (
                Format.TOML,
                'clac = 1\nname = "C"\n[[members]]\norganization = "a"\n'
                "joined = 2024-01-01T10:00:00\n",
            ),
        ],
    )
    def test_a_native_datetime_is_refused_where_a_date_belongs(
        self, format_: Format, text: str
    ) -> None:
        with pytest.raises(FileFormatError) as excinfo:
            loads(text, format_)
        assert str(excinfo.value) == (
            "members[0].joined: '2024-01-01T10:00:00' is a date and time;"
            " give the date alone (YYYY-MM-DD)"
        )

    def test_a_bad_month_is_named(self) -> None:
        raw = raw_registry()
        raw["participation"][1]["month"] = "2024-13"
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value).startswith("participation[1].month: '2024-13' is not a month")

    @pytest.mark.parametrize(
        ("path", "value", "message"),
        [
            (("reports", 0, "quarter"), 5, "reports[0].quarter: 5 must be at most 4"),
            (("participation", 0, "hours"), -1, "participation[0].hours: -1 must be at least 0"),
            (
                ("organizations", 1, "countries"),
                ["XX"],
                "organizations[1].countries[0]: 'XX' is not an ISO 3166-1 alpha-2 country code "
                "or a region (LAC)",
            ),
            (
                ("members", 0, "representatives", 0, "email"),
                "ana-at-example",
                # personal data: masked
                "members[0].representatives[0].email: 'a***' is not an e-mail address",
            ),
            (
                ("organizations", 1),
                {
                    "id": "fundacion-a",
                    "name": "Fundación Ñandú",
                    "sector": "ngo",
                    "countries": ["AR", "BR"],
                    "scope": "national",
                },
                "organizations[1].countries: ['AR', 'BR'] a national organization works in"
                " exactly one country",
            ),
            (
                ("proposals", 0, "state"),
                "approved",
                "proposals[0].state: 'approved' does not match the history, which ends in 'shared'",
            ),
        ],
    )
    def test_the_models_own_checks_are_reported_under_their_path(
        self, path: tuple[str | int, ...], value: Any, message: str
    ) -> None:
        raw = raw_registry()
        target: Any = raw
        for segment in path[:-1]:
            target = target[segment]
        target[path[-1]] = value
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value) == message

    def test_every_problem_in_a_file_is_reported_at_once(self) -> None:
        raw = raw_registry(colour="red")
        raw["organizations"][0]["sector"] = "church"
        raw["organizations"][1]["countries"] = "AR"
        del raw["members"][1]["organization"]
        raw["members"][0]["representatives"][0]["level"] = "boss"
        raw["participation"][0]["hours"] = -2
        raw["reports"][0]["quarter"] = 5
        raw["documents"] = {"id": "not a list"}
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        problems = problems_of(excinfo.value)
        assert set(problems) == {
            "",
            "organizations[0].sector",
            "organizations[1].countries",
            "members[1].organization",
            "members[0].representatives[0].level",
            "participation[0].hours",
            "reports[0].quarter",
            "documents",
        }
        assert str(excinfo.value).startswith("8 problems:\n  - ")

    def test_references_that_point_nowhere_are_a_cross_reference_error(self) -> None:
        raw = raw_registry()
        raw["meetings"][0]["attendees"] = ["icmec", "nobody"]
        raw["participation"][0]["member"] = "ghost"
        with pytest.raises(CrossReferenceError) as excinfo:
            load_raw(raw)
        assert set(problems_of(excinfo.value)) == {
            "meetings[0].attendees[1]",
            "participation[0].member",
        }

    def test_an_unknown_charter_is_refused_with_the_choices(self) -> None:
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw_registry(charter="constitution"))
        assert str(excinfo.value) == (
            "charter: 'constitution' is not a charter clac knows (choose 'base-document')"
        )

    def test_an_amendment_the_charter_refuses_is_named_by_index(self) -> None:
        raw = raw_registry()
        raw["amendments"][0]["effective"] = "2015-01-01"
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value).startswith("amendments[0].effective: '2015-01-01' must be after")

    def test_an_amendment_of_an_unknown_parameter_is_named(self) -> None:
        raw = raw_registry()
        raw["amendments"][0]["parameters"] = {"meetings_per_week": 1}
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value).startswith(
            "amendments[0].parameters.meetings_per_week: 'meetings_per_week' is not"
        )

    def test_a_text_needs_english_and_spanish(self) -> None:
        raw = raw_registry()
        raw["working_groups"][0]["name"] = {"en": "Prevention"}
        with pytest.raises(FileFormatError) as excinfo:
            load_raw(raw)
        assert str(excinfo.value) == "working_groups[0].name.es: is required but missing"

    @pytest.mark.parametrize(
        ("raw", "reason"),
        [
            ([1, 2], "^the text must hold a mapping of keys to values at the top level"),
            ("clac", "^the text must hold a mapping .*, not text$"),
            (3, "^the text must hold a mapping .*, not a whole number$"),
        ],
    )
    def test_the_top_level_must_be_a_mapping(self, raw: Any, reason: str) -> None:
        with pytest.raises(FileFormatError, match=reason):
            load_raw(raw)

    @given(
        junk=st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(st.text(max_size=5), inner, max_size=3)
            ),
            max_leaves=8,
        ),
        where=st.sampled_from(
            [
                ("name",),
                ("organizations",),
                ("organizations", 0),
                ("organizations", 0, "countries"),
                ("members", 0),
                ("members", 0, "representatives", 0),
                ("members", 0, "joined"),
                ("participation", 0, "month"),
                ("amendments", 0, "parameters"),
                ("plans",),
                ("plans", "strategic", 0, "targets"),
                ("roles", 0, "role"),
            ]
        ),
    )
    def test_any_junk_anywhere_gives_a_clac_error_or_a_coalition(
        self, junk: Any, where: tuple[str | int, ...]
    ) -> None:
        raw = raw_registry()
        target: Any = raw
        for segment in where[:-1]:
            target = target[segment]
        target[where[-1]] = junk
        with contextlib.suppress(ClacError):
            assert isinstance(load_raw(raw), Coalition)


# ------------------------------------------------------------------------------ bad files


class TestBadFiles:
    @pytest.mark.parametrize(
        ("format_", "text", "message"),
        [
            (Format.YAML, "clac: 1\nname: [C\n", "has a YAML syntax error at line 3, column 1"),
            (Format.YAML, "clac: 1\n  name: C\n", "has a YAML syntax error at line 2, column 7"),
            (
                Format.JSON,
                '{"clac": 1,\n "name": }',
                "has a JSON syntax error at line 2, column 10",
            ),
            (
                Format.TOML,
                "clac = 1\nname = \n",
                "has a TOML syntax error at line 2, column 8: Invalid value",
            ),
            (
                Format.TOML,
                'clac = 1\nname = "x\n',
                "has a TOML syntax error at line 2, column 10: Illegal character",
            ),
        ],
    )
    def test_a_syntax_error_gives_line_and_column(
        self, format_: Format, text: str, message: str
    ) -> None:
        with pytest.raises(FileFormatError) as excinfo:
            loads(text, format_)
        assert str(excinfo.value).startswith(f"the text {message}")
        assert excinfo.value.__cause__ is None
        assert excinfo.value.__suppress_context__

    def test_an_error_about_a_whole_file_names_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)  # a message shortens a long path: keep this one short
        path = Path("registry.json")
        path.write_text('{"clac": 1,\n "name": }', encoding="utf-8")
        with pytest.raises(FileFormatError) as excinfo:
            load(path)
        assert str(excinfo.value) == (
            f"{str(path)!r} has a JSON syntax error at line 2, column 10: Expecting value"
        )
        path.write_text("  \n", encoding="utf-8")
        with pytest.raises(FileFormatError, match=r"registry.json' is empty \(a registry holds"):
            load(path)

    def test_a_path_with_a_nul_character_is_a_file_access_error(self) -> None:
        with pytest.raises(FileAccessError):
            load("registry\x00.yaml")
        with pytest.raises(FileAccessError):
            dump(sample(), "registry\x00.yaml")

    @pytest.mark.parametrize(
        ("format_", "template"),
        [
            (Format.YAML, "clac: 1\nname: {}\n"),
            (Format.JSON, '{{"clac": 1, "name": {}}}'),
            (Format.TOML, "clac = 1\nname = {}\n"),
        ],
    )
    @pytest.mark.parametrize("depth", [900, 100_000])
    def test_deep_nesting_is_a_clac_error(self, format_: Format, template: str, depth: int) -> None:
        with pytest.raises(FileFormatError):
            loads(template.format("[" * depth + "]" * depth), format_)

    def test_several_yaml_documents_are_a_syntax_error(self) -> None:
        with pytest.raises(FileFormatError, match="expected a single document"):
            loads("clac: 1\n---\nclac: 1\n", "yaml")

    def test_yaml_tags_for_python_objects_are_refused(self) -> None:
        with pytest.raises(FileFormatError, match="YAML syntax error"):
            loads("clac: 1\nname: !!python/object/apply:os.system ['true']\n", "yaml")

    @pytest.mark.parametrize("format_", FORMATS)
    @pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
    def test_an_empty_file_is_refused(self, format_: Format, text: str) -> None:
        with pytest.raises(FileFormatError, match="is empty"):
            loads(text, format_)

    def test_a_yaml_file_of_comments_only_is_empty(self) -> None:
        with pytest.raises(FileFormatError, match="is empty"):
            loads("# nothing yet\n", "yaml")

    def test_binary_bytes_are_refused_as_not_text(self) -> None:
        with pytest.raises(FileFormatError, match=r"is not UTF-8 text \(byte 0x89 at offset 0\)"):
            loads(b"\x89PNG\r\n\x1a\n\x00\x00", "yaml")

    def test_text_with_nul_characters_is_refused_as_binary(self) -> None:
        with pytest.raises(FileFormatError, match="NUL character"):
            loads("clac: 1\x00\x00", "yaml")

    def test_a_file_over_the_size_limit_is_refused_unread(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text("clac: 1\nname: CLAC\n" + "#" * 100, encoding="utf-8")
        monkeypatch.setattr(clac.io._files, "MAX_FILE_SIZE", 64)
        with pytest.raises(FileFormatError, match="larger than"):
            load(path)

    def test_a_string_over_the_size_limit_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(clac.io, "MAX_FILE_SIZE", 16)
        with pytest.raises(FileFormatError, match="larger than"):
            loads("clac: 1\nname: a long name\n", "yaml")
        with pytest.raises(FileFormatError, match="larger than"):
            loads(b"clac: 1\nname: a long name\n", "yaml")

    def test_the_size_limit_is_fifty_megabytes(self) -> None:
        assert clac.io.MAX_FILE_SIZE == 50 * 1024 * 1024

    def test_a_missing_file_is_a_file_access_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)  # a message shortens a long path: keep this one short
        path = Path("missing.yaml")
        with pytest.raises(FileAccessError) as excinfo:
            load(path)
        assert str(excinfo.value) == f"{str(path)!r} does not exist"
        assert isinstance(excinfo.value, ClacError)
        assert isinstance(excinfo.value, OSError)
        assert excinfo.value.__cause__ is None

    def test_a_directory_is_a_file_access_error(self, tmp_path: Path) -> None:
        folder = tmp_path / "registry.yaml"
        folder.mkdir()
        with pytest.raises(FileAccessError, match="is a directory"):
            load(folder)
        with pytest.raises(FileAccessError, match="is a directory"):
            dump(sample(), folder)

    @pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file"
    )
    def test_an_unreadable_file_is_a_file_access_error(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text("clac: 1\nname: C\n", encoding="utf-8")
        path.chmod(0)
        with pytest.raises(FileAccessError, match="permission denied"):
            load(path)

    @given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
    def test_any_bytes_give_a_clac_error_or_a_coalition(self, data: bytes) -> None:
        for format_ in FORMATS:
            with contextlib.suppress(ClacError):
                assert isinstance(loads(data, format_), Coalition)


# ---------------------------------------------------------------------------- atomic dump


class TestAtomicDump:
    def test_dump_replaces_an_existing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text("old", encoding="utf-8")
        dump(sample(), path)
        assert load(path) == sample()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["registry.yaml"]

    def test_a_failed_replace_leaves_the_old_file_and_no_temporary_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text("old content\n", encoding="utf-8")

        def failing_replace(*_args: Any, **_kwargs: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", failing_replace)
        with pytest.raises(FileAccessError, match="no space left on the device"):
            dump(sample(), path)
        assert path.read_text(encoding="utf-8") == "old content\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["registry.yaml"]

    def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text("old content\n", encoding="utf-8")

        def failing_fsync(_fd: int) -> None:
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, "fsync", failing_fsync)
        with pytest.raises(FileAccessError, match="Input/output error"):
            dump(sample(), path)
        assert path.read_text(encoding="utf-8") == "old content\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["registry.yaml"]

    def test_an_unexpected_failure_also_cleans_up(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text("old content\n", encoding="utf-8")

        def interrupted(*_args: Any, **_kwargs: Any) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "replace", interrupted)
        with pytest.raises(KeyboardInterrupt):
            dump(sample(), path)
        assert path.read_text(encoding="utf-8") == "old content\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["registry.yaml"]

    def test_a_serialisation_error_never_touches_the_disk(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "registry.yaml"
        path.write_text("old content\n", encoding="utf-8")
        opened: list[Any] = []
        monkeypatch.setattr(tempfile, "NamedTemporaryFile", lambda *a, **k: opened.append(a))

        def failing_serialize(_data: Any) -> str:
            raise InvalidData("cannot be written", path="name")

        monkeypatch.setattr(yaml_codec, "serialize", failing_serialize)
        with pytest.raises(InvalidData):
            dump(sample(), path)
        assert opened == []
        assert path.read_text(encoding="utf-8") == "old content\n"

    def test_a_charter_no_file_can_name_is_refused_before_writing(self, tmp_path: Path) -> None:
        import attrs

        custom = attrs.evolve(BASE_DOCUMENT, id="my-charter")
        path = tmp_path / "registry.yaml"
        with pytest.raises(InvalidData, match="charter: 'my-charter' cannot be saved"):
            dump(Coalition(name="C", charter=custom), path)
        assert not path.exists()

    def test_a_missing_folder_is_a_file_access_error(self, tmp_path: Path) -> None:
        with pytest.raises(FileAccessError, match="folder does not exist"):
            dump(sample(), tmp_path / "no" / "registry.yaml")

    @pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
    def test_an_existing_file_keeps_its_permissions_and_a_new_one_is_private(
        self, tmp_path: Path
    ) -> None:
        shared = tmp_path / "shared.yaml"
        shared.write_text("old", encoding="utf-8")
        shared.chmod(0o640)
        dump(sample(), shared)
        assert stat.S_IMODE(shared.stat().st_mode) == 0o640
        new = tmp_path / "new.yaml"
        dump(sample(), new)
        assert stat.S_IMODE(new.stat().st_mode) == 0o600

    @pytest.mark.skipif(os.name != "posix", reason="symbolic links")
    def test_a_symbolic_link_is_followed_not_replaced(self, tmp_path: Path) -> None:
        real = tmp_path / "real.yaml"
        real.write_text("old", encoding="utf-8")
        link = tmp_path / "link.yaml"
        link.symlink_to(real)
        dump(sample(), link)
        assert link.is_symlink()
        assert load(real) == sample()

    def test_other_text_is_written_atomically_too(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "schema.json"
        clac.io.write_text_atomically(path, "{}\n")
        assert path.read_text(encoding="utf-8") == "{}\n"

        def failing_replace(*_args: Any, **_kwargs: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", failing_replace)
        with pytest.raises(FileAccessError):
            clac.io.write_text_atomically(str(path), "[]\n")
        assert path.read_text(encoding="utf-8") == "{}\n"
        assert [p.name for p in tmp_path.iterdir()] == ["schema.json"]

    def test_dumps_refuses_what_is_not_a_coalition(self) -> None:
        with pytest.raises(InvalidData, match="must be a clac Coalition, not dict"):
            dumps({"name": "C"}, "yaml")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------- redaction


class TestRedaction:
    def test_redact_replaces_names_and_drops_emails(self) -> None:
        redacted = redact(sample())
        people = [r for m in redacted.members for r in m.representatives]
        assert [r.name for r in people] == [REDACTED, REDACTED] == ["[redacted]"] * 2
        assert [r.email for r in people] == [None, None]
        assert [r.position for r in people] == ["Director", "Analyst"]

    def test_redact_leaves_everything_else_and_the_original_alone(self) -> None:
        original = sample()
        redacted = redact(original)
        assert redacted.evolve(members=original.members) == original
        assert original.members[0].representatives[0].name == "Ana Pérez"

    @pytest.mark.parametrize("format_", FORMATS)
    def test_a_redacted_dump_has_no_personal_data_and_still_loads(self, format_: Format) -> None:
        text = dumps(sample(), format_, redact=True)
        assert "Ana Pérez" not in text
        assert "Bo Lee" not in text
        assert "@" not in text
        assert loads(text, format_) == redact(sample())

    def test_a_redacted_file_has_no_personal_data(self, tmp_path: Path) -> None:
        path = tmp_path / "shared.json"
        dump(sample(), path, redact=True)
        assert "ana@example.org" not in path.read_text(encoding="utf-8")
        assert load(path) == redact(sample())

    def test_the_registry_file_itself_keeps_personal_data(self) -> None:
        assert "ana@example.org" in dumps(sample(), "yaml")

    @given(coalition=testing.coalitions(min_members=1))
    def test_any_redacted_coalition_has_no_personal_data(self, coalition: Coalition) -> None:
        redacted = loads(dumps(coalition, "json", redact=True), "json")
        for member in redacted.members:
            for representative in member.representatives:
                assert representative.name == REDACTED
                assert representative.email is None
        assert redacted == redact(coalition)


# Strings that YAML writers get wrong: line breaks YAML's reader folds (NEL, LS, PS), space at
# either end, words and numbers a plain scalar would turn into booleans, nulls or numbers,
# YAML's indicators, control characters and text beyond ASCII.
TRICKY = [
    "a\x85b",
    "\x85",
    "a \x85 b",
    "a\u2028b",
    "\u2029",
    "\x85\u2028\u2029",
    " leading",
    "trailing ",
    "  ",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "~",
    "null",
    "true",
    "1",
    "-1.5",
    "1e3",
    "0x1f",
    "0o17",
    ".inf",
    ".nan",
    "2024-01-01",
    "12:30",
    "a: b",
    "- x",
    "#c",
    "'single'",
    '"double"',
    "back\\slash",
    "tab\tinside",
    "\t",
    "multi\nline",
    "multi\nline\n",
    "trailing\n\n",
    "\r",
    "a\rb",
    "\x00nul",
    "\x7f\x9f",
    "\xa0no-break",
    "\ufeffbom",
    "é ñ ü 中文",
    "emoji 😀 and 𐀀",
    "x" * 200 + " " + "y" * 200,
    "<<",
    "!tag",
    "&anchor",
    "*alias",
    "%directive",
    "@at",
    "`tick",
    "{flow}",
    "[flow]",
    "?",
    "|",
    ">",
]


def _pure_python_yaml(data: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """What clac's YAML writer gives without libyaml's emitter."""
    with monkeypatch.context() as patch:
        patch.setattr(yaml_codec, "_CSafeDumper", None)
        return yaml_codec.serialize(data)


needs_libyaml = pytest.mark.skipif(
    yaml_codec._CSafeDumper is None, reason="PyYAML is built without libyaml here"
)


@needs_libyaml
class TestYamlEmitters:
    """libyaml's emitter writes what the pure-Python one wrote, and reads back the same."""

    @pytest.mark.parametrize("text", TRICKY)
    def test_a_tricky_string_is_written_as_before_and_reads_back(
        self, text: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        data = {"name": text, "list": [text, {"nested": text}], "deep": [[[[[[text]]]]]]}
        written = yaml_codec.serialize(data)
        assert written == _pure_python_yaml(data, monkeypatch)
        assert yaml.load(written, Loader=yaml.SafeLoader) == data
        assert yaml_codec.parse(written) == data

    @pytest.mark.parametrize("text", TRICKY)
    def test_a_coalition_named_by_a_tricky_string_survives(self, text: str) -> None:
        name = text if text.strip() else f"x{text}x"
        if text_problem(name, multi_line=False) is not None:
            name = "x"  # a name must be one line of text (tests/test_hostile.py)
        record = text if text.strip() else f"x{text}x"
        coalition = Coalition(
            name=name,
            organizations=(Organization("x", name, Sector.NGO, ("BR",)),),
            members=(Member("x", date(2020, 1, 1), track_record=(record,)),),
            working_groups=(WorkingGroup("wg", Text(name, name, pt=name), date(2020, 1, 1)),),
        )
        if text_problem(record, multi_line=True) is not None:
            # Built in Python, the coalition skipped the loader's check: dumping refuses what
            # loading would, rather than writing a file that does not read back.
            with pytest.raises(InvalidData, match=r"members\[0\]\.track_record\[0\]"):
                dumps(coalition, "yaml")
        else:
            assert loads(dumps(coalition, "yaml"), "yaml") == coalition

    def test_the_demo_and_the_sample_are_written_byte_for_byte_as_before(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from clac import demo

        for coalition in (demo(), sample()):
            data = yaml_codec.CONVERTER.unstructure(
                clac.io._layout.from_coalition(coalition), clac.io._layout.RegistryFile
            )
            assert dumps(coalition, "yaml") == _pure_python_yaml(data, monkeypatch)

    def test_characters_beyond_the_basic_plane_stay_as_they_are(self) -> None:
        written = yaml_codec.serialize({"name": "emoji 😀"})
        assert written == "name: emoji 😀\n"
        assert "\\U" not in written

    def test_a_lone_surrogate_is_written_as_before(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # libyaml cannot encode it at all; the pure-Python emitter escapes it (\uDC80).
        data = {"name": "a\udc80b"}
        assert yaml_codec.serialize(data) == _pure_python_yaml(data, monkeypatch)

    def test_deep_nesting_is_written_as_before(self, monkeypatch: pytest.MonkeyPatch) -> None:
        data: Any = "x"
        for _ in range(60):
            data = {"k": [data]}
        written = yaml_codec.serialize(data)
        assert written == _pure_python_yaml(data, monkeypatch)
        assert yaml_codec.parse(written) == data

    @given(
        data=st.recursive(
            st.text(
                st.sampled_from(list(" \t\n\r\x85\u2028\u2029ab:#-'\"\\é{}[],&*!|>%@`?~"))
                | st.characters(exclude_categories=["Cs"])
            )
            | st.integers()
            | st.booleans()
            | st.floats(allow_nan=False)
            | st.none()
            | st.dates(),
            lambda children: (
                st.lists(children, max_size=4)
                | st.dictionaries(st.text(max_size=8), children, max_size=4)
            ),
            max_leaves=20,
        ).map(lambda value: {"data": value})
    )
    def test_any_plain_data_reads_back_the_same_from_either_emitter(self, data: Any) -> None:
        written = yaml_codec.serialize(data)
        assert yaml_codec.parse(written) == data
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(yaml_codec, "_CSafeDumper", None)
            before = yaml_codec.serialize(data)
        assert yaml_codec.parse(before) == yaml_codec.parse(written)


class TestSizeLimit:
    """MAX_FILE_SIZE guards against absurd files; max_size reads a large one on purpose."""

    def test_max_size_reads_a_file_over_the_default_limit(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = tmp_path / "registry.json"
        dump(sample(), path)
        monkeypatch.setattr(clac.io._files, "MAX_FILE_SIZE", 64)
        monkeypatch.setattr(clac.io, "MAX_FILE_SIZE", 64)
        with pytest.raises(FileFormatError, match="larger than the 64 bytes clac reads"):
            load(path)
        assert load(path, max_size=path.stat().st_size) == sample()

    def test_a_file_over_max_size_is_refused_naming_max_size(self, tmp_path: Path) -> None:
        path = tmp_path / "registry.yaml"
        dump(sample(), path)
        with pytest.raises(FileFormatError, match="max_size") as caught:
            load(path, max_size=100)
        problem = caught.value.problems[0]
        assert "larger than the 100 bytes clac reads" in problem.reason.en
        assert problem.value == str(path)

    def test_the_default_limit_is_named_in_megabytes(self) -> None:
        with pytest.raises(FileFormatError, match="larger than the 1 MB clac reads"):
            loads("clac: 1\nname: C\n" + "#" * 2**20, "yaml", max_size=2**20)

    @pytest.mark.parametrize("format_", FORMATS)
    def test_max_size_applies_to_text_and_bytes(self, format_: Format) -> None:
        text = dumps(sample(), format_)
        size = len(text.encode("utf-8"))
        assert loads(text, format_, max_size=size) == sample()
        assert loads(text.encode("utf-8"), format_, max_size=size) == sample()
        with pytest.raises(FileFormatError, match="larger than"):
            loads(text.encode("utf-8"), format_, max_size=size - 1)
        with pytest.raises(FileFormatError, match="larger than"):
            loads(text, format_, max_size=len(text) - 1)

    @pytest.mark.parametrize("max_size", [0, -1, True, "10", 1.5])
    def test_max_size_must_be_a_positive_number_of_bytes(
        self, tmp_path: Path, max_size: Any
    ) -> None:
        path = tmp_path / "registry.json"
        dump(sample(), path)
        with pytest.raises(InvalidData) as from_file:
            load(path, max_size=max_size)
        with pytest.raises(InvalidData) as from_text:
            loads("{}", "json", max_size=max_size)
        for caught in (from_file, from_text):
            assert caught.value.problems[0].path == "max_size"
