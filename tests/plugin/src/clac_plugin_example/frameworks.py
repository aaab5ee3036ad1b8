"""An example framework plugin: a fictional national chapter's own yardstick with two items.

clac finds it through the ``clac.frameworks`` entry-point group declared in this package's
``pyproject.toml``::

    [project.entry-points."clac.frameworks"]
    chapter = "clac_plugin_example.frameworks:FRAMEWORK"
"""

from __future__ import annotations

from clac.charter import Sector
from clac.frameworks import Framework, FrameworkItem, Source, Sufficiency
from clac.text import Text

__all__ = ["FRAMEWORK"]

FRAMEWORK = Framework(
    id="chapter-checklist",
    name=Text("Example chapter checklist (fictional)", "Lista del capítulo de ejemplo (ficticia)"),
    short_name=Text("Chapter checklist", "Lista del capítulo"),
    source=Source(publisher="Example national chapter (fictional)", title="Checklist", year=2026),
    items=(
        FrameworkItem(
            id="helpline-hours",
            ref=Text("Item 1", "Ítem 1"),
            label=Text("Helpline open every day", "Línea de ayuda abierta todos los días"),
            description=Text(
                "A child helpline answers every day of the week.",
                "Una línea de ayuda infantil atiende todos los días de la semana.",
            ),
            sectors=(Sector.NGO,),
        ),
        FrameworkItem(
            id="school-curriculum",
            ref=Text("Item 2", "Ítem 2"),
            label=Text("Online safety in schools", "Seguridad en línea en las escuelas"),
            description=Text(
                "Online safety is part of the national school curriculum.",
                "La seguridad en línea forma parte del currículo escolar nacional.",
            ),
            sectors=(Sector.GOVERNMENT, Sector.ACADEMIC),
        ),
    ),
    sufficiency=Sufficiency(
        required=("helpline-hours",),
        rationale=Text("The helpline item alone decides.", "Solo decide el ítem de la línea."),
    ),
)
