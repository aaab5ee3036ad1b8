"""A plugin that raises a ``BaseException`` (neither an ``Exception`` nor ``SystemExit``) while
it is imported."""


class Meltdown(BaseException):
    """Not an Exception: a plain ``except Exception`` would let it through."""


raise Meltdown("the plugin's import went wrong")
