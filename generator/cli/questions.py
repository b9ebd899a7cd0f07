"""``insight questions`` and ``insight insights``: the question bank and what people told you, in the terminal, and
their ``group`` subcommands to check how your own lines would group."""

from __future__ import annotations

import datetime as dt
import json
from typing import TextIO

import click

from .. import site as core
from ..model import KnowledgeBase
from ..resolve import industry_named
from ..questions.bank import Bank, bank_as_dict, by_topic
from ..questions.grouping import group_keys
from ..questions.said import group_said
from .options import config_option, load_project, today_option
from ..wording import counted, number

HELP = """The question bank: every question asked in your notes, paraphrases grouped by topic, with how often
each was asked and the starter questions not asked yet. Use --json for the whole bank as data."""
HELP_INDUSTRY = "Only questions asked in this industry (its name, an alias or its slug: \"Data Science\", data-science)."
HELP_GROUP = """Group the questions in FILE (one per line; - reads standard input) and print GROUP<TAB>QUESTION for
every input line, in input order. GROUP is the intent (e.g. typical-day) or other-N for questions that match no
intent but are close to each other. Blank lines print as -<TAB> so output lines match input lines."""


def _industry_slug(kb: KnowledgeBase, written: str) -> str:
    """The industry ``written`` names, as `insight share` reads one: by name, alias or slug, in any case."""
    slug = industry_named(kb, written)
    if slug is None:
        known = ", ".join(sorted(i.name for i in kb.industries.values())) or "none yet"
        raise click.ClickException(f"no industry {written!r}; known: {known}")
    return slug


def _print_bank(bank: Bank, kb: KnowledgeBase, industry: str | None) -> None:
    """Groups by topic with counts and who was asked, then the starter questions not asked yet."""
    groups = bank.for_industry(industry) if industry else bank.groups
    starters = bank.not_yet_asked(industry)
    for topic, here in by_topic(groups):
        click.secho(f"{topic.title} [{topic.tiara_letter}: {topic.tiara_name}]", bold=True)
        for g in here:
            people = sorted({kb.people[a.person].name for a in g.answers})
            click.echo(f"  {g.asked:>3}x  {g.canonical}")
            click.echo(f"        asked of {', '.join(people)}")
    if not groups:
        click.echo("No questions asked yet.")
    if starters:
        scope = f" in {kb.industries[industry].name}" if industry else ""
        click.secho(f"\nNot asked yet{scope} ({len(starters)} starter questions)", bold=True)
        for topic, items in by_topic(starters):
            click.echo(f"  {topic.title}:")
            for s in items:
                click.echo(f"    - {s.question.text}")
    asked = sum(g.asked for g in groups)
    click.echo(f"\n{counted(len(groups), 'question')} asked {counted(asked, 'time')}; "
               f"{len(bank.starters) - len(starters)} of {len(bank.starters)} starter questions asked.", err=True)


@click.group(help=HELP, invoke_without_command=True)
@config_option
@today_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole bank as JSON (as questions.json on the site).")
@click.option("--industry", default=None, metavar="NAME", help=HELP_INDUSTRY)
@click.pass_context
def questions(ctx: click.Context, config_file: str | None, today: dt.date | None, as_json: bool,
              industry: str | None) -> None:
    if ctx.invoked_subcommand is not None:
        return
    project = load_project(config_file)
    settings = project.settings(today)
    site = core.build(project.docs_dir, settings, report_prefix=project.repo_path, cache=project.parse_cache())
    kb = site.kb
    if industry is not None:
        industry = _industry_slug(kb, industry)
    bank = site.derived.bank
    for d in bank.diagnostics:
        click.echo(d.format(), err=True)
    if as_json:
        data = bank_as_dict(bank, kb, settings.use_directory_urls)
        if industry is not None:
            data["groups"] = [g for g in data["groups"]
                              if any(industry in [i["slug"] for i in a["industries"]] for a in g["answers"])]
        click.echo(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
        return
    _print_bank(bank, kb, industry)


@questions.command("group", help=HELP_GROUP)
@click.argument("file", type=click.File("r", encoding="utf-8"))
def group(file: TextIO) -> None:
    lines = [line.rstrip("\r\n") for line in file]
    texts = [line.strip() for line in lines]
    present = [t for t in texts if t]
    keys = group_keys(present)
    labels: dict[str, str] = {}
    others = 0
    for key in keys:
        if key not in labels:
            if key.startswith("intent:"):
                labels[key] = key.split(":", 1)[1]
            else:
                others += 1
                labels[key] = f"other-{others}"
    remaining = iter(keys)
    for line, text in zip(lines, texts):
        click.echo(f"{labels[next(remaining)]}\t{text}" if text else "-\t")



HELP_INSIGHTS = """What people told you: the insights and advice that several people gave, merged, with who said
each wording and in which note. Use `insight insights group FILE` to see how your own sentences would group."""
HELP_INSIGHTS_GROUP = """Group the sentences in FILE (one per line; - reads standard input) by what they say and print
GROUP<TAB>SENTENCE for every input line, in input order; GROUP is said-N, the same N for sentences merged.
Blank lines print as -<TAB> so output lines match input lines."""


@click.group(help=HELP_INSIGHTS, invoke_without_command=True)
@config_option
@today_option
@click.pass_context
def insights(ctx: click.Context, config_file: str | None, today: dt.date | None) -> None:
    if ctx.invoked_subcommand is not None:
        return
    project = load_project(config_file)
    site = core.build(project.docs_dir, project.settings(today), report_prefix=project.repo_path, cache=project.parse_cache())
    kb, groups = site.kb, site.derived.said
    shown = 0
    for g in groups:
        if g.people < 2:
            continue
        shown += 1
        click.secho(f"Said by {g.people} people ({g.kind}): {g.wording.text}", bold=True)
        for s in g.items:
            click.echo(f"  {kb.people[s.interview.person].name}: {s.text}  [{s.interview.note.path}]")
    click.echo(f"{counted(shown, 'thing')} said by more than one person; {number(len(groups))} in all.", err=True)


@insights.command("group", help=HELP_INSIGHTS_GROUP)
@click.argument("file", type=click.File("r", encoding="utf-8"))
def insights_group(file: TextIO) -> None:
    lines = [line.rstrip("\r\n") for line in file]
    texts = [line.strip() for line in lines]
    ids = iter(group_said([t for t in texts if t]))
    for text in texts:
        click.echo(f"said-{next(ids) + 1}\t{text}" if text else "-\t")


COMMANDS = [questions, insights]
