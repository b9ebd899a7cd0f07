"""``insight init``: start a knowledge base of one's own."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..init import AlreadyThere, Owner, init as write_project

HELP = """Start a knowledge base of your own in DIR (made if missing), as `mkdocs new` does: mkdocs.yml, the
writing guide in content/guide/, no sample notes. Who you are (name, a short pitch, goals, target companies)
goes under `insight:` in mkdocs.yml; in a terminal it asks for what the flags do not give. Writes nothing if
DIR already has a mkdocs.yml or notes."""


@click.command(help=HELP)
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default=None, help="Your name, as pages and email drafts give it.")
@click.option("--pitch", default=None, help="A sentence or two about you, for prep sheets and request emails.")
@click.option("--goals", default=None, help="What you are looking for.")
@click.option("--target", "targets", multiple=True, metavar="COMPANY", help="A company you want a way into (repeat for several).")
@click.option("--site-url", default=None, help="Where the site will be published (default: http://127.0.0.1:8000/).")
@click.option("--edit-uri", default=None, metavar="URL", help="The web address of your content/ folder's edit view, for edit links on note pages.")
def init(folder: Path, name: str | None, pitch: str | None, goals: str | None, targets: tuple[str, ...],
         site_url: str | None, edit_uri: str | None) -> None:
    if sys.stdin.isatty():
        name = name if name is not None else click.prompt("Your name", default="", show_default=False)
        pitch = pitch if pitch is not None else click.prompt("About you, in a sentence (for request emails)", default="", show_default=False)
        goals = goals if goals is not None else click.prompt("What you are looking for", default="", show_default=False)
        if not targets:
            typed = click.prompt("Companies you want a way into (comma-separated)", default="", show_default=False)
            targets = tuple(t.strip() for t in typed.split(",") if t.strip())
    owner = Owner((name or "").strip(), (pitch or "").strip(), (goals or "").strip(), tuple(t.strip() for t in targets if t.strip()))
    try:
        written = write_project(folder, owner, site_url or "", edit_uri or "")
    except AlreadyThere as err:
        raise click.ClickException(f"{', '.join(str(p) for p in err.paths)} already there; nothing was written "
                                   "(choose an empty or new folder)") from None
    except OSError as err:
        raise click.ClickException(f"{folder}: {err.strerror or err}") from None
    for path in written:
        click.echo(path.as_posix())
    click.echo(f"\nNext: cd {folder.as_posix()} && insight new --person \"NAME\", then insight serve. "
               "The guide is in content/guide/index.md.", err=True)


COMMANDS = [init]
