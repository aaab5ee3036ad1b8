"""The frameworks clac knows: its own and those plugins add through ``clac.frameworks``.

A plugin package declares an entry point in the ``clac.frameworks`` group that names a
:class:`~clac.frameworks.Framework`, a list of them, or a function returning either. A notebook
or a test can also :meth:`~FrameworkCatalogue.register` one for the running process.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from clac._plugins import load_plugins
from clac.errors import InvalidData, UnknownReference
from clac.frameworks._files import builtin_data_frameworks
from clac.frameworks._framework import Framework
from clac.frameworks._icmec import ICMEC_LEGISLATION
from clac.frameworks._mnr import MNR

__all__ = ["ENTRY_POINT_GROUP", "FRAMEWORKS", "FrameworkCatalogue"]

ENTRY_POINT_GROUP = "clac.frameworks"

_BUILTIN = (ICMEC_LEGISLATION, MNR)


class FrameworkCatalogue(Mapping[str, Framework]):
    """Every framework by id: built-in first, then plugins, then those registered at run time.

    ``errors`` lists plugins that could not be loaded (the others still work).

    >>> from clac.frameworks import FRAMEWORKS
    >>> list(FRAMEWORKS)[:5]
    ['icmec-legislation', 'mnr', 'budapest', 'lanzarote', 'opsc']
    """

    def __init__(self) -> None:
        self._loaded: dict[str, Framework] | None = None
        self._registered: dict[str, Framework] = {}
        self._errors: tuple[str, ...] = ()

    def _load(self) -> dict[str, Framework]:
        if self._loaded is None:
            found = {f.id: f for f in (*_BUILTIN, *builtin_data_frameworks())}
            errors: list[str] = []
            for source, framework in _plugin_frameworks(errors):
                if framework.id in found:
                    errors.append(
                        f"plugin {source}: framework {framework.id!r} repeats an existing id "
                        "and is left out"
                    )
                    continue
                found[framework.id] = framework
            self._loaded, self._errors = found, tuple(errors)
        return {**self._loaded, **self._registered}

    @property
    def errors(self) -> tuple[str, ...]:
        """Problems with plugins, one line each."""
        self._load()
        return self._errors

    def get_framework(self, framework: Framework | str) -> Framework:
        """``framework`` itself, or the framework with that id (:class:`UnknownReference`)."""
        if isinstance(framework, Framework):
            return framework
        known = self._load()
        try:
            return known[framework]
        except (KeyError, TypeError):
            choices = ", ".join(repr(k) for k in known)
            raise UnknownReference(
                f"is not a framework clac knows (choose {choices})",
                path="framework",
                value=framework,
            ) from None

    def register(self, framework: Framework) -> Framework:
        """Add ``framework`` for this process (returned, so it can decorate an assignment).

        An id already in use is refused with :class:`~clac.errors.InvalidData`.
        """
        if not isinstance(framework, Framework):
            raise InvalidData(
                "must be a clac.frameworks.Framework", path="framework", value=framework
            )
        if framework.id in self._load():
            raise InvalidData("is already a framework id", path="framework.id", value=framework.id)
        self._registered[framework.id] = framework
        return framework

    def unregister(self, framework_id: str) -> None:
        """Remove a framework added with :meth:`register` (built-ins and plugins stay)."""
        if framework_id not in self._registered:
            raise UnknownReference(
                "was not registered at run time", path="framework", value=framework_id
            )
        del self._registered[framework_id]

    def reload(self) -> None:
        """Forget the loaded plugins (after installing or removing one)."""
        self._loaded = None
        self._errors = ()

    def __getitem__(self, framework_id: str) -> Framework:
        return self._load()[framework_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __repr__(self) -> str:
        return f"<FrameworkCatalogue {list(self)}>"


def _plugin_frameworks(errors: list[str]) -> list[tuple[str, Framework]]:
    found, problems = load_plugins(ENTRY_POINT_GROUP, Framework)
    errors.extend(problems)
    return found


#: The frameworks clac knows, by id.
FRAMEWORKS = FrameworkCatalogue()
