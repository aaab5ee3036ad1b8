"""The CLAC Base Document as immutable, typed, bilingual data.

``BASE_DOCUMENT`` is the whole charter: every clause verbatim in English and Spanish
(:class:`Clause`, with a :class:`Divergence` where the two differ in substance), and the typed
elements read from it: objectives, principles, policy goals, working groups, partners, offices,
membership requirements, report sections and the numbers rules use (:class:`Parameters`).
Amend it with :meth:`Charter.amend`; :func:`source_text` is the document itself.

>>> from clac.charter import BASE_DOCUMENT, Section
>>> BASE_DOCUMENT.clause(Section.MEMBERSHIP, 3).ref
'Membership, item 3'
>>> BASE_DOCUMENT.policy_goal("PG-1").short.es
'Brechas y tendencias regionales'
"""

from clac.charter._amendment import Amendment
from clac.charter._base_document import BASE_DOCUMENT, BASE_DOCUMENT_EFFECTIVE, clauses_by_section
from clac.charter._charter import COALITION, Charter
from clac.charter._clause import Clause, Divergence
from clac.charter._goals import Objective, PolicyGoal, Principle
from clac.charter._membership import Requirement
from clac.charter._parameters import ASSUMPTIONS, Parameters
from clac.charter._partners import (
    LaterName,
    MatchKind,
    Partner,
    PartnerMatch,
    match_partner,
)
from clac.charter._reporting import ReportSection
from clac.charter._roles import ICMEC_LAC, Role, RoleDefinition, Unit
from clac.charter._source import normalize, source_text
from clac.charter._vocabulary import Section, Sector, Severity
from clac.charter._working_groups import WorkingGroupDefinition

__all__ = [
    "ASSUMPTIONS",
    "BASE_DOCUMENT",
    "BASE_DOCUMENT_EFFECTIVE",
    "COALITION",
    "ICMEC_LAC",
    "Amendment",
    "Charter",
    "Clause",
    "Divergence",
    "LaterName",
    "MatchKind",
    "Objective",
    "Parameters",
    "Partner",
    "PartnerMatch",
    "PolicyGoal",
    "Principle",
    "ReportSection",
    "Requirement",
    "Role",
    "RoleDefinition",
    "Section",
    "Sector",
    "Severity",
    "Unit",
    "WorkingGroupDefinition",
    "clauses_by_section",
    "match_partner",
    "normalize",
    "source_text",
]
