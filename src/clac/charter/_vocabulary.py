"""Closed vocabularies the Base Document defines: its sections, sectors and rule severities."""

from __future__ import annotations

import enum

from clac.text import Text

__all__ = ["Section", "Sector", "Severity"]


class Section(enum.StrEnum):
    """A section of the Base Document, in the order the document has them."""

    INTRODUCTION = "introduction"
    GUIDING_PRINCIPLES = "guiding-principles"
    POLICY_GOALS = "policy-goals"
    STRUCTURE_AND_GOVERNANCE = "structure-and-governance"
    REPORTING = "reporting"
    MEMBERSHIP = "membership"
    PROPOSED_STRUCTURE = "proposed-structure"

    @property
    def title(self) -> Text:  # type: ignore[override]  # a section's title is its heading
        """The section heading as the document prints it in each language.

        This shadows ``str.title`` on purpose: for a section, "title" means its heading.
        """
        return _SECTION_TITLES[self]


_SECTION_TITLES = {
    Section.INTRODUCTION: Text("Introduction", "Introducción"),
    Section.GUIDING_PRINCIPLES: Text("Guiding Principles", "Principios Generales"),
    Section.POLICY_GOALS: Text("Policy Goals", "Objetivos de Políticas Públicas"),
    Section.STRUCTURE_AND_GOVERNANCE: Text("Structure and Governance", "Estructura y Organización"),
    Section.REPORTING: Text("Reporting", "Reportes"),
    Section.MEMBERSHIP: Text("Membership", "Miembros (Afiliación)"),
    Section.PROPOSED_STRUCTURE: Text("Proposed Structure", "Estructura Propuesta"),
}


class Sector(enum.StrEnum):
    """A sector of the coalition, as the Proposed Structure groups its expected partners.

    ``GOVERNMENT`` is not a heading of the Proposed Structure, but the Introduction names
    government among the leaders CLAC brings together and Membership asks for outreach within
    governments, so a government member has a sector of its own. ``INTERGOVERNMENTAL`` is not a
    heading either: organizations of states such as INTERPOL, the OAS, the ITU or UNODC are
    neither a "regional network" nor "law enforcement", though the Proposed Structure lists
    some under those headings; an organization may carry both (see
    :attr:`clac.model.Organization.sectors`).
    """

    PRIVATE_SECTOR = "private-sector"
    NGO = "ngo"
    HOTLINE = "hotline"
    REGIONAL_NETWORK = "regional-network"
    UN_AGENCY = "un-agency"
    LAW_ENFORCEMENT = "law-enforcement"
    ACADEMIC = "academic"
    GOVERNMENT = "government"
    INTERGOVERNMENTAL = "intergovernmental"

    @property
    def label(self) -> Text:
        """The sector's name as the Base Document writes it."""
        return _SECTOR_LABELS[self]


_SECTOR_LABELS = {
    Sector.PRIVATE_SECTOR: Text("Private Sector", "Sector Privado", pt="Setor Privado"),
    Sector.NGO: Text("NGOs", "ONGs", pt="ONGs"),
    Sector.HOTLINE: Text("Hotlines", "Líneas de Denuncia", pt="Canais de Denúncia"),
    Sector.REGIONAL_NETWORK: Text(
        "Regional Agencies/Networks", "Redes/Agencias Regionales", pt="Redes/Agências Regionais"
    ),
    Sector.UN_AGENCY: Text("UN Agencies", "Agencias de la ONU", pt="Agências da ONU"),
    Sector.LAW_ENFORCEMENT: Text(
        "Law Enforcement Agencies", "Agencias de Investigación", pt="Agências de Investigação"
    ),
    Sector.ACADEMIC: Text("Academic Sector", "Sector Académico", pt="Setor Acadêmico"),
    Sector.GOVERNMENT: Text("Government", "Gobierno", pt="Governo"),
    Sector.INTERGOVERNMENTAL: Text(
        "Intergovernmental Organizations",
        "Organismos Intergubernamentales",
        pt="Organismos Intergovernamentais",
    ),
}


class Severity(enum.StrEnum):
    """How strongly the charter words a duty (see DESIGN.md, "Rule ids").

    ``REQUIRED``: shall / must / commit. ``EXPECTED``: requested / will.
    ``ENCOURAGED``: whenever possible / welcome.
    """

    REQUIRED = "required"
    EXPECTED = "expected"
    ENCOURAGED = "encouraged"
