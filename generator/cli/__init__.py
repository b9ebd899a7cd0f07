"""The ``insight`` command: a thin click layer over the core and MkDocs.

Each group of commands lives in its own module and registers itself on ``main``; flags
default to None so that they never override ``mkdocs.yml`` unless given.
"""

from __future__ import annotations

import click

from . import basics, importing, lifecycle, questions, share, start

HELP = """Insight KB: turn informational-interview notes into a knowledge base.

Notes live in content/interviews/ (one Markdown file with YAML frontmatter per
conversation). Run `insight init DIR` to start a knowledge base of your own,
`insight new` to start a note, `insight check` to validate,
`insight build` or `insight serve` to see the site."""


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="insight-kb")
def main() -> None:
    pass


for command in start.COMMANDS + basics.COMMANDS + importing.COMMANDS + lifecycle.COMMANDS + questions.COMMANDS + share.COMMANDS:
    main.add_command(command)
