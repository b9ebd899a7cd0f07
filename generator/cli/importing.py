"""``insight import SOURCE``: bring in a Notion export, LinkedIn connections, vCards or another note schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
import yaml

from .. import importer
from .options import config_option, load_project, today_option

HELP = """Import notes and contacts you already have into content/.

SOURCE is a Notion database export (its folder or .zip), LinkedIn's Connections.csv,
a vCard file (.vcf), or a folder of Markdown notes in another schema (rename its fields
with --map or --mapping). People go to content/people/, conversations to
content/interviews/. No file is ever overwritten; running it again adds nothing new.
"""


def _mapping(pairs: tuple[str, ...], mapping_file: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if mapping_file:
        try:
            data = yaml.safe_load(Path(mapping_file).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as err:
            raise click.ClickException(f"{mapping_file}: could not read the mapping ({err})") from None
        data = data.get("fields", data) if isinstance(data, dict) else data
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise click.ClickException(f"{mapping_file}: expected lines like `Interviewee: person` (their field: ours)")
        out.update({str(k): v for k, v in data.items()})
    for pair in pairs:
        theirs, sep, ours = pair.partition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise click.ClickException(f"--map {pair!r}: write it as THEIRS=OURS, e.g. --map Interviewee=person")
        out[theirs.strip()] = ours.strip()
    return out


LABELS = {"new": "new", "merged": "merged", "skipped": "skipped"}


@click.command("import", help=HELP)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Write nothing; print what importing would do.")
@click.option("--map", "pairs", multiple=True, metavar="THEIRS=OURS", help="Read their field THEIRS as our field OURS (repeatable; OURS may be `ignore`).")
@click.option("--mapping", "mapping_file", type=click.Path(dir_okay=False), default=None, help="A YAML file of `their field: our field` lines.")
@click.option("--day-first/--month-first", "day_first", default=None,
              help="Read a date such as 03/12/2026 as 3 December (--day-first) or 12 March (--month-first); without "
                   "either, such a date is not guessed: the report names it.")
@config_option
@today_option
def import_(source: Path, dry_run: bool, pairs: tuple[str, ...], mapping_file: str | None, day_first: bool | None,
            config_file: str | None, today: dt.date | None) -> None:
    project = load_project(config_file)
    mapping = _mapping(pairs, mapping_file)
    try:
        read = importer.read_source(source, mapping or None, day_first)
        plan = importer.make_plan(read, project.docs_dir, project.settings(today), project.repo_path)
    except importer.ImportError_ as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{source.name}: read as {plan.kind}{' (dry run: nothing is written)' if dry_run else ''}")
    if not dry_run:
        importer.write(plan, project.docs_dir)
    for step in plan.steps:
        where = f" -> {step.path}" if step.path else ""
        why = f": {step.why}" if step.why else ""
        click.echo(f"  {LABELS[step.action]:<8} {step.what}{where}{why}")
    new_people = sum(1 for s in plan.files if "/people/" in s.path)
    new_notes = len(plan.files) - new_people
    verb = "would write" if dry_run else "wrote"
    click.echo(f"{verb} {_n(len(plan.files), 'file')} ({_n(new_people, 'person file')}, {_n(new_notes, 'conversation')}); "
               f"{plan.count('merged')} merged, {plan.count('skipped')} skipped.")


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


COMMANDS = [import_]
