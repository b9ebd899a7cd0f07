"""``python -m generator`` is the ``insight`` command."""

from generator.cli import main

main()
