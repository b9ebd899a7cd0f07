"""new, check, build, serve, export, schema: the commands every user needs first."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
import sys
from pathlib import Path

import click

from .. import schema, similar
from .. import site as core
from ..diagnostics import Diagnostic
from ..identity import slugify
from ..load import kind_of
from ..publish import other_files, unlinked
from ..settings import pin_build_epoch
from ..wording import counted
from .options import config_option, config_path, load_project, strict_option, today_option


def _summary(diags: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diags)
    warnings = sum(d.severity == "warning" for d in diags)
    return f"{counted(errors, 'error')}, {counted(warnings, 'warning')}"


def _did_you_mean(alike: list[similar.Likely], unmatched: list[similar.Unmatched], prefix: str) -> list[str]:
    """Names that may be one person, with the alias that would merge them: suggestions, not problems."""
    lines = []
    for u in unmatched:
        lines.append(f"{u.path}:{u.line}:1: {u.field}: {u.name!r} is no one else in your notes; did you mean {u.meant.name}?")
        lines.append(f"    hint: write {u.meant.name}, or if it is them under another name, "
                     f"{'add to' if u.meant.file else 'create'} {prefix}/{u.meant.src_uri}: aliases: [{', '.join([*u.meant.aliases, u.name])}]")
    if alike:
        lines.append(f"{len(alike)} pair{'s' if len(alike) != 1 else ''} of names may be one person "
                     "(nothing is merged until you add the alias):")
        for x in alike:
            lines.append(f"  {x.other.name!r} and {x.keep.name!r} ({x.why}): did you mean {x.keep.name}? "
                         f"To merge them, {x.where(prefix)}: {x.alias_line()}")
    return lines


@click.command(help="Check every note and print every problem (exit 1 on errors).")
@config_option
@today_option
@strict_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="Output format.")
def check(config_file: str | None, today: dt.date | None, strict: bool | None, fmt: str) -> None:
    project = load_project(config_file)
    site = core.build(project.docs_dir, project.settings(today), report_prefix=project.repo_path, cache=project.parse_cache())
    diags = site.diagnostics
    alike, unmatched = similar.likely_duplicates(site.kb), similar.unmatched_names(site.kb)
    others, pages = other_files(project.docs_dir)
    hidden = [f"{project.repo_path}/{uri}" if project.repo_path else uri for uri in unlinked(others, pages, project.named_files)]
    # every conversation note read, those left out for an error too
    read = len(site.kb.interviews) + sum(1 for uri in site.left_out if kind_of(uri) == "interviews")
    if fmt == "json":
        click.echo(json.dumps({"diagnostics": [d.as_dict() for d in diags], "notes": len(site.kb.interviews), "checked": read,
                               "left_out": sorted(site.left_out),
                               "likely_duplicates": [{"names": [x.keep.name, x.other.name], "why": x.why,
                                                      "file": f"{project.repo_path}/{x.keep.src_uri}",
                                                      "aliases": x.alias_line()} for x in alike],
                               "did_you_mean": [{"path": u.path, "line": u.line, "field": u.field, "name": u.name,
                                                 "meant": u.meant.name} for u in unmatched],
                               "not_published": hidden}, indent=2))
    else:
        for d in diags:
            click.echo(d.format(), err=False)
        for line in _did_you_mean(alike, unmatched, project.repo_path):
            click.echo(line)
        if hidden:
            click.echo(f"Not published, since they are not notes and no page links to them: {', '.join(hidden)}", err=True)
        click.echo(f"{counted(read, 'conversation note')} checked: {_summary(diags)}", err=True)
    failed = any(d.is_error for d in diags) or (strict and any(d.severity == "warning" for d in diags))
    sys.exit(1 if failed else 0)


class _MessageFormatter(logging.Formatter):
    """The notes' own messages as they are (``path:line:col: ...``); MkDocs' with their level."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return message if record.name.startswith("mkdocs.plugins.insight") else f"{record.levelname}: {message}"


def _show_messages(level: int = logging.WARNING) -> None:
    """Print MkDocs' warnings and errors: with no handler of ours, --strict (which adds MkDocs'
    counting handler) silenced every message and only said how many there were."""
    logger = logging.getLogger("mkdocs")
    if any(getattr(h, "insight", False) for h in logger.handlers):
        return
    handler = logging.StreamHandler()
    handler.setLevel(level)
    handler.setFormatter(_MessageFormatter())
    handler.insight = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)


def _mkdocs_env(today: dt.date | None) -> None:
    """Pass --today to the plugin, and pin MkDocs' own build date so the output is byte-identical."""
    if today is not None:
        os.environ["INSIGHT_TODAY"] = today.isoformat()
        pin_build_epoch(today)


@click.command(help="Build the site with MkDocs (into site/ unless --site-dir).")
@config_option
@today_option
@strict_option
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), default=None, help="Where to write the site.")
def build(config_file: str | None, today: dt.date | None, strict: bool | None, site_dir: str | None) -> None:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    path = config_path(config_file)  # MkDocs reads and checks it once, below
    _mkdocs_env(today)
    _show_messages()
    cfg = None
    try:
        cfg = load_config(path, strict=strict, site_dir=site_dir)
        mkdocs_build.build(cfg)
    except (ConfigurationError, BuildError, Abort) as err:
        _problem_summary(cfg)
        raise click.ClickException(str(err)) from None
    click.echo(f"Site written to {cfg.site_dir}", err=True)
    _problem_summary(cfg)


def _problem_summary(cfg: object) -> None:
    """The last line of a build: how many notes have problems, so a note left out is never a silent surprise."""
    from ..pages.problems import summary

    plugin = getattr(cfg, "plugins", {}).get("insight") if cfg is not None else None
    found = getattr(plugin, "diagnostics", None)
    if found is not None:
        click.echo(summary(found), err=True)


HELP_FULL_REBUILDS = "Rebuild the whole site on every change (default: only the pages that changed)."


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _quiet_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build may leave stale pages; the insight plugin decides what to rebuild."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


@click.command(help="Serve the site with live reload while you edit notes; a change rebuilds only the pages it affects.")
@config_option
@today_option
@strict_option
@click.option("-a", "--dev-addr", default=None, metavar="IP:PORT", help="Address to serve on (default 127.0.0.1:8000).")
@click.option("--full-rebuilds", is_flag=True, help=HELP_FULL_REBUILDS)
def serve(config_file: str | None, today: dt.date | None, strict: bool | None, dev_addr: str | None, full_rebuilds: bool) -> None:
    from mkdocs.commands import serve as mkdocs_serve

    from ..polling import live_server

    load_project(config_file)
    _mkdocs_env(today)
    _show_messages(logging.INFO)  # serve says where it serves and when it rebuilds
    if not full_rebuilds:
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_dirty_warning)
    # notice a saved note sooner than MkDocs' polling does, and do not start a poll while building (polling.live_server)
    mkdocs_serve.LiveReloadServer = live_server  # type: ignore[misc]
    # stopped by `kill` or a closed terminal as by Ctrl-C: MkDocs then stops the server and the plugin keeps what
    # the next start needs (the parsed notes, the served site)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupt)
    try:
        mkdocs_serve.serve(config_file=config_file or "mkdocs.yml", strict=strict, dev_addr=dev_addr,
                           build_type=None if full_rebuilds else "dirty")
    except OSError as err:  # the port is taken, or the address is not this machine's
        raise click.ClickException(f"cannot serve on {dev_addr or '127.0.0.1:8000'}: {err.strerror or err}") from None


@click.command(help="Write the generated Markdown tree to DIR, for other engines or for a look.")
@config_option
@today_option
@click.option("--out", type=click.Path(file_okay=False), required=True, help="Folder to write into.")
def export(config_file: str | None, today: dt.date | None, out: str) -> None:
    project = load_project(config_file)
    user_pages = {p.relative_to(project.docs_dir).as_posix() for p in project.docs_dir.rglob("*.md")}
    site = core.build(project.docs_dir, project.settings(today), user_pages, report_prefix=project.repo_path, cache=project.parse_cache())
    try:
        written = core.export(site, project.docs_dir, Path(out), project.markdown_extensions, project.markdown_configs)
    except ValueError as err:  # --out inside content/: the generator never writes there
        raise click.ClickException(f"{err}; choose a folder outside {project.docs_dir.name}/") from None
    click.echo(f"{counted(written, 'file')} written to {out}", err=True)


@click.command(help="Print the note schema: a Markdown field reference or a JSON Schema for editors.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON Schema of an interview note.")
def schema_cmd(as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(schema.json_schema(), indent=2, sort_keys=True))
    else:
        click.echo(schema.markdown_reference())


schema_cmd.name = "schema"

STATUS_HELP = "Where the conversation stands: " + ", ".join(schema.STATUSES) + "."


@click.command(help="Start a note for a conversation; refuses to overwrite; prints its path.")
@config_option
@click.option("--person", default=None, help="Who you talk to.")
@click.option("--date", "day", default=None, metavar="DATE", help="When (YYYY-MM-DD; default today).")
@click.option("--role", default=None, help="Their role.")
@click.option("--company", default=None, help="Where they work.")
@click.option("--industry", default=None, help="The industry (comma-separated for several).")
@click.option("--channel", type=click.Choice(schema.CHANNELS), default=None, help="How you reached them.")
@click.option("--introduced-by", default=None, help="Who introduced you.")
@click.option("--status", type=click.Choice(schema.STATUSES), default=None, help=STATUS_HELP)
def new(config_file: str | None, person: str | None, day: str | None, role: str | None, company: str | None,
        industry: str | None, channel: str | None, introduced_by: str | None, status: str | None) -> None:
    from ..newnote import NoteExists, write_note

    project = load_project(config_file)
    interactive = sys.stdin.isatty()
    if person is not None and not person.strip():
        raise click.BadParameter("expected a name, got only spaces", param_hint="--person")
    if not person:
        if not interactive:
            raise click.UsageError("--person is required when not run in a terminal")
        person = click.prompt("Person", value_proc=_a_name)
        role = role or click.prompt("Role", default="", show_default=False) or None
        company = company or click.prompt("Company", default="", show_default=False) or None
        industry = industry or click.prompt("Industry", default="", show_default=False) or None
    today = project.settings(None).today
    try:
        when = dt.date.fromisoformat(day) if day else today
    except ValueError:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {day!r}", param_hint="--date") from None
    fields = {"role": role, "company": company, "industry": industry, "channel": channel,
              "introduced_by": introduced_by, "status": status}
    try:
        path = write_note(project.docs_dir, when, person, {k: v.strip() for k, v in fields.items() if v and v.strip()}, today)
    except NoteExists as err:
        raise click.ClickException(f"{err.path} already exists; nothing was written (pick another --date or edit it)") from None
    click.echo(_shown(path))


def _a_name(text: str) -> str:
    if not text.strip():
        raise click.BadParameter("expected a name, got only spaces")
    return text.strip()


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to where they are, when it is below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


COMMANDS = [new, check, build, serve, export, schema_cmd]
__all__ = ["COMMANDS", "slugify"]
