"""What the charter asks of a Member (Membership), one requirement at a time."""

from __future__ import annotations

import attrs

from clac import _validators as v
from clac.charter._clause import Clause
from clac.charter._vocabulary import Severity
from clac.text import Text

__all__ = ["Requirement"]


@attrs.frozen
class Requirement:
    """One membership requirement, with how strongly the charter words it.

    ``text`` is the requirement in the document's words where one clause states it alone;
    ``condition_of_membership`` says whether an unmet requirement puts the membership itself
    in question (the required and expected ones) or only misses an encouraged contribution.
    Severities follow the English wording; the Spanish "deben" ("must") is recorded as a
    :class:`Divergence` on Membership, item 1.
    """

    id: str = attrs.field(validator=v.identifier)
    severity: Severity = attrs.field(validator=v.instance_of(Severity))
    text: Text = attrs.field(validator=v.instance_of(Text))
    clause: Clause = attrs.field(validator=v.instance_of(Clause), repr=False)
    condition_of_membership: bool = attrs.field(validator=v.instance_of(bool))
