"""The built-in demonstration coalition: it loads, covers the charter, and carries exactly the
deliberate gaps its header lists (and nothing else wrong) as of ``DEMO_AS_OF``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

import clac
from clac import DEMO_AS_OF, demo, demo_path, demo_text
from clac._demo import demo_file_text
from clac.charter import BASE_DOCUMENT
from clac.cli import cli
from clac.model import (
    DocumentKind,
    MeetingKind,
    Member,
    ProposalEventKind,
    ProposalRecord,
    ProposalState,
    RepresentativeLevel,
)
from clac.periods import Month, Quarter
from clac.registry import Coalition

#: The member carrying each member-level gap of the file's header, by gap number.
GAP_MEMBERS = {
    1: "movilred",  # no written subscription
    2: "softworks",  # not listed in materials
    3: "consejo-hemisferico",  # no representative
    4: "linea-andina",  # only a junior representative
    5: "children-first",  # no meeting in the last 12 months
    6: "rede-segura",  # three working groups
    7: "registro-dominios",  # no working group
    8: "buscaweb",  # under 4 hours a month
    9: "child-rights-network",  # no participation records
    10: "unidad-ficticia-delitos-informaticos",  # no track record
    13: "ninez-conectada",  # no commitments
}

FIRST_QUARTER = Quarter(2024, 1)
LAST_QUARTER = Quarter(2026, 3)
MISSING_REPORT = ("law-enforcement-investigation", 2025, 3)
LATE_REPORT = ("private-sector-collaboration", 2024, 4)
COALITION_KINDS = {MeetingKind.ANNUAL, MeetingKind.REGIONAL}
WINDOW_START = date(2025, 11, 1)  # 12 months before DEMO_AS_OF
LAST_12_MONTHS = tuple(Month.of(DEMO_AS_OF).minus(n) for n in range(12, 0, -1))


@pytest.fixture(scope="module")
def coalition() -> Coalition:
    return demo()


@pytest.fixture(scope="module")
def clean_members(coalition: Coalition) -> list[Member]:
    """The members that carry none of the deliberate gaps."""
    gaps = set(GAP_MEMBERS.values())
    return [m for m in coalition.members if m.organization not in gaps]


def quarters(first: Quarter, last: Quarter) -> Iterator[Quarter]:
    quarter = first
    while quarter <= last:
        yield quarter
        quarter = quarter.next()


def members_where(coalition: Coalition, test: object) -> list[str]:
    assert callable(test)
    return [m.organization for m in coalition.members if test(m)]


def average_hours(coalition: Coalition, member: str) -> float | None:
    """Average hours a month over the 12 months before DEMO_AS_OF; None without records."""
    records = coalition.participation_of(member)
    if not records:
        return None
    hours = {p.month: p.hours for p in records}
    return sum(hours.get(month, 0.0) for month in LAST_12_MONTHS) / len(LAST_12_MONTHS)


def attended_recently(coalition: Coalition, member: str) -> bool:
    return any(WINDOW_START <= m.date < DEMO_AS_OF for m in coalition.meetings_attended_by(member))


def has_middle_level_representative(member: Member) -> bool:
    return any(r.level >= RepresentativeLevel.MIDDLE for r in member.representatives)


def events(proposal: ProposalRecord) -> list[ProposalEventKind]:
    return [e.event for e in proposal.history]


class TestLoading:
    def test_the_demo_loads_as_a_coalition_under_the_base_document(
        self, coalition: Coalition
    ) -> None:
        assert isinstance(coalition, Coalition)
        assert coalition.charter.id == BASE_DOCUMENT.id

    def test_the_demo_is_loaded_once_and_cached(self) -> None:
        assert demo() is demo()

    def test_the_resource_is_the_text_the_demo_is_read_from(self) -> None:
        assert demo_path().read_text(encoding="utf-8") == demo_text()
        assert demo_text().splitlines()[0].startswith("#")

    def test_the_as_of_date_follows_the_end_of_the_history(self, coalition: Coalition) -> None:
        assert date(2026, 11, 1) == DEMO_AS_OF
        assert max(m.date for m in coalition.meetings) < DEMO_AS_OF
        assert max(d.date for d in coalition.documents) < DEMO_AS_OF
        assert all(r.submitted is None or r.submitted < DEMO_AS_OF for r in coalition.reports)


class TestFictionalData:
    def header(self) -> str:
        lines = []
        for line in demo_text().splitlines():
            if not line.startswith("#"):
                break
            lines.append(line)
        return "\n".join(lines).lower()

    def test_the_header_says_the_data_is_fictional_and_invented(self) -> None:
        header = self.header()
        assert "fictional data" in header
        assert "invented" in header
        assert "none of it is\n# a fact about any real organization" in header

    def test_the_header_says_why_icmec_is_the_one_real_name(self) -> None:
        header = " ".join(self.header().replace("#", " ").split())
        assert "the one real name is icmec" in header
        assert "the charter itself makes icmec the secretariat and icmec lac the chair" in header
        assert "says nothing about icmec's real record" in header

    def test_every_organization_but_the_charters_fixed_role_holder_is_fictional(
        self, coalition: Coalition
    ) -> None:
        holders = {r.holder_organization for r in BASE_DOCUMENT.roles} - {None}
        assert holders == {"icmec"}
        real = [o for o in coalition.organizations if "(demo)" not in o.name]
        assert [(o.id, o.partner) for o in real] == [("icmec", "icmec")]

    def test_no_organization_claims_to_be_a_partner_the_charter_names(
        self, coalition: Coalition
    ) -> None:
        named = {p.id for p in BASE_DOCUMENT.partners if not p.generic}
        claimed = {o.partner for o in coalition.organizations} & named
        assert claimed == {"icmec"}

    def test_no_name_of_a_named_partner_appears_in_the_file(self) -> None:
        text = demo_text()
        for partner in BASE_DOCUMENT.partners:
            if partner.generic or partner.id == "icmec":
                continue
            # The name as the charter writes it, and the short form before any parenthesis.
            for name in {partner.name.en, partner.name.en.split(" (")[0]}:
                assert name not in text, name
            assert re.search(rf"(?<![\w-]){re.escape(partner.id)}(?![\w-])", text) is None

    def test_the_header_lists_all_twenty_one_deliberate_gaps(self) -> None:
        numbers = {int(n) for n in re.findall(r"^#\s+(\d+)\. ", self.header(), re.MULTILINE)}
        assert numbers == set(range(1, 22))

    def test_emails_are_only_at_reserved_example_domains(self, coalition: Coalition) -> None:
        emails = [r.email for m in coalition.members for r in m.representatives if r.email]
        assert emails
        assert all(e.rsplit("@", 1)[1] in {"example.org", "example.net"} for e in emails)
        in_text = re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", demo_text())
        assert set(in_text) <= {"example.org", "example.net"}

    def test_invented_organizations_are_marked_demo(self, coalition: Coalition) -> None:
        generic = {p.id for p in BASE_DOCUMENT.partners if p.generic}
        invented = [o for o in coalition.organizations if o.partner is None or o.partner in generic]
        assert invented
        assert all("(demo)" in o.name for o in invented)


class TestCoverage:
    def test_the_charters_role_holder_is_a_member(self, coalition: Coalition) -> None:
        members = {m.organization for m in coalition.members_on(DEMO_AS_OF)}
        assert "icmec" in members

    def test_the_generic_partners_are_fictional_organizations_of_their_sector(
        self, coalition: Coalition
    ) -> None:
        generic = {p.id: p for p in BASE_DOCUMENT.partners if p.generic}
        linked = [o for o in coalition.organizations if o.partner in generic]
        assert {o.partner for o in linked} == set(generic)
        for organization in linked:
            assert "(demo)" in organization.name
            assert organization.sector is generic[str(organization.partner)].sector

    def test_some_expected_partners_have_not_joined(self, coalition: Coalition) -> None:
        members = {m.organization for m in coalition.members}
        outside = [o.id for o in coalition.organizations if o.id not in members]
        assert len(outside) >= 5
        assert 18 <= len(members) <= 25

    def test_the_charter_working_groups_and_later_ones_exist(self, coalition: Coalition) -> None:
        ids = {w.id for w in coalition.working_groups}
        assert {w.id for w in BASE_DOCUMENT.working_groups} <= ids
        assert len(ids) >= 5

    def test_icmec_holds_the_secretariat_and_the_chair_since_2016(
        self, coalition: Coalition
    ) -> None:
        for role in ("secretariat", "chair"):
            holders = [r for r in coalition.roles if r.role == role and r.holds_on(DEMO_AS_OF)]
            assert [(r.organization, r.unit, r.since.year) for r in holders] == [
                ("icmec", "ICMEC LAC", 2016)
            ]

    def test_proposals_are_in_at_least_five_states(self, coalition: Coalition) -> None:
        assert len({p.state for p in coalition.proposals}) >= 5

    def test_every_working_group_reports_every_quarter_but_one(self, coalition: Coalition) -> None:
        missing = [
            (w.id, q.year, q.quarter)
            for w in coalition.working_groups
            for q in quarters(FIRST_QUARTER, LAST_QUARTER)
            if coalition.report(w.id, q.year, q.quarter) is None
        ]
        assert missing == [MISSING_REPORT]

    def test_participation_covers_the_last_24_months(self, coalition: Coalition) -> None:
        months = {p.month for p in coalition.participation}
        assert min(months) == Month(2024, 11)
        assert max(months) == Month(2026, 10)
        assert len(months) == 24

    def test_strategic_plans_cover_2016_to_2030(self, coalition: Coalition) -> None:
        plans = coalition.plans
        assert all(plans.strategic_plan_for(year) is not None for year in range(2016, 2031))
        assert all(plans.operational_plan_for(year) is not None for year in range(2016, 2027))

    def test_attendees_were_members_on_the_day(self, coalition: Coalition) -> None:
        for meeting in coalition.meetings:
            for attendee in meeting.attendees:
                assert coalition.member(attendee).is_member_on(meeting.date), meeting.id


class TestDeliberateMemberGaps:
    def test_gap_1_exactly_one_member_has_no_written_subscription(
        self, coalition: Coalition
    ) -> None:
        found = members_where(coalition, lambda m: m.charter_subscription is None)
        assert found == [GAP_MEMBERS[1]]

    def test_gap_2_exactly_one_member_is_not_listed_in_materials(
        self, coalition: Coalition
    ) -> None:
        assert members_where(coalition, lambda m: not m.listed_in_materials) == [GAP_MEMBERS[2]]

    def test_gap_3_exactly_one_member_has_no_representative(self, coalition: Coalition) -> None:
        assert members_where(coalition, lambda m: not m.representatives) == [GAP_MEMBERS[3]]

    def test_gap_4_exactly_one_member_has_only_junior_representatives(
        self, coalition: Coalition
    ) -> None:
        found = members_where(
            coalition, lambda m: m.representatives and not has_middle_level_representative(m)
        )
        assert found == [GAP_MEMBERS[4]]
        (only,) = coalition.member(GAP_MEMBERS[4]).representatives
        assert only.level is RepresentativeLevel.JUNIOR

    def test_gap_5_exactly_one_member_attended_no_meeting_in_the_last_12_months(
        self, coalition: Coalition
    ) -> None:
        found = members_where(coalition, lambda m: not attended_recently(coalition, m.id))
        assert found == [GAP_MEMBERS[5]]
        assert coalition.meetings_attended_by(GAP_MEMBERS[5])  # it did attend earlier ones

    def test_gap_6_exactly_one_member_is_in_three_working_groups(
        self, coalition: Coalition
    ) -> None:
        assert members_where(coalition, lambda m: len(m.working_groups) > 2) == [GAP_MEMBERS[6]]
        assert len(coalition.member(GAP_MEMBERS[6]).working_groups) == 3

    def test_gap_7_exactly_one_member_is_in_no_working_group(self, coalition: Coalition) -> None:
        assert members_where(coalition, lambda m: not m.working_groups) == [GAP_MEMBERS[7]]

    def test_gap_8_exactly_one_member_averages_under_4_hours(self, coalition: Coalition) -> None:
        def under(m: Member) -> bool:
            hours = average_hours(coalition, m.id)
            return hours is not None and hours < 4

        assert members_where(coalition, under) == [GAP_MEMBERS[8]]

    def test_gap_9_exactly_one_member_has_no_participation_records(
        self, coalition: Coalition
    ) -> None:
        found = members_where(coalition, lambda m: not coalition.participation_of(m.id))
        assert found == [GAP_MEMBERS[9]]

    def test_gap_10_exactly_one_member_has_no_track_record(self, coalition: Coalition) -> None:
        assert members_where(coalition, lambda m: not m.track_record) == [GAP_MEMBERS[10]]

    def test_gap_13_exactly_one_member_has_no_commitments(self, coalition: Coalition) -> None:
        assert members_where(coalition, lambda m: not m.commitments) == [GAP_MEMBERS[13]]

    def test_each_gap_member_carries_only_its_own_gap(self, coalition: Coalition) -> None:
        assert len(set(GAP_MEMBERS.values())) == len(GAP_MEMBERS)
        assert all(coalition.member(m).is_active_on(DEMO_AS_OF) for m in GAP_MEMBERS.values())


class TestDeliberateStructuralGaps:
    def test_gap_11_exactly_one_later_working_group_was_formed_without_consultation(
        self, coalition: Coalition
    ) -> None:
        charter_groups = {w.id for w in BASE_DOCUMENT.working_groups}
        later = [w for w in coalition.working_groups if w.id not in charter_groups]
        unconsulted = [(w.id, w.formed.year) for w in later if w.consulted is None]
        assert unconsulted == [("legislative-monitoring", 2023)]
        assert any(w.consulted is not None for w in later)

    def test_gap_12_exactly_the_2024_operational_plan_was_never_assessed(
        self, coalition: Coalition
    ) -> None:
        past = [p for p in coalition.plans.operational if p.year < DEMO_AS_OF.year]
        assert [p.year for p in past if p.assessed is None] == [2024]
        assert all(p.assessment for p in past if p.year != 2024)

    def test_gap_14_exactly_one_quarterly_report_is_missing(self, coalition: Coalition) -> None:
        group, year, quarter = MISSING_REPORT
        assert coalition.report(group, year, quarter) is None
        assert coalition.report(group, year, quarter - 1) is not None

    def test_gap_15_exactly_one_report_was_submitted_late(self, coalition: Coalition) -> None:
        due = timedelta(days=BASE_DOCUMENT.parameters.report_due_days)
        late = [
            (r.working_group, r.year, r.quarter)
            for r in coalition.reports
            if r.submitted is None or r.submitted > r.period.last_day + due
        ]
        assert late == [LATE_REPORT]

    def test_gap_16_exactly_one_activity_is_tied_to_no_policy_goal(
        self, coalition: Coalition
    ) -> None:
        found = [
            (r.working_group, r.year, r.quarter)
            for r in coalition.reports
            for a in r.activities
            if not a.goals
        ]
        assert found == [("prevention-awareness", 2025, 2)]

    def test_gap_17_exactly_one_meetings_minutes_were_never_circulated(
        self, coalition: Coalition
    ) -> None:
        uncirculated = [
            m.id for m in coalition.meetings if m.minutes is None or m.minutes.circulated is None
        ]
        assert uncirculated == ["private-sector-2025-05"]

    def test_gap_18_only_2020_had_fewer_than_two_coalition_meetings(
        self, coalition: Coalition
    ) -> None:
        dates = [m.date for m in coalition.meetings if m.kind in COALITION_KINDS]
        years = range(min(dates).year, DEMO_AS_OF.year + 1)
        short = [y for y in years if sum(d.year == y for d in dates) < 2]
        assert short == [2020]

    def test_gap_18_outside_2020_every_12_consecutive_months_hold_two_coalition_meetings(
        self, coalition: Coalition
    ) -> None:
        months = [Month.of(m.date) for m in coalition.meetings if m.kind in COALITION_KINDS]
        start, last_start = min(months), Month.of(DEMO_AS_OF).minus(12)
        short = []
        while start <= last_start:
            end = start.minus(-11)
            if sum(start <= month <= end for month in months) < 2:
                short.append(start)
            start = start.next()
        assert short
        assert all(start.year <= 2020 <= start.minus(-11).year for start in short)

    def test_gap_19_exactly_2022_has_no_annual_report(self, coalition: Coalition) -> None:
        reported = {d.year for d in coalition.documents if d.kind is DocumentKind.ANNUAL_REPORT}
        assert [y for y in range(2016, DEMO_AS_OF.year) if y not in reported] == [2022]

    def test_gap_20_exactly_one_proposal_was_approved_without_sharing_or_discussion(
        self, coalition: Coalition
    ) -> None:
        approved = [p for p in coalition.proposals if p.state is ProposalState.APPROVED]
        skipped = [
            p.id
            for p in approved
            if not {ProposalEventKind.SHARE, ProposalEventKind.DISCUSS} <= set(events(p))
        ]
        assert skipped == ["annual-awareness-award"]
        assert events(coalition.proposal("annual-awareness-award")) == [
            ProposalEventKind.SUBMIT,
            ProposalEventKind.APPROVE,
        ]

    def test_gap_21_exactly_one_proposal_was_returned_without_recommendations(
        self, coalition: Coalition
    ) -> None:
        returned = [
            p
            for p in coalition.proposals
            if ProposalEventKind.RETURN_WITH_RECOMMENDATIONS in events(p)
        ]
        assert len(returned) >= 2
        assert [p.id for p in returned if not p.recommendations] == ["regional-helpline-directory"]


class TestEverythingElseIsClean:
    def test_at_least_ten_members_carry_no_gap(self, clean_members: list[Member]) -> None:
        assert len(clean_members) >= 10

    def test_members_without_a_gap_are_active(self, clean_members: list[Member]) -> None:
        assert all(m.is_active_on(DEMO_AS_OF) for m in clean_members)

    def test_members_without_a_gap_subscribed_in_writing_and_list_clac(
        self, clean_members: list[Member]
    ) -> None:
        for member in clean_members:
            assert member.charter_subscription is not None, member.id
            assert member.charter_subscription.signed < DEMO_AS_OF
            assert member.listed_in_materials, member.id

    def test_members_without_a_gap_have_a_middle_level_representative(
        self, clean_members: list[Member]
    ) -> None:
        assert all(has_middle_level_representative(m) for m in clean_members)

    def test_members_without_a_gap_attended_a_meeting_in_the_last_12_months(
        self, coalition: Coalition, clean_members: list[Member]
    ) -> None:
        assert all(attended_recently(coalition, m.id) for m in clean_members)

    def test_members_without_a_gap_are_in_one_or_two_working_groups(
        self, clean_members: list[Member]
    ) -> None:
        assert all(1 <= len(m.working_groups) <= 2 for m in clean_members)

    def test_members_without_a_gap_give_4_to_7_hours_every_month(
        self, coalition: Coalition, clean_members: list[Member]
    ) -> None:
        for member in clean_members:
            hours = {p.month: p.hours for p in coalition.participation_of(member.id)}
            assert set(LAST_12_MONTHS) <= set(hours), member.id
            assert all(4 <= h <= 7 for h in hours.values()), member.id
            average = average_hours(coalition, member.id)
            assert average is not None
            assert 4 <= average <= 7

    def test_members_without_a_gap_have_a_track_record_and_commitments(
        self, clean_members: list[Member]
    ) -> None:
        for member in clean_members:
            assert member.track_record, member.id
            assert member.commitments, member.id
            assert all(c.target and c.indicators for c in member.commitments), member.id

    def test_every_other_meetings_minutes_circulated_within_ten_days(
        self, coalition: Coalition
    ) -> None:
        for meeting in coalition.meetings:
            if meeting.minutes is None or meeting.minutes.circulated is None:
                continue
            assert meeting.minutes.document is not None
            assert meeting.minutes.circulated - meeting.date <= timedelta(days=10), meeting.id

    def test_coalition_meetings_are_organized_by_icmec(self, coalition: Coalition) -> None:
        organizers = {m.organizer for m in coalition.meetings if m.kind in COALITION_KINDS}
        assert organizers == {"icmec"}

    def test_proposals_are_discussed_at_regional_meetings_of_icmec(
        self, coalition: Coalition
    ) -> None:
        discussed = [
            e.meeting
            for p in coalition.proposals
            for e in p.history
            if e.event is ProposalEventKind.DISCUSS
        ]
        assert discussed
        for meeting_id in discussed:
            assert meeting_id is not None
            meeting = coalition.meeting(meeting_id)
            assert (meeting.kind, meeting.organizer) == (MeetingKind.REGIONAL, "icmec")

    def test_every_recommendation_is_tied_to_an_objective_or_goal(
        self, coalition: Coalition
    ) -> None:
        recommendations = [r for p in coalition.proposals for r in p.recommendations]
        assert recommendations
        assert all(r.objective or r.goal for r in recommendations)

    def test_every_report_has_all_three_sections(self, coalition: Coalition) -> None:
        for report in coalition.reports:
            assert report.activities
            assert report.policies
            assert report.legislative_advances

    def test_the_strategic_plans_target_every_policy_goal(self, coalition: Coalition) -> None:
        goals = {g.id for g in BASE_DOCUMENT.policy_goals}
        for plan in coalition.plans.strategic:
            assert {t.goal for t in plan.targets} == goals
            assert all(t.indicators for t in plan.targets)


class TestDemoFiles:
    """``clac demo --output`` keeps the fictional-data notice in every format it writes."""

    @pytest.mark.parametrize("suffix", ["yaml", "toml"])
    def test_the_written_file_starts_with_the_fictional_data_header(
        self, tmp_path: Path, suffix: str
    ) -> None:
        target = tmp_path / f"demo.{suffix}"
        result = CliRunner().invoke(cli, ["demo", "--output", str(target)])
        assert result.exit_code == 0, result.output
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# CLAC demonstration registry")
        assert "# FICTIONAL DATA." in text.split("\n\n")[0]
        assert "The one real name is ICMEC" in text
        assert clac.load(target) == demo()

    def test_json_has_no_comments_so_the_name_says_it(self, tmp_path: Path) -> None:
        target = tmp_path / "demo.json"
        assert CliRunner().invoke(cli, ["demo", "--output", str(target)]).exit_code == 0
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["name"] == "CLAC demonstration (FICTIONAL DATA)"
        assert clac.load(target) == demo()

    def test_every_format_carries_the_notice_in_the_coalitions_name(self) -> None:
        assert "FICTIONAL DATA" in demo().name
        for fmt in ("yaml", "json", "toml"):
            assert "FICTIONAL DATA" in clac.loads(demo_file_text(fmt), fmt).name

    def test_the_yaml_file_is_the_packages_own_text(self) -> None:
        assert demo_file_text("yaml") == demo_text()


class TestTheDemoKeepsItsDay:
    """The built-in demo and a demo file written by ``clac demo -o`` give the same result
    however they are run, whatever the day: both are read as of the demo's own day."""

    @pytest.mark.parametrize("suffix", ["yaml", "json", "toml"])
    def test_a_written_demo_is_checked_on_the_demos_day_like_the_built_in_one(
        self, tmp_path: Path, suffix: str
    ) -> None:
        path = tmp_path / f"demo.{suffix}"
        assert CliRunner().invoke(cli, ["demo", "-o", str(path)]).exit_code == 0
        built_in = CliRunner().invoke(cli, ["check", "--format", "json"])
        written = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
        assert written.exit_code == built_in.exit_code == 1
        assert json.loads(written.stdout)["as_of"] == DEMO_AS_OF.isoformat()
        assert json.loads(written.stdout)["findings"] == json.loads(built_in.stdout)["findings"]
        assert f"holds the demo coalition: assessing it as of {DEMO_AS_OF}" in written.stderr

    @pytest.mark.parametrize(
        "command",
        [
            ["report", "annual", "--year", "2025"],
            ["calendar"],
            ["gaps", "-f", "mnr"],
            ["proposal", "show", "hotline-peer-mentoring"],
        ],
        ids=["report", "calendar", "gaps", "proposal"],
    )
    def test_every_dated_command_reads_a_written_demo_as_the_built_in_one(
        self, tmp_path: Path, command: list[str]
    ) -> None:
        path = tmp_path / "demo.yaml"
        assert CliRunner().invoke(cli, ["demo", "-o", str(path)]).exit_code == 0
        built_in = CliRunner().invoke(cli, command)
        written = CliRunner().invoke(cli, [*command, str(path)])
        assert built_in.exit_code == written.exit_code == 0, written.output
        assert written.stdout_bytes == built_in.stdout_bytes

    def test_as_of_still_chooses_another_day(self, tmp_path: Path) -> None:
        path = tmp_path / "demo.yaml"
        assert CliRunner().invoke(cli, ["demo", "-o", str(path)]).exit_code == 0
        result = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2025-06-30"])
        assert result.stdout.splitlines()[0].endswith("on 2025-06-30 (charter v1)")
        assert "assessing it as of" not in result.stderr

    def test_a_registry_with_another_name_is_read_as_of_today(self, tmp_path: Path) -> None:
        path = tmp_path / "mine.yaml"
        path.write_text(
            demo_text().replace("name: CLAC demonstration (FICTIONAL DATA)", "name: My coalition"),
            encoding="utf-8",
        )
        before = date.today().isoformat()
        result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
        assert json.loads(result.stdout)["as_of"] in {before, date.today().isoformat()}
