"""Whether a registry's evidence names frameworks, items and outcomes clac knows.

The registry itself does not know the frameworks (it sits below them); this check runs where
the frameworks are used (every :func:`~clac.frameworks.evidence` read) and where a command loads
a registry, after any ``--framework-file`` is registered.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from clac.errors import CrossReferenceError, Problem
from clac.frameworks._catalogue import FRAMEWORKS
from clac.frameworks._framework import Framework
from clac.registry import Coalition

__all__ = ["check_references", "reference_problems"]


def reference_problems(
    coalition: Coalition, frameworks: Mapping[str, Framework] | None = None
) -> Iterator[Problem]:
    """Every assessment and legislative advance naming a framework, item or outcome that
    ``frameworks`` (default :data:`~clac.frameworks.FRAMEWORKS`) does not have."""
    cited = [
        (f"reports[{i}].legislative_advances[{j}].criteria[{k}]", criterion)
        for i, r in enumerate(coalition.reports)
        for j, advance in enumerate(r.legislative_advances)
        for k, criterion in enumerate(advance.criteria)
    ]
    if not coalition.assessments and not cited:
        return
    known = dict(FRAMEWORKS if frameworks is None else frameworks)
    choices = ", ".join(repr(k) for k in known)
    for i, a in enumerate(coalition.assessments):
        framework = known.get(a.framework)
        if framework is None:
            yield Problem(
                f"is not a framework clac knows (choose {choices})",
                path=f"assessments[{i}].framework",
                value=a.framework,
            )
        elif a.item not in framework.item_ids:
            yield Problem(
                f"is not an item of the framework {a.framework!r}",
                path=f"assessments[{i}].item",
                value=a.item,
            )
        elif a.outcome not in framework.outcomes:
            allowed = ", ".join(repr(o.value) for o in framework.outcomes)
            yield Problem(
                f"is not an outcome of the framework {a.framework!r} ({allowed})",
                path=f"assessments[{i}].outcome",
                value=a.outcome.value,
            )
    for path, criterion in cited:
        name, item = criterion.split("/", 1)
        if name not in known:
            yield Problem(
                f"names no framework clac knows (choose {choices})", path=path, value=criterion
            )
        elif item not in known[name].item_ids:
            yield Problem(f"is not an item of the framework {name!r}", path=path, value=criterion)


def check_references(
    coalition: Coalition, frameworks: Mapping[str, Framework] | None = None
) -> Coalition:
    """``coalition``, or :class:`~clac.errors.CrossReferenceError` listing every reference
    :func:`reference_problems` finds."""
    problems = list(reference_problems(coalition, frameworks))
    if problems:
        raise CrossReferenceError(problems=problems)
    return coalition
