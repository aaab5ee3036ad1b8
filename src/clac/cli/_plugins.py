"""What the commands that load plugins share: the rule time budget option, and one exit for
a plugin that is broken.

A plugin that fails to load (an import that raises, ``sys.exit`` on import, an entry point
offering something other than rules, a rule id that is taken) would otherwise leave its rules
out of every verdict without a word, and a ``clac check`` that says nothing and exits 0 reads as
"every required rule met". So each problem is one ``clac: plugin NAME …`` line on stderr and
the command exits with status 3, before it prints a result.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

import click
from click.core import ParameterSource

from clac._escape import terminal
from clac.cli._common import EXIT_INTERNAL

__all__ = ["RULE_TIMEOUT_OPTION", "RULE_TIMEOUT_VARIABLE", "refuse_broken_plugins", "rule_timeout"]

#: The environment variable ``--rule-timeout`` defaults to.
RULE_TIMEOUT_VARIABLE = "CLAC_RULE_TIMEOUT"

_RULE_TIMEOUT = "clac.rule_timeout"


def _remember_rule_timeout(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is None:
        return
    from clac.errors import ClacError
    from clac.rules._budget import checked_timeout

    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    try:
        ctx.meta[_RULE_TIMEOUT] = checked_timeout(number)
    except ClacError:
        source = ctx.get_parameter_source(param.name or "")
        given = f" (from {RULE_TIMEOUT_VARIABLE})" if source is ParameterSource.ENVIRONMENT else ""
        raise click.BadParameter(
            f"{value!r}{given} is not a number of seconds, 0 or more (0: no limit)", ctx, param
        ) from None


RULE_TIMEOUT_OPTION = click.option(
    "--rule-timeout",
    type=str,
    envvar=RULE_TIMEOUT_VARIABLE,
    expose_value=False,
    callback=_remember_rule_timeout,
    metavar="SECONDS",
    help="Stop a plugin's rule that has not decided one subject within SECONDS (an 'error' "
    f"finding; the run goes on) [default: 3; 0: no limit; env {RULE_TIMEOUT_VARIABLE}].",
)


def rule_timeout() -> float | None:
    """The budget of one call of a plugin rule: ``--rule-timeout``, ``CLAC_RULE_TIMEOUT``,
    else the default (:data:`clac.rules._budget.DEFAULT_RULE_TIMEOUT`)."""
    from clac.rules._budget import DEFAULT_RULE_TIMEOUT

    context = click.get_current_context(silent=True)
    if context is None or _RULE_TIMEOUT not in context.meta:  # meta: one for every context
        return DEFAULT_RULE_TIMEOUT
    value: float | None = context.meta[_RULE_TIMEOUT]
    return value


def refuse_broken_plugins(problems: Iterable[str]) -> None:
    """Leave with exit status 3 after one ``clac: …`` line per problem of the plugins (the
    ``errors`` of a catalogue), if there is any."""
    shown = [f"clac: {terminal(' '.join(problem.split()))}" for problem in problems]
    if not shown:
        return
    for line in shown:
        click.echo(line, err=True)
    sys.exit(EXIT_INTERNAL)
