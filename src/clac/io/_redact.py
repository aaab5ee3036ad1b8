"""Personal data in a registry, and how to leave it out of what clac exports."""

from __future__ import annotations

from typing import Final

import attrs

from clac.registry import Coalition

__all__ = ["REDACTED", "redact"]

#: What a redacted representative's name becomes.
REDACTED: Final = "[redacted]"


def redact(coalition: Coalition) -> Coalition:
    """``coalition`` without personal data: every representative's name replaced by
    ``"[redacted]"`` and every e-mail address dropped; and without what one member said of
    another: the trust and value ratings of its partnership survey are dropped (the reported
    ties, their frequency, collaboration, resources and goals stay).

    The registry file (:func:`clac.io.dump`) keeps personal data, since it is the record the
    Secretariat maintains. **Every other export** — reports, graphs, CSV, JSON for a dashboard,
    anything shared — must redact by default and include personal data only when asked to
    explicitly; call this function to do it.
    """
    members = tuple(
        attrs.evolve(
            member,
            representatives=tuple(
                attrs.evolve(representative, name=REDACTED, email=None)
                for representative in member.representatives
            ),
        )
        for member in coalition.members
    )
    survey = tuple(answer.without_ratings() for answer in coalition.survey)
    return coalition.evolve(members=members, survey=survey)
