"""``python -m clac``: the same as the ``clac`` command."""

from clac.cli import main

main()
