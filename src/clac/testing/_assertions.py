"""Assertions on one rule's findings, for test suites: `assert_met`, `assert_unmet` and
`assert_outcome`, whose failure names the rule, the subject, the facts and the clause."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from clac._compact import compact
from clac.registry import Coalition
from clac.rules import CATALOGUE, Finding, Outcome, Rule, SubjectKind, evaluate

# The registry's list holding each kind of subject, and how to look one up.
_RECORDS: dict[SubjectKind, tuple[str, Callable[[Coalition, str], Any]]] = {
    SubjectKind.MEMBER: ("members[]", Coalition.member),
    SubjectKind.WORKING_GROUP: ("working_groups[]", Coalition.working_group),
    SubjectKind.PROPOSAL: ("proposals[]", Coalition.proposal),
    SubjectKind.MEETING: ("meetings[]", Coalition.meeting),
}


def _rule(rule: Rule | str) -> Rule:
    return rule if isinstance(rule, Rule) else CATALOGUE.get(rule)


def _recorded(coalition: Coalition, rule: Rule, subject: str) -> list[str]:
    """What the registry holds, for `subject`, in each field the rule reads."""
    lines = []
    collection, lookup = _RECORDS.get(rule.applies_to, ("", None))
    for fact in rule.facts:
        if lookup is None or not fact.startswith(collection + "."):
            lines.append(f"    {fact}")
            continue
        field = fact.removeprefix(collection + ".").split(".")[0].split("[")[0]
        try:
            value = getattr(lookup(coalition, subject), field)
        except (LookupError, AttributeError, ValueError):
            lines.append(f"    {fact}: not recorded")
            continue
        lines.append(f"    {fact}: {compact(value)}")
    return lines


_SHOWN = 5
"""Findings shown in a failure's message (the rest are counted)."""


def _explain(  # noqa: PLR0917 - what the message says, in order
    coalition: Coalition,
    rule: Rule,
    wanted: str,
    as_of: date,
    subject: str | None,
    findings: list[Finding],
) -> str:
    who = "any subject" if subject is None else f"{rule.applies_to.value} {subject!r}"
    lines = [
        f"{rule.id} ({rule.title.en}) is not {wanted} for {who} as of {as_of.isoformat()}",
        f"  clause: {rule.clause.ref} — {rule.clause.text.en}",
    ]
    if not findings:
        lines.append(f"  no finding: the coalition has no such {rule.applies_to.value}")
    for finding in findings[:_SHOWN]:
        lines.append(f"  {finding.subject}: {finding.outcome.value} — {finding.message.en}")
        if finding.evidence:
            lines.append("    evidence: " + ", ".join(str(f) for f in finding.evidence))
    if len(findings) > _SHOWN:
        lines.append(f"  … and {len(findings) - _SHOWN} more findings")
    if rule.facts:
        lines.append("  facts the rule reads" + (":" if subject is None else f", for {subject}:"))
        if subject is None:
            lines += [f"    {fact}" for fact in rule.facts]
        else:
            lines += _recorded(coalition, rule, subject)
    return "\n".join(lines)


def assert_outcome(
    coalition: Coalition,
    rule: Rule | str,
    outcome: Outcome | str,
    *,
    as_of: date,
    subject: str | None = None,
) -> tuple[Finding, ...]:
    """Assert that `rule` (an id such as `"MEM-05"`, or a `Rule`) finds `outcome` as of
    `as_of`: for `subject` (a member's organization id, a working group's id …), or, without
    a subject, for at least one subject. Returns the findings that have it.

    Raises:
        AssertionError: When no finding has the outcome. The message names the rule and its
            title, the subject, the clause, each finding with its message and evidence, and
            the facts the rule reads with the values the registry holds for the subject.

    Examples:
        >>> import clac
        >>> from datetime import date
        >>> from clac.testing import assert_outcome
        >>> coalition = clac.Coalition(name="Red", records_since=date(2024, 1, 1))
        >>> found = assert_outcome(coalition, "GOV-01", "unmet", as_of=date(2024, 6, 30))
        >>> print(found[0].message.en)
        no one holds the Secretariat on 2024-06-30
    """
    checked = _rule(rule)
    wanted = Outcome(outcome)
    findings = list(evaluate(coalition, as_of, rules=[checked]).findings)
    if subject is not None:
        findings = [f for f in findings if f.subject.id == subject]
    matching = tuple(f for f in findings if f.outcome is wanted)
    if not matching:
        raise AssertionError(_explain(coalition, checked, wanted.value, as_of, subject, findings))
    return matching


def assert_met(
    coalition: Coalition, rule: Rule | str, *, as_of: date, subject: str | None = None
) -> tuple[Finding, ...]:
    """Assert that `rule` is met as of `as_of`: for `subject`, or, without a subject, for
    every subject it applies to (at least one). Returns the findings.

    Raises:
        AssertionError: Naming the rule, the subject, the clause, the findings and the facts
            the rule reads (see `assert_outcome`).

    Examples:
        >>> import clac
        >>> from datetime import date
        >>> from clac.testing import assert_met
        >>> coalition = clac.Coalition(name="Red", records_since=date(2024, 1, 1))
        >>> assert_met(coalition, "GOV-01", as_of=date(2024, 6, 30))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        AssertionError: GOV-01 (ICMEC holds the Secretariat) is not met for any subject as of ...
    """
    checked = _rule(rule)
    if subject is not None:
        return assert_outcome(coalition, checked, Outcome.MET, as_of=as_of, subject=subject)
    findings = list(evaluate(coalition, as_of, rules=[checked]).findings)
    if not findings or any(f.outcome is not Outcome.MET for f in findings):
        failing = [f for f in findings if f.outcome is not Outcome.MET]
        explained = _explain(coalition, checked, "met", as_of, None, failing)
        raise AssertionError(explained)
    return tuple(findings)


def assert_unmet(
    coalition: Coalition, rule: Rule | str, *, as_of: date, subject: str | None = None
) -> tuple[Finding, ...]:
    """Assert that `rule` is unmet as of `as_of`: for `subject`, or, without a subject, for at
    least one subject. Returns the unmet findings.

    Raises:
        AssertionError: Naming the rule, the subject, the clause, the findings and the facts
            the rule reads (see `assert_outcome`).
    """
    return assert_outcome(coalition, rule, Outcome.UNMET, as_of=as_of, subject=subject)
