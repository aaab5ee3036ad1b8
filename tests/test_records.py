"""The registry's record horizon (``records_since``) and the charter's default working groups."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clac import BASE_DOCUMENT, Coalition, dumps, loads
from clac.charter import Amendment, WorkingGroupDefinition
from clac.errors import ClacError, InvalidData
from clac.model import RecordKind, RecordsSince, WorkingGroup
from clac.registry import default_working_groups
from clac.testing import coalitions, records_since_by_kind
from clac.text import Text

FORMATS = ("yaml", "json", "toml")


class TestRecordsSince:
    def test_a_registry_without_the_key_has_no_horizon_for_any_kind(self) -> None:
        coalition = Coalition(name="Fictional")
        assert coalition.records_since is None
        assert all(coalition.records_since_for(kind) is None for kind in RecordKind)

    def test_the_day_applies_to_every_kind_not_given_its_own(self) -> None:
        coalition = Coalition(
            name="Fictional",
            records_since=date(2024, 1, 1),
            records_since_by_kind=RecordsSince(hours=date(2025, 1, 1)),
        )
        assert coalition.records_since_for("hours") == date(2025, 1, 1)
        assert coalition.records_since_for(RecordKind.MEETINGS) == date(2024, 1, 1)

    def test_a_kind_may_begin_earlier_than_the_rest(self) -> None:
        coalition = Coalition(
            name="Fictional",
            records_since=date(2024, 1, 1),
            records_since_by_kind=RecordsSince(meetings=date(2016, 5, 24)),
        )
        assert coalition.records_since_for("meetings") == date(2016, 5, 24)

    def test_an_unknown_kind_is_refused_naming_it(self) -> None:
        with pytest.raises(InvalidData, match="hotlines"):
            RecordsSince().get("hotlines")

    def test_a_date_and_time_is_refused(self) -> None:
        from datetime import datetime

        with pytest.raises(ClacError, match="records_since"):
            Coalition(name="Fictional", records_since=datetime(2024, 1, 1, 9, 0))

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_it_is_read_from_the_top_of_the_file(self, fmt: str) -> None:
        text = {
            "yaml": "clac: 1\nname: Fictional\nrecords_since: 2024-01-01\n"
            "records_since_by_kind: {hours: 2025-01-01}\n",
            "json": '{"clac": 1, "name": "Fictional", "records_since": "2024-01-01", '
            '"records_since_by_kind": {"hours": "2025-01-01"}}',
            "toml": 'clac = 1\nname = "Fictional"\nrecords_since = 2024-01-01\n'
            "[records_since_by_kind]\nhours = 2025-01-01\n",
        }[fmt]
        coalition = loads(text, fmt)
        assert coalition.records_since == date(2024, 1, 1)
        assert coalition.records_since_for("hours") == date(2025, 1, 1)

    def test_an_unknown_kind_in_a_file_is_an_error_naming_its_path(self) -> None:
        text = "clac: 1\nname: Fictional\nrecords_since_by_kind: {hotlines: 2025-01-01}\n"
        with pytest.raises(ClacError, match="records_since_by_kind"):
            loads(text, "yaml")

    @settings(max_examples=25, deadline=None)
    @given(
        day=st.none() | st.dates(date(2016, 1, 1), date(2030, 12, 31)),
        by_kind=st.none() | records_since_by_kind(),
        fmt=st.sampled_from(FORMATS),
    )
    def test_it_survives_every_file_format(
        self, day: date | None, by_kind: RecordsSince | None, fmt: str
    ) -> None:
        coalition = Coalition(name="Fictional", records_since=day, records_since_by_kind=by_kind)
        assert loads(dumps(coalition, fmt), fmt) == coalition

    def test_a_registry_without_it_writes_neither_key(self) -> None:
        text = dumps(Coalition(name="Fictional"), "yaml")
        assert "records_since" not in text

    @settings(max_examples=10, deadline=None)
    @given(coalitions(max_members=3))
    def test_drawn_coalitions_round_trip_with_their_horizons(self, coalition: Coalition) -> None:
        assert loads(dumps(coalition, "json"), "json") == coalition


class TestDefaultWorkingGroups:
    def test_a_registry_without_working_groups_has_the_charters_four(self) -> None:
        ids = [w.id for w in Coalition(name="Fictional").working_groups]
        assert ids == [w.id for w in BASE_DOCUMENT.working_groups]

    def test_they_exist_from_the_day_the_charter_took_effect(self) -> None:
        groups = Coalition(name="Fictional").working_groups
        assert {w.formed for w in groups} == {BASE_DOCUMENT.effective}

    def test_a_declared_group_keeps_its_own_formation_date(self) -> None:
        declared = WorkingGroup(
            id="latin-american-hotlines",
            name=BASE_DOCUMENT.working_group("latin-american-hotlines").name,
            formed=date(2017, 3, 1),
        )
        coalition = Coalition(name="Fictional", working_groups=(declared,))
        assert coalition.working_group("latin-american-hotlines").formed == date(2017, 3, 1)
        assert len(coalition.working_groups) == 4

    def test_a_member_may_join_a_group_the_registry_does_not_declare(self) -> None:
        text = (
            "clac: 1\nname: Fictional\norganizations:\n"
            "  - {id: fundacion-ficticia, name: Fundación Ficticia, sector: ngo, countries: [AR]}\n"
            "members:\n"
            "  - {organization: fundacion-ficticia, joined: 2020-01-01,"
            " working_groups: [prevention-awareness]}\n"
        )
        coalition = loads(text, "yaml")
        assert coalition.members_of("prevention-awareness")[0].organization == "fundacion-ficticia"

    def test_a_group_an_amendment_adds_exists_from_the_amendment(self) -> None:
        amended = BASE_DOCUMENT.amend(
            Amendment(
                effective=date(2021, 1, 1),
                summary=Text("A fifth group.", "Un quinto grupo."),
                add_working_groups=(
                    WorkingGroupDefinition(id="research", name=Text("Research", "Investigación")),
                ),
            )
        )
        groups = {w.id: w.formed for w in default_working_groups(amended)}
        assert groups["research"] == date(2021, 1, 1)
        assert groups["prevention-awareness"] == BASE_DOCUMENT.effective

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_undeclared_groups_are_not_written_back(self, fmt: str) -> None:
        coalition = Coalition(name="Fictional")
        text = dumps(coalition, fmt)
        assert "prevention-awareness" not in text
        assert loads(text, fmt) == coalition
