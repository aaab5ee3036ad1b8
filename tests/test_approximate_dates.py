"""Approximate dates: ``joined: 2016`` and ``joined: 2016-05`` keep their precision everywhere,
and rules never invent the day they do not know."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clac.errors import InvalidData
from clac.io import Format, dumps, loads
from clac.model import (
    Contribution,
    ContributionKind,
    Member,
    MemberStatus,
    Plans,
    Subscription,
    WorkingGroup,
)
from clac.periods import ApproximateDate, Precision, date_value, earliest, latest
from clac.rules import Outcome
from clac.rules._context import Context
from clac.rules.membership import hours_window
from clac.testing import approximate_dates, date_values
from clac.text import Text
from tests.factories import AS_OF, coalition, finding, member, with_member

YEAR, MONTH = ApproximateDate(2016), ApproximateDate(2016, 5)


class TestTheValue:
    @pytest.mark.parametrize(
        ("text", "precision", "first", "last"),
        [
            ("2016", Precision.YEAR, date(2016, 1, 1), date(2016, 12, 31)),
            ("2016-02", Precision.MONTH, date(2016, 2, 1), date(2016, 2, 29)),
            ("2016-02-29", Precision.DAY, date(2016, 2, 29), date(2016, 2, 29)),
        ],
    )
    def test_parsing_keeps_the_precision_and_gives_the_bounds(
        self, text: str, precision: Precision, first: date, last: date
    ) -> None:
        value = ApproximateDate.parse(text)
        assert (value.precision, value.earliest, value.latest) == (precision, first, last)
        assert value.isoformat() == text

    @pytest.mark.parametrize("text", ["16", "2016-13", "2016-02-30", "2016-5", "1899", True, 3000])
    def test_anything_else_is_refused_with_its_value(self, text: object) -> None:
        with pytest.raises(InvalidData) as caught:
            ApproximateDate.parse(text)  # type: ignore[arg-type]
        assert caught.value.problems[0].value == text

    def test_a_day_needs_its_month(self) -> None:
        with pytest.raises(InvalidData, match="day"):
            ApproximateDate(2016, None, 4)

    def test_only_a_known_day_is_exact(self) -> None:
        assert YEAR.exact is None
        assert MONTH.exact is None
        assert ApproximateDate(2016, 5, 4).exact == date(2016, 5, 4)

    @given(approximate_dates(precisions=("year", "month", "day")), st.dates())
    def test_a_comparison_holds_only_when_it_holds_for_every_possible_day(
        self, value: ApproximateDate, day: date
    ) -> None:
        possible = [value.earliest, value.latest]
        assert (value < day) == all(p < day for p in possible)
        assert (value <= day) == all(p <= day for p in possible)
        assert (value > day) == all(p > day for p in possible)
        assert (value >= day) == all(p >= day for p in possible)
        assert (day < value) == (value > day)
        assert not (value < day and value >= day)

    def test_a_date_inside_the_year_is_neither_before_nor_after_it(self) -> None:
        june = date(2016, 6, 1)
        assert not june > YEAR
        assert not june < YEAR
        assert not june >= YEAR
        assert YEAR.may_be(june)

    @given(date_values())
    def test_the_model_stores_a_known_day_as_a_plain_date(self, value: Any) -> None:
        stored = date_value(value)
        assert earliest(stored) <= latest(stored)
        if isinstance(stored, ApproximateDate):
            assert stored.precision is not Precision.DAY
        assert date_value(ApproximateDate(2016, 5, 4)) == date(2016, 5, 4)


def rough(base: Any, value: Any) -> Any:
    """``base`` with every roughly-known date of its first member set to ``value``."""
    m = base.members[0]
    changed = attrs.evolve(
        m,
        joined=value,
        charter_subscription=Subscription(signed=value),
        contributions=(
            Contribution(date=value, kind=ContributionKind.IN_KIND, description="Venue"),
        ),
    )
    return with_member(base, changed)


class TestEveryFormatKeepsThePrecision:
    @pytest.mark.parametrize("fmt", list(Format))
    @given(value=date_values())
    def test_a_registry_with_rough_dates_round_trips_unchanged(
        self, fmt: Format, value: Any
    ) -> None:
        base = rough(coalition(), value)
        text = dumps(base, fmt)
        again = loads(text, fmt)
        assert again == base
        assert dumps(again, fmt) == text

    @pytest.mark.parametrize(
        ("fmt", "written"),
        [
            (Format.YAML, "joined: 2016\n"),
            (Format.TOML, "joined = 2016\n"),
            (Format.JSON, '"joined": 2016,'),
        ],
    )
    def test_a_year_is_written_as_the_user_wrote_it(self, fmt: Format, written: str) -> None:
        assert written in dumps(rough(coalition(), YEAR), fmt)

    @pytest.mark.parametrize("fmt", list(Format))
    def test_a_month_is_written_as_year_and_month(self, fmt: Format) -> None:
        text = dumps(rough(coalition(), MONTH), fmt)
        assert '2016-05"' in text or "2016-05'" in text or "joined: 2016-05\n" in text
        assert "2016-05-01" not in text

    def test_a_year_given_as_text_is_read_too(self) -> None:
        raw = json.loads(dumps(coalition(), Format.JSON))
        raw["members"][0]["joined"] = "2016"
        assert loads(json.dumps(raw), Format.JSON).members[0].joined == YEAR


class TestRulesNeverInventTheDay:
    def test_a_subscription_of_the_current_year_is_insufficient_data(self) -> None:
        base = coalition([member(charter_subscription=Subscription(signed=ApproximateDate(2024)))])
        assert finding(base, "MEM-03", "org-a").outcome is Outcome.INSUFFICIENT_DATA

    def test_a_subscription_of_an_earlier_year_is_met(self) -> None:
        base = coalition([member(charter_subscription=Subscription(signed=ApproximateDate(2023)))])
        assert finding(base, "MEM-03", "org-a").outcome is Outcome.MET

    def test_a_member_joined_this_month_is_not_yet_counted_as_a_member(self) -> None:
        m = member(joined=ApproximateDate(AS_OF.year, AS_OF.month))
        assert not m.is_member_on(AS_OF)
        assert m.is_member_on(AS_OF + timedelta(days=31))

    def test_hours_are_averaged_only_over_months_certainly_of_membership(self) -> None:
        base = coalition([member(joined=ApproximateDate(2024, 1))])
        ctx = Context(base, AS_OF)
        window = hours_window(ctx, base.members[0])
        assert str(window[0]) == "2024-02"

    def test_a_first_report_that_may_or_may_not_be_due_is_insufficient_data(self) -> None:
        day = date(2025, 1, 2)  # certainly a member; its first report due in 2024 or 2025
        base = coalition([member(joined=ApproximateDate(2024))], as_of=day, plans=Plans())
        verdict = finding(base, "REP-07", "org-a", as_of=day)
        assert verdict.outcome is Outcome.INSUFFICIENT_DATA, verdict

    def test_a_consultation_in_the_month_a_group_was_formed_is_insufficient_data(self) -> None:
        group = WorkingGroup(
            id="new-group",
            name=Text("New", "Nuevo"),
            formed=date(2020, 5, 10),
            consulted=ApproximateDate(2020, 5),
        )
        base = coalition()
        base = attrs.evolve(base, working_groups=(*base.working_groups, group))
        assert finding(base, "GOV-04", "new-group").outcome is Outcome.INSUFFICIENT_DATA

    def test_a_consultation_known_to_follow_the_forming_is_refused(self) -> None:
        with pytest.raises(InvalidData, match="consulted"):
            WorkingGroup(
                id="g",
                name=Text("G", "G"),
                formed=ApproximateDate(2020, 5),
                consulted=ApproximateDate(2020, 6),
            )

    def test_leaving_before_a_rough_join_is_refused_only_when_certain(self) -> None:
        Member(organization="a", joined=YEAR, status=MemberStatus.WITHDRAWN, left=date(2016, 3, 1))
        with pytest.raises(InvalidData, match="left"):
            Member(
                organization="a",
                joined=YEAR,
                status=MemberStatus.WITHDRAWN,
                left=date(2015, 12, 31),
            )
