"""The three sections of a Working Group's quarterly report (Reporting, items 3-5)."""

from __future__ import annotations

import enum

from clac.text import Text

__all__ = ["ReportSection"]


class ReportSection(enum.StrEnum):
    """What a quarterly report must tell, in the order the Base Document numbers it."""

    ACTIVITIES = "activities"
    POLICIES = "policies"
    LEGISLATIVE_ADVANCES = "legislative-advances"

    @property
    def label(self) -> Text:
        """A short heading for the section (clac's words)."""
        return _LABELS[self]

    @property
    def number(self) -> int:
        """The section's number in the document's list, 1 to 3."""
        return list(ReportSection).index(self) + 1

    @property
    def item(self) -> int:
        """The section's clause item within Reporting (items 3 to 5)."""
        return self.number + 2


_LABELS = {
    ReportSection.ACTIVITIES: Text("Activities", "Actividades", pt="Atividades"),
    ReportSection.POLICIES: Text("Policies", "Políticas", pt="Políticas"),
    ReportSection.LEGISLATIVE_ADVANCES: Text(
        "Legislative advances", "Avances legislativos", pt="Avanços legislativos"
    ),
}
