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


class _Guarded(click.Group):
    """No input ends in a traceback: an unexpected error is one line naming it, and ``--debug`` shows the rest."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort, click.ClickException, KeyboardInterrupt, SystemExit):
            raise
        except BrokenPipeError:  # `insight questions | head`: the reader has what it wanted
            import os  # noqa: PLC0415 - the one use
            import sys  # noqa: PLC0415

            # the rest of the output goes nowhere, quietly, as other command-line tools do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0) from None
        except Exception as err:  # noqa: BLE001 - the last line of defence, at the boundary
            if (ctx.obj or {}).get("debug"):
                raise
            raise click.ClickException(f"unexpected {type(err).__name__}: {err} (this is a bug in insight; "
                                       "run again with --debug for the details and please report it)") from None


@click.group(cls=_Guarded, help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="insight-kb")
@click.option("--debug", is_flag=True, help="Show the full traceback of an unexpected error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    ctx.obj = {**(ctx.obj or {}), "debug": debug}


for command in start.COMMANDS + basics.COMMANDS + importing.COMMANDS + lifecycle.COMMANDS + questions.COMMANDS + share.COMMANDS:
    main.add_command(command)
