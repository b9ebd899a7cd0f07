"""share, merge: guides for classmates, built only from what notes allow to be shared."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path
from typing import Any

import click

from ..load import discover, load_all
from ..resolve import resolve
from ..share import guide as guides
from ..share import project
from ..share.pages import question_groups
from ..share.filter import UnknownIndustry, reader, share_notes
from ..share.intake import UntrustedGuide, read_guide
from ..share.scan import UNCLEAR
from ..settings import pin_build_epoch
from .options import config_option, load_project, today_option
from ..wording import counted

SHARE_HELP = """Write a guide to INDUSTRY... for classmates into --out: a small MkDocs project and its built site.

Only held conversations marked `share: anonymous` or `share: named` take part; people read as
"a {role} at {company}" unless named; private fields, sections, blocks, people files and
follow-ups never leave your notes."""
MERGE_HELP = """Merge guides from several classmates (folders written by `insight share`) into one class guide.

A classmate's guide is read as data only: its guide.json (checked against the guide schema) and the
pictures, PDFs and text files in its docs/attachments/; never its mkdocs.yml, CSS or JavaScript."""
HELP_OUT = "Folder to write the guide into: a new or empty one, or one share or merge wrote before (replaced)."
HELP_ZIP = "Also write OUT.zip (deterministic), to send the guide as one file."
HELP_SERVE = "Preview the guide with MkDocs' server afterwards."
HELP_CONTRIBUTOR = "Your name as shown in the guide (default: me.name in mkdocs.yml)."
HELP_TITLE = "The guide's title."


def _theme(config_file: str) -> project.Theme:
    """Palette, features and the extra CSS/JavaScript of the project's mkdocs.yml, found on disk."""
    from mkdocs.config import load_config

    cfg = load_config(config_file)
    theme = cfg.theme
    from ..plugin import ASSETS, CSS, JAVASCRIPT

    roots = [Path(d) for d in (theme.custom_dir, cfg.docs_dir) if d] + [ASSETS.parent]  # the plugin's own assets last
    assets: dict[str, bytes] = {}
    for item in dict.fromkeys([*CSS, *JAVASCRIPT, *map(str, cfg.extra_css), *(getattr(i, "path", i) for i in cfg.extra_javascript)]):
        path = str(getattr(item, "path", item))
        if "://" in path or path.startswith("/"):
            continue
        found = next((r / path for r in roots if (r / path).is_file()), None)
        if found is not None:
            assets[path] = found.read_bytes()
    features = list(theme.get("features") or project.DEFAULT_FEATURES)
    return project.Theme(theme.get("palette"), features, assets)


def _show_mkdocs_warnings() -> None:
    """MkDocs' own command line sets up its logging; run from here, its warnings would be silent."""
    log = logging.getLogger("mkdocs")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        log.addHandler(handler)


def _clean_pages() -> Any:
    """A plugin for a guide's build, which has no insight plugin: no active HTML in a page, whatever a guide's
    Markdown made of it (the nh3 pass :mod:`generator.plugin` runs on the personal site), and tags, which go into
    the search index as HTML, escaped."""
    from mkdocs.plugins import BasePlugin

    from .. import sanitize

    class CleanPages(BasePlugin):  # type: ignore[type-arg]
        def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
            if "tags" in page.meta:
                page.meta["tags"] = sanitize.escaped_tags(page.meta["tags"])
            return sanitize.clean(html)

    return CleanPages()


def _publish(out: Path, guide: guides.Guide, theme: project.Theme, attachments: dict[str, bytes], protect: list[Path],
             today: dt.date, zip_: bool) -> None:
    """Write and build the guide beside ``out``, then put it in place: a guide that does not build leaves nothing
    behind, and ``out`` (and OUT.zip) are replaced only when share or merge wrote them."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    target = out.with_name(out.name + ".zip")
    try:
        project.check_out(out, protect)
        if zip_:
            project.check_zip(target)
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    pin_build_epoch(today)
    _show_mkdocs_warnings()
    built: Path | None = None
    try:
        built = project.staging(out)
        project.write(built, project.project_files(guide, theme, attachments))
        try:
            config = load_config(str(built / "mkdocs.yml"), strict=True)
            # what classmates wrote is built here: each page cleaned as the personal site's pages are
            config.plugins["insight-clean"] = _clean_pages()
            mkdocs_build.build(config)
        except (ConfigurationError, BuildError, Abort) as err:
            raise click.ClickException(f"the guide did not build, so nothing was written to {out}: {err}") from None
        if zip_:
            project.write_zip(target, project.zip_bytes(built, today, out.name))
        project.publish(built, out)
    except OSError as err:
        raise click.ClickException(f"could not write the guide to {out}: {err.strerror or err}") from None
    finally:
        if built is not None and built.exists():
            shutil.rmtree(built)
    if zip_:
        click.echo(f"Zip written to {target}", err=True)


def _serve(out: Path) -> None:
    from mkdocs.commands import serve as mkdocs_serve

    mkdocs_serve.serve(config_file=str(out / "mkdocs.yml"))


@click.command(help=SHARE_HELP)
@config_option
@today_option
@click.argument("industries", nargs=-1, required=True, metavar="INDUSTRY...")
@click.option("--out", type=click.Path(file_okay=False), required=True, help=HELP_OUT)
@click.option("--zip", "zip_", is_flag=True, help=HELP_ZIP)
@click.option("--serve", is_flag=True, help=HELP_SERVE)
@click.option("--contributor", default=None, help=HELP_CONTRIBUTOR)
@click.option("--title", default=None, help=HELP_TITLE)
def share(config_file: str | None, today: dt.date | None, industries: tuple[str, ...], out: str, zip_: bool,
          serve: bool, contributor: str | None, title: str | None) -> None:
    proj = load_project(config_file)
    settings = proj.settings(today)
    notes, diags = load_all(discover(proj.docs_dir, proj.repo_path))
    try:
        shared = share_notes(notes, settings, list(industries), reader(proj.docs_dir))
    except UnknownIndustry as err:
        raise click.ClickException(str(err)) from None
    for d in diags:  # the guide fails closed where a note's private parts are unclear: say where, for its own notes
        if d.message.endswith(UNCLEAR) and d.path in shared.sources:
            click.echo(d.format(), err=True)
    kb = resolve(shared.notes, settings)
    who = contributor or (settings.me.name if settings.me.name != "Me" else "A classmate")
    guide = guides.from_kb(kb, shared, who, title or f"{', '.join(shared.industries)}: a guide from informational interviews")
    if not guide.items and not guide.answers:  # a guide of empty pages helps no one
        raise click.ClickException(f"nothing to share in {', '.join(shared.industries)}: no held conversation there is "
                                   "marked `share: anonymous` or `share: named` (nor has insights or answers), so no guide was written")
    out_dir = Path(out)
    _publish(out_dir, guide, _theme(proj.config_file), shared.attachments, [proj.docs_dir, Path(proj.config_file).parent],
             settings.today, zip_)
    asked = len(question_groups(guide.answers))
    click.echo(f"Guide written to {out_dir} ({counted(len(kb.interviews), 'conversation')}, {counted(asked, 'question')} "
               f"with {counted(len(guide.answers), 'answer')})", err=True)
    if serve:
        _serve(out_dir)


@click.command(help=MERGE_HELP)
@today_option
@click.argument("guide_dirs", nargs=-1, required=True, type=click.Path(file_okay=False, exists=True), metavar="GUIDE_DIR...")
@click.option("--out", type=click.Path(file_okay=False), required=True, help=HELP_OUT)
@click.option("--zip", "zip_", is_flag=True, help=HELP_ZIP)
@click.option("--serve", is_flag=True, help=HELP_SERVE)
@click.option("--title", default=None, help=HELP_TITLE)
def merge(today: dt.date | None, guide_dirs: tuple[str, ...], out: str, zip_: bool, serve: bool, title: str | None) -> None:
    loaded: list[guides.Guide] = []
    attachments: dict[str, bytes] = {}
    for d in map(Path, guide_dirs):
        try:
            g, files = read_guide(d)
        except UntrustedGuide as err:
            raise click.ClickException(f"{err}; nothing was written") from None
        loaded.append(g)
        attachments.update(files)
    merged = guides.merge(loaded, title)
    _publish(Path(out), merged, project.Theme(), attachments, [Path(d) for d in guide_dirs], today or dt.date.today(), zip_)
    click.echo(f"Class guide written to {out} from {counted(len(loaded), 'guide')} by {', '.join(merged.contributors)}", err=True)
    if serve:
        _serve(Path(out))


COMMANDS: list[Any] = [share, merge]
