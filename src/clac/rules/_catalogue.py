"""The catalogue of rules: clac's own and those plugins add through the ``clac.rules``
entry-point group."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from clac._plugins import load_plugins
from clac.charter import BASE_DOCUMENT, Section, Severity
from clac.errors import InvalidData, UnknownReference
from clac.rules._engine import Check, Rule, SubjectKind
from clac.text import Text

__all__ = ["CATALOGUE", "ENTRY_POINT_GROUP", "Catalogue", "rule"]

ENTRY_POINT_GROUP = "clac.rules"

# Built-in rule modules, one per family.
_BUILTIN_MODULES = (
    "clac.rules.membership",
    "clac.rules.governance",
    "clac.rules.policy",
    "clac.rules.proposals",
    "clac.rules.reporting",
)


def rule(
    id: str,  # noqa: A002 - a rule's id is its public name
    *,
    clause: tuple[Section, int],
    severity: Severity | str,
    applies_to: SubjectKind | str,
    title: Text,
    explanation: Text,
    parameters: Iterable[str] = (),
    source: str = "clac",
    assumption: Text | None = None,
    facts: Iterable[str] = (),
) -> Callable[[Check], Rule]:
    """Make a :class:`Rule` of the decorated check function.

    ``clause`` is ``(section, item)`` of the Base Document; an unknown clause or an unknown
    parameter name is refused at once, so a rule cannot cite what the charter does not say.
    ``assumption`` states what the rule takes from clac rather than from the charter (a reading
    the charter does not spell out), so that every finding of it says so. ``facts`` are the
    registry fields the rule reads, as paths of the registry file (``members[].track_record``):
    what a secretariat must record for the rule to decide (docs/rules.md lists them).
    """
    section, item = clause
    cited = BASE_DOCUMENT.clause(Section(section), item)
    names = tuple(parameters)
    known = set(attrs.fields_dict(type(BASE_DOCUMENT.parameters)))
    for name in names:
        if name not in known:
            raise InvalidData("is not a charter parameter", path=f"{id}.parameters", value=name)

    def decorate(check: Check) -> Rule:
        return Rule(
            id=id,
            clause=cited,
            severity=Severity(severity),
            title=title,
            explanation=explanation,
            applies_to=SubjectKind(applies_to),
            check=check,
            parameters=names,
            source=source,
            assumption=assumption,
            facts=tuple(facts),
        )

    return decorate


class Catalogue(Sequence[Rule]):
    """Every rule, built-in first, then plugins; loaded on first use.

    ``errors`` lists plugins that could not be loaded (the rest still work).
    """

    def __init__(self) -> None:
        self._rules: tuple[Rule, ...] | None = None
        self._errors: tuple[str, ...] = ()
        self._registered: dict[str, Rule] = {}
        self._all: tuple[Rule, ...] | None = None  # the loaded rules, then the registered ones

    @property
    def errors(self) -> tuple[str, ...]:
        """Problems with plugins, one line each (loads the catalogue first, like every view)."""
        self._load()
        return self._errors

    def _load(self) -> tuple[Rule, ...]:
        if self._rules is None:
            rules: list[Rule] = []
            for name in _BUILTIN_MODULES:
                rules.extend(_rules_in(importlib.import_module(name)))
            plugin_rules, errors = _plugin_rules()
            seen = {r.id for r in rules}
            problems = list(errors)
            for r in plugin_rules:
                if r.id in seen:
                    problems.append(
                        f"plugin {r.source}: rule {r.id} repeats an existing rule id "
                        "and is left out"
                    )
                    continue
                seen.add(r.id)
                rules.append(r)
            self._rules, self._errors = tuple(rules), tuple(problems)
            self._all = None
        if self._all is None:
            self._all = (*self._rules, *self._registered.values())
        return self._all

    def register(self, new_rule: Rule) -> Rule:
        """Add ``new_rule`` for this process, after the built-in and plugin rules.

        For a notebook or a test: ``clac check`` and every :func:`evaluate` then apply it.
        A rule whose id is already taken is refused with :class:`~clac.errors.InvalidData`.
        The rule is returned, so ``register`` can wrap the ``@rule(...)`` decorator.
        """
        if not isinstance(new_rule, Rule):
            raise InvalidData(
                "must be a clac Rule (see clac.rules.rule)", path="rule", value=new_rule
            )
        if any(r.id == new_rule.id for r in self._load()):
            raise InvalidData("is already a rule id", path="rule.id", value=new_rule.id)
        self._registered[new_rule.id] = new_rule
        self._all = None
        return new_rule

    def unregister(self, rule_id: str) -> None:
        """Remove a rule added with :meth:`register` (built-in and plugin rules stay)."""
        if rule_id not in self._registered:
            raise UnknownReference("was not registered at run time", path="rule", value=rule_id)
        del self._registered[rule_id]
        self._all = None

    def reload(self) -> None:
        """Forget the loaded plugin rules (after installing or removing a plugin); rules added
        with :meth:`register` stay."""
        self._rules = None
        self._errors = ()

    def get(self, rule_id: str) -> Rule:
        """The rule with ``rule_id``."""
        for r in self._load():
            if r.id == rule_id:
                return r
        raise UnknownReference("is not a rule of the catalogue", path="rule", value=rule_id)

    def family(self, prefix: str) -> tuple[Rule, ...]:
        """Rules whose id starts with ``prefix`` (MEM, GOV, PRO, REP, POL …)."""
        return tuple(r for r in self._load() if r.family == prefix)

    @overload
    def __getitem__(self, index: int) -> Rule: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Rule]: ...
    def __getitem__(self, index: int | slice) -> Rule | Sequence[Rule]:
        return self._load()[index]

    def __len__(self) -> int:
        return len(self._load())

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._load())

    def __repr__(self) -> str:
        return f"<Catalogue of {len(self)} rules>"


def _rules_in(module: Any) -> list[Rule]:
    return [value for value in vars(module).values() if isinstance(value, Rule)]


def _plugin_rules() -> tuple[list[Rule], list[str]]:
    found, errors = load_plugins(ENTRY_POINT_GROUP, Rule, in_module=_rules_in)
    return [attrs.evolve(r, source=source) for source, r in found], errors


CATALOGUE = Catalogue()
