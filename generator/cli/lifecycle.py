"""followups, prep: what is due now, and the sheet for the next conversation, in the terminal."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click

from .. import site as core
from ..escape import plain
from ..identity import fold
from ..lifecycle import Rules
from ..lifecycle.rules import action_state
from ..lifecycle.calendar import calendar_bytes, summary
from ..model import Interview, KnowledgeBase
from ..derive import PREP_STATUSES
from ..pages.prep import spec
from ..render import render
from .options import config_option, load_project, today_option
from ..wording import counted

HELP_FOLLOWUPS = """List what is overdue, due now and coming up: thank-yous, polite follow-ups,
referrals to contact, updates owed and people to keep in touch with."""
HELP_JSON = "Print the list as JSON."
HELP_ICS = "Also write the list as an iCalendar file (one event per item; UIDs stay the same across runs)."
HELP_PREP = """Print the prep sheet for your next conversation with NAME (accents and case do not matter;
part of a name works when it is unique)."""
STATE_TITLES = {"overdue": "Overdue", "due": "Due now", "upcoming": "Coming up"}


def _load(config_file: str | None, today: dt.date | None):
    project = load_project(config_file)
    settings = project.settings(today)
    try:
        rules = Rules.from_options(settings.followups)
    except ValueError as err:
        raise click.ClickException(f"{project.config_file}: {err}") from None
    site = core.build(project.docs_dir, settings, report_prefix=project.repo_path, cache=project.parse_cache())
    return project, settings, rules, site


@click.command(help=HELP_FOLLOWUPS)
@config_option
@today_option
@click.option("--json", "as_json", is_flag=True, help=HELP_JSON)
@click.option("--ics", "ics", type=click.Path(dir_okay=False), default=None, metavar="FILE", help=HELP_ICS)
def followups(config_file: str | None, today: dt.date | None, as_json: bool, ics: str | None) -> None:
    _, settings, _, site = _load(config_file, today)
    kb, items = site.kb, site.derived.items
    if ics:
        Path(ics).write_bytes(calendar_bytes(kb, items, settings.site_url, settings.use_directory_urls,
                                             settings.timezone))
        click.echo(f"{counted(len(items), 'event')} written to {ics}", err=True)
    actions = site.derived.open_actions
    if as_json:
        rows = [{**i.as_dict(), "summary": summary(kb, i), "person_name": kb.people[i.person].name} for i in items]
        todo = [{"text": plain(a.text), "due": a.due.isoformat() if a.due else None,
                 "state": action_state(a, kb.today, site.derived.rules), "note": iv.note.path, "line": a.line,
                 "person_name": kb.people[iv.person].name} for iv, a in actions]
        click.echo(json.dumps({"today": kb.today.isoformat(), "counts": site.derived.item_counts, "items": rows,
                               "actions": todo}, indent=2, ensure_ascii=False))
        return
    if not items and not actions:
        click.echo(f"Nothing due as of {kb.today.isoformat()}.")
        return
    for state, title in STATE_TITLES.items():
        group = [i for i in items if i.state == state]
        if not group:
            continue
        click.echo(f"{title} ({len(group)})")
        for i in group:
            where = f"  [content/interviews/{i.interview}.md]" if i.interview else ""
            detail = f": {i.detail}" if i.detail else ""
            click.echo(f"  {i.due.isoformat()}  {summary(kb, i)}{detail}{where}")
        click.echo("")
    if actions:
        click.echo(f"Open actions ({len(actions)})")
        for iv, a in actions:
            state = action_state(a, kb.today, site.derived.rules)
            when = f"{a.due.isoformat()}{' overdue' if state == 'overdue' else ''}" if a.due else "no day"
            click.echo(f"  {when:<18}  {plain(a.text)}  [{iv.note.path}:{a.line}]")
        click.echo("")


def find_people(kb: KnowledgeBase, name: str) -> list[str]:
    """People ``name`` means: an exact name or alias (accents, case, punctuation ignored), else people
    whose name has a word starting with each word given ("tom her" finds Tomás Herrera)."""
    wanted = fold(name)
    exact = sorted(s for s, p in kb.people.items() if wanted in {fold(p.name), *(fold(a) for a in p.aliases)} or wanted == s)
    if exact:
        return exact
    words = wanted.split()
    return sorted(s for s, p in kb.people.items()
                  if words and all(any(n.startswith(w) for n in fold(p.name).split()) for w in words))


def next_conversation(kb: KnowledgeBase, person: str) -> Interview | None:
    open_ = [iv for iv in kb.interviews_with("person", person) if iv.status in PREP_STATUSES]
    coming = sorted((iv for iv in open_ if iv.date >= kb.today), key=lambda iv: (iv.date, iv.slug))
    return coming[0] if coming else (open_[0] if open_ else None)


@click.command(help=HELP_PREP)
@config_option
@today_option
@click.argument("name")
def prep(config_file: str | None, today: dt.date | None, name: str) -> None:
    _, settings, _, site = _load(config_file, today)
    kb = site.kb
    found = find_people(kb, name)
    if not found:
        raise click.ClickException(f"no person matches {name!r}; see `insight followups` or content/people/")
    if len(found) > 1:
        names = "\n".join(f"  {kb.people[s].name}" for s in found)
        raise click.ClickException(f"{name!r} could mean several people; be more precise:\n{names}")
    person = kb.people[found[0]]
    iv = next_conversation(kb, person.slug)
    if iv is None:
        raise click.ClickException(
            f"{person.name} has no requested or scheduled conversation; start one with "
            f"`insight new --status scheduled --person \"{person.name}\" --date YYYY-MM-DD`")
    markdown = for_terminal(render(spec(kb, site.derived, iv), {"kb": kb, "settings": settings, "overlay": False}))
    click.echo(plain(markdown), nl=False)  # site links mean nothing in a terminal


def for_terminal(page: str) -> str:
    """A generated page as a terminal shows it: no frontmatter (it is for the site), and its pre-rendered HTML
    blocks as the lines they show (a list item as ``- item``), the note's own Markdown in them as written."""
    from html import unescape

    from ..htmlblocks import HTML_CLOSE, HTML_OPEN, fill_markdown

    page = re.sub(r"\A---\n.*?\n---\n+", "", page, flags=re.S)

    def block(m: re.Match[str]) -> str:
        html = fill_markdown(m.group(1), lambda text: text)
        lines = []
        apart = False
        for line in html.split("\n"):
            apart = apart or line.startswith(("<p>", "<p ", "<ul>"))  # a paragraph or a list: after a blank line
            line = re.sub(r"<li>", "- ", line)
            text = unescape(re.sub(r"<[^>]+>", "", line)).strip()
            if text:
                lines.extend(["", text] if apart and lines else [text])
                apart = False
        return "\n".join(lines)

    return re.sub(re.escape(HTML_OPEN) + r"\n(.*?)\n" + re.escape(HTML_CLOSE), block, page, flags=re.S)


COMMANDS = [followups, prep]
