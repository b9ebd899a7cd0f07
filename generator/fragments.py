"""The pieces of generated pages that repeat by the thousand, written as plain functions.

A Jinja macro call costs tens of microseconds; a company, industry or question page shows hundreds
of table rows and answer cards, so at 1,000 conversations as macros these pieces would be most of
the render time. Templates keep the page structure and call these with the page's ``link`` (bound to the
page, so links stay relative). The escaping rules are the templates': every user value goes
through ``t``, ``md`` or ``link``. The tables and lists that grow with the notes are the exception: they are
HTML (:func:`html_table`, :func:`month_list`), every value escaped with ``html.escape`` and every link a relative
URL from :func:`generator.urls.page_href`; a cell that holds more than one value is ``Markup`` made here of such
escaped parts.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any, Callable, Iterable

from markupsafe import Markup

from .editors import unwrap_yaml_link, wikilinks_to_markdown
from .identity import slugify
from .model import Interview, KnowledgeBase
from .escape import md, t
from .htmlblocks import html_block, links_from, markdown_in_html
from .sanitize import unbracket, web_address
from .urls import prep_uri, relink
from .wording import counted

Link = Callable[..., str]


Cell = Any  # text, a number, (uri, label) for a link, a list of such links, or Markup made of escaped parts


def html_table(page_uri: str, directory_urls: bool, headers: Iterable[str], rows: Iterable[Iterable[Cell]],
               searched: bool = False) -> str:
    """A sortable table as pre-rendered HTML (see :func:`generator.htmlblocks.html_block`).

    The big tables of generated pages (every conversation, every person, an industry's conversations) are
    HTML, not Markdown: at 1,000 conversations Python-Markdown takes most of a second to convert the
    conversations index alone, on every save under ``insight serve``. MkDocs passes raw HTML through, so
    links are written as the final relative URLs.
    """
    a = links_from(page_uri, directory_urls)

    def cell(value: Cell) -> str:
        if value is None:
            return ""
        if isinstance(value, tuple):
            return a(*value)
        if isinstance(value, list):
            return ", ".join(a(*x) for x in value)
        if isinstance(value, Markup):  # a cell made here of escaped values and links (the home page's)
            return str(value)
        return escape(str(value), quote=False)

    # a searched table has a line per cell, as Python-Markdown writes one: search reads the cells as words apart
    sep = "\n" if searched else ""
    head = sep + sep.join(f"<th>{escape(h, quote=False)}</th>" for h in headers) + sep
    body = "\n".join(f"<tr>{sep}" + sep.join(f"<td>{cell(v)}</td>" for v in row) + f"{sep}</tr>" for row in rows)
    # the rows name pages search finds on their own (a table of conversations is on every person's, company's and
    # industry's page): the table is kept out of the index, unless it is ``searched`` (what is found only there)
    exclude = "" if searched else " data-search-exclude"
    return html_block(f'<div class="insight-sortable">\n<table{exclude}>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n'
                      f"{body}\n</tbody>\n</table>\n</div>", searched=searched)


def _ref(entity: Any) -> tuple[str, str] | None:
    return (entity.src_uri, entity.name) if entity is not None else None


def iv_table(kb: KnowledgeBase, interviews: Iterable[Interview], page_uri: str, settings: Any, index: bool = False) -> str:
    """Conversations: Date, Person, Role, Company, Status; the conversations index (``index``) adds Industry
    and Channel before Status."""
    people, companies, industries = kb.people, kb.companies, kb.industries
    headers = ("Date", "Person", "Role", "Company") + (("Industry", "Channel") if index else ()) + ("Status",)
    rows = ([(iv.src_uri, iv.date.isoformat()), _ref(people[iv.person]), iv.role,
             _ref(companies[iv.company]) if iv.company else None,
             *(([_ref(industries[s]) for s in iv.industries], (iv.channel or "").replace("-", " ")) if index else ()),
             iv.status] for iv in interviews)
    return html_table(page_uri, settings.use_directory_urls, headers, rows)


def month_list(kb: KnowledgeBase, interviews: Iterable[Interview], page_uri: str, settings: Any) -> str:
    """The timeline's conversations of one month, ``date: person, company (status)`` each, as HTML: at 5,000
    conversations the timeline as a Markdown list took Python-Markdown a second to convert."""
    a = links_from(page_uri, settings.use_directory_urls)
    people, companies = kb.people, kb.companies

    def item(iv: Interview) -> str:
        person = people[iv.person]
        company = f", {escape(companies[iv.company].name, quote=False)}" if iv.company else ""
        return (f"<li>{a(iv.src_uri, iv.date.isoformat())}: {a(person.src_uri, person.name)}{company} "
                f"({escape(iv.status, quote=False)})</li>\n")

    return html_block("<ul>\n" + "".join(map(item, interviews)) + "</ul>")


def people_table(kb: KnowledgeBase, people: Iterable[Any], page_uri: str, settings: Any) -> str:
    rows = ([_ref(p), p.role, _ref(kb.companies[p.company]) if p.company else None,
             len(kb.interviews_with("person", p.slug))] for p in people)
    return html_table(page_uri, settings.use_directory_urls, ("Name", "Role", "Company", "Conversations"), rows)


def companies_table(kb: KnowledgeBase, companies: Iterable[Any], page_uri: str, settings: Any) -> str:
    rows = ([_ref(c), [_ref(kb.industries[s]) for s in c.industries], len(kb.interviews_with("company", c.slug))]
            for c in companies)
    return html_table(page_uri, settings.use_directory_urls, ("Company", "Industry", "Conversations"), rows)


# The home page's tables grow with the notes (at 5,000 conversations, 700 rows in three tables): as HTML, not
# Markdown tables, they take no converting.

def waiting_table(kb: KnowledgeBase, waiting: Iterable[tuple[Interview, Any, Any]], page_uri: str, settings: Any) -> str:
    """Requests with no answer yet: Asked, Person, Company, Follow-up (``waiting`` from ``pages.home``)."""
    a = links_from(page_uri, settings.use_directory_urls)

    def follow_up(iv: Interview, item: Any) -> Cell:
        if item and item.state in ("due", "overdue"):
            when = f"overdue since {item.due.isoformat()}" if item.state == "overdue" else "due now"
            return Markup(f"<strong>{when}</strong>: {a(prep_uri(iv.slug), 'draft')}")
        if item:
            return f"from {item.start.isoformat()}"
        return f"followed up {iv.followed_up_on.isoformat()}" if iv.followed_up_on else None

    rows = ([(iv.src_uri, f"waiting since {since.isoformat()}"), _ref(kb.people[iv.person]),
             _ref(kb.companies[iv.company]) if iv.company else None, follow_up(iv, item)] for iv, since, item in waiting)
    return html_table(page_uri, settings.use_directory_urls, ("Asked", "Person", "Company", "Follow-up"), rows)


def upcoming_table(kb: KnowledgeBase, upcoming: Iterable[Interview], page_uri: str, settings: Any) -> str:
    """Conversations to come: Date, Person, Company, Status (with the prep sheet of a requested or scheduled one)."""
    a = links_from(page_uri, settings.use_directory_urls)

    def status(iv: Interview) -> Cell:
        if iv.status in ("requested", "scheduled"):
            return Markup(f"{escape(iv.status, quote=False)} · {a(prep_uri(iv.slug), 'prep sheet')}")
        return iv.status

    rows = ([(iv.src_uri, iv.date.isoformat()), _ref(kb.people[iv.person]),
             _ref(kb.companies[iv.company]) if iv.company else None, status(iv)] for iv in upcoming)
    return html_table(page_uri, settings.use_directory_urls, ("Date", "Person", "Company", "Status"), rows)


def referrals_table(kb: KnowledgeBase, leads: Iterable[Any], page_uri: str, settings: Any) -> str:
    """People you were pointed to and have not contacted: Person, Company, Suggested by, Why."""
    # a reason written over several lines is one line in a cell, as on the note's page (a blank line in raw HTML
    # would end the table for a Markdown reader of `insight export`)
    rows = ([_ref(kb.people[r.person]), _ref(kb.companies[r.company]) if r.company else None, _ref(kb.people[r.by]),
             " ".join((r.why or "").split())] for r in leads)
    return html_table(page_uri, settings.use_directory_urls, ("Person", "Company", "Suggested by", "Why"), rows)


def due_table(rows: Iterable[Any], page_uri: str, settings: Any) -> str:
    """The follow-ups page's reminders (``pages.followups.Row``): Due, What, Note, Email. Searched: the page is the
    only place they are written (at 5,000 conversations, as a Markdown table, half a second of conversion on every
    build and on every save that changes a date)."""
    def email(r: Any) -> tuple[str, str] | None:
        return (r.draft, "prep sheet" if r.item.kind == "conversation" else "draft") if r.draft else None

    table = ([r.item.due.isoformat(), " ".join((r.what + (f": {r.item.detail}" if r.item.detail else "")).split()),
              (r.note, "note") if r.note else None, email(r)] for r in rows)
    return html_table(page_uri, settings.use_directory_urls, ("Due", "What", "Note", "Email"), table, searched=True)


def _html_links(page_uri: str, settings: Any) -> tuple[Callable[..., str], Callable[[str, Interview], str]]:
    """For pre-rendered HTML on ``page_uri``: ``a(target, text)``, a link as a final URL, and ``user(text, iv)``,
    a note's Markdown (an insight) marked to be converted inline, its links pointing where they did from the note."""
    directory_urls = settings.use_directory_urls
    link = links_from(page_uri, directory_urls)

    def a(target: Any, text: str) -> str:
        return link(target if isinstance(target, str) else target.src_uri, text)

    def user(text: str, iv: Interview) -> str:
        return markdown_in_html(relink(md(text), iv.src_uri, page_uri, directory_urls), inline=True)

    return a, user


# What a note says is indexed for search on the note's own page; the pages that gather it (a company's insights,
# a person's answers, a question's cards) mark their copy so the same text is not found on five pages.
UNSEARCHED = "<div data-search-exclude>"


def sourced_items(kb: KnowledgeBase, items: Iterable[tuple[str, Interview]], page_uri: str, settings: Any) -> str:
    """``- text (who said it)`` for insights, advice and resources, as HTML, their links as from the note."""
    a, user = _html_links(page_uri, settings)
    people = kb.people
    lis = "".join(f"<li>{user(text, iv)} ({a(iv, people[iv.person].name)})</li>\n" for text, iv in items)
    return html_block(f"{UNSEARCHED}\n<ul>\n{lis}</ul>\n</div>", searched=False)


# A few other wordings show how the same thing was put; the names above it already link every note that said it
OTHER_WORDINGS = 5


def said_items(kb: KnowledgeBase, groups: Iterable[Any], page_uri: str, settings: Any) -> str:
    """Insights or advice, strongest first: ``- text (who said it)``; what several people said once, with
    "said by N people", each linked to their note, and up to :data:`OTHER_WORDINGS` other wordings below it. HTML."""
    a, user = _html_links(page_uri, settings)
    people = kb.people
    lis = []
    for g in groups:
        first = g.wording
        text = user(first.text, first.interview)
        if len(g.items) == 1:
            lis.append(f"<li>{text} ({a(first.interview, people[first.interview.person].name)})</li>\n")
            continue
        who = ", ".join(a(s.interview, people[s.interview.person].name) for s in g.items)
        n = g.people
        rest = g.others
        others = "".join(f"<li>“{user(s.text, s.interview)}” ({a(s.interview, people[s.interview.person].name)})</li>\n"
                         for s in rest[:OTHER_WORDINGS])
        if len(rest) > OTHER_WORDINGS:
            others += f"<li>{counted(len(rest) - OTHER_WORDINGS, 'more wording')}, in the notes named above</li>\n"
        lis.append(f"<li>{text} (said by {n} {'people' if n != 1 else 'person, more than once'}: {who})"
                   + (f"\n<ul>\n{others}</ul>\n" if others else "") + "</li>\n")
    return html_block(f"{UNSEARCHED}\n<ul>\n{''.join(lis)}</ul>\n</div>", searched=False)


def _wordings(g: Any, shown: int) -> str:
    """``; worded as “a”, “b” and N more``, or nothing when the group was only asked in its canonical wording."""
    wordings = g.wordings
    if len(wordings) == 1 and wordings[0] == g.canonical:
        return ""
    line = "; worded as " + ", ".join(f"“{t(w)}”" for w in wordings[:shown])
    if len(wordings) > shown:
        line += f" and {len(wordings) - shown} more"
    return line


def _asked(n: int) -> str:
    return f"Asked {n} time{'s' if n != 1 else ''}"


def group_page_uri(g: Any) -> str:
    """The docs-dir path of a question group's own page (its id is a unique slug)."""
    return f"questions/q/{g.id}.md"


def answer_cards(kb: KnowledgeBase, answers: Iterable[Any], page_uri: str, settings: Any) -> str:
    """Every answer as a card (person, role, company, date linking the note), side by side in Material's grid.

    Pre-rendered HTML (:func:`html_table` says why): a question page shows hundreds of answers, and Python-Markdown
    takes a fifth of a second per page to read the cards' Markdown, again on every save that changed one card.
    Only the answers are Markdown, converted when the page is put together, each distinct answer once."""
    directory_urls = settings.use_directory_urls

    link = links_from(page_uri, directory_urls)

    def a(entity: Any, text: str) -> str:
        return link(entity.src_uri, text)

    out = ['<div class="grid cards insight-answers" data-search-exclude>\n<ul>\n']
    people, companies = kb.people, kb.companies
    for ans in answers:
        iv = ans.interview
        person = people[ans.person]
        head = f"<strong>{a(person, person.name)}</strong>"
        if iv.role:
            head += f", {escape(iv.role, quote=False)}"
        if ans.company:
            company = companies[ans.company]
            head += f" at {a(company, company.name)}"
        body = markdown_in_html(relink(md(ans.text), iv.src_uri, page_uri, directory_urls)) if ans.text else "<p><em>Asked; no answer noted.</em></p>"
        out.append(f"<li>\n<p>{head} · {a(iv, ans.date.isoformat())}</p>\n<hr />\n{body}\n</li>\n")
    out.append("</ul>\n</div>")
    return html_block("".join(out), searched=False)


def question_group(kb: KnowledgeBase, g: Any, page_uri: str, settings: Any, level: str = "###",
                   more: bool = False) -> str:
    """One question: its heading and anchor, how often and how it was worded, then every answer as a card.

    ``more`` adds a link to the group's own page (all its answers, every industry).
    """
    # The line is a block of its own (the wordings converted as Markdown, each distinct line once), so the heading
    # stands right above pre-rendered HTML and is lifted with it (htmlblocks.lift_parts): a company page's
    # questions were most of its conversion.
    line = markdown_in_html(_asked(g.asked) + _wordings(g, 6), inline=True)
    if more:
        a, _ = _html_links(page_uri, settings)
        line += ". " + a(group_page_uri(g), "Every answer, all industries")
    return (f"{level} {t(g.canonical)} {{ #q-{g.id} }}\n\n{html_block(f'<p>{line}.</p>')}\n\n"
            f"{answer_cards(kb, g.answers, page_uri, settings)}")


def group_entry(g: Any, link: Link) -> str:
    """A question on the by-topic index: wording, anchor, how often, a few other wordings, a link to its answers."""
    answered = sum(1 for a in g.answers if a.text.strip())
    label = {0: "Where it was asked", 1: "The answer"}.get(answered, f"{answered} answers side by side")
    return (f"### {t(g.canonical)} {{ #q-{g.id} }}\n\n{_asked(g.asked)}{_wordings(g, 3)}. "
            f"{link(group_page_uri(g), label)}.")


def question_list(groups: Iterable[Any], bank_uri: str, link: Link) -> str:
    """Questions as one line each, linking to their answers side by side on a question page (an industry's)."""
    lines = []
    for g in sorted(groups, key=lambda g: (-g.asked, g.canonical.casefold(), g.id)):
        answered = sum(1 for a in g.answers if a.text.strip())
        lines.append(f"- {link(f'{bank_uri}#q-{g.id}', g.canonical)}: {_asked(g.asked).lower()}"
                     + (f", {answered} answer{'s' if answered != 1 else ''}" if answered else ""))
    return "\n".join(lines)


def md_items(items: Iterable[str]) -> str:
    """A bullet list of user Markdown items, one per line."""
    return "\n".join(f"- {md(x)}" for x in items)


def said(answers: Iterable[tuple[Any, Interview]], page_uri: str, settings: Any) -> str:
    """What one person answered: a collapsible block per question, with the conversation it came from. HTML."""
    directory_urls = settings.use_directory_urls
    link = links_from(page_uri, directory_urls)
    out = []
    for qa, iv in answers:
        answer = markdown_in_html(relink(md(qa.answer), iv.src_uri, page_uri, directory_urls)) if qa.answer else ""
        out.append(f'<details class="question">\n<summary>{escape(" ".join(qa.question.split()), quote=False)}</summary>\n'
                   f"<p>({link(iv.src_uri, iv.date.isoformat())})</p>\n{answer}\n</details>\n")
    return html_block(f"{UNSEARCHED}\n{''.join(out)}</div>", searched=False)


class NoteParts:
    """The HTML pieces of one note's page, written once per note: links are final URLs from the note's page
    (``directory_urls`` as MkDocs writes them), user text is escaped, and the user's Markdown (answers,
    insights) is marked to be converted with the site's extensions (:func:`markdown_in_html`)."""

    def __init__(self, kb: KnowledgeBase, iv: Interview, directory_urls: bool) -> None:
        self.kb, self.iv, self.uri, self.directory_urls = kb, iv, iv.src_uri, directory_urls
        self._link = links_from(self.uri, directory_urls)

    def a(self, target: Any, text: str | None = None) -> str:
        uri = target if isinstance(target, str) else target.src_uri
        label = text if text is not None else (target if isinstance(target, str) else target.name)
        return self._link(uri, label)

    def markdown(self, text: str, inline: bool = False) -> str:
        """A piece of the note's own Markdown (from its frontmatter), its links made final URLs."""
        return markdown_in_html(relink(md(text), self.uri, self.uri, self.directory_urls), inline)


def note_header(kb: KnowledgeBase, iv: Interview, directory_urls: bool = True) -> str:
    """The card above a note: its title, who, where, when, how it came about. Every note has one (and a
    footer), so they are functions, not templates; the card is HTML (an admonition as Python-Markdown writes
    one), so MkDocs does not convert it again for each of a thousand notes. The title stays Markdown: it is the
    page's heading and its table of contents."""
    n = NoteParts(kb, iv, directory_urls)
    person = kb.people[iv.person]
    title = escape(person.name + (f" · {iv.role}" if iv.role else ""), quote=False)
    rows = [("Person", n.a(person))]
    if iv.company:
        rows.append(("Company", n.a(kb.companies[iv.company])))
    if iv.industries:
        rows.append(("Industry", ", ".join(n.a(kb.industries[s]) for s in iv.industries)))
    when = iv.date.isoformat() + (f" {time_text(iv.time)}" if iv.time else "")
    rows.append(("Date", escape(f"{when} ({iv.status}{', ' + iv.format if iv.format else ''})", quote=False)))
    if iv.channel:
        rows.append(("Channel", escape(iv.channel.replace("-", " "), quote=False)))
    if iv.introduced_by:
        rows.append(("Introduced by", n.a(kb.people[iv.introduced_by])))
    if iv.people:
        rows.append(("Also there", ", ".join(n.a(kb.people[s]) for s in iv.people)))
    if iv.status in ("requested", "scheduled"):
        rows.append(("Prepare", n.a(prep_uri(iv.slug), "prep sheet and email drafts")))
    if iv.tags:
        rows.append(("Tags", ", ".join(n.a(tag_uri(x), "#" + x) for x in iv.tags)))
    # Search finds the person, company, industry and tag on their own pages, not again on each of their notes;
    # the note's own fields (`location:`, anything the schema does not know) it finds here.
    own = [(name, own_value_html(n, value)) for name, value in iv.note.extra.items()]
    exclude = " data-search-exclude"
    whole, each = ("", exclude) if own else (exclude, "")  # the whole card, or all of it but the note's own rows

    def item(name: str, value: str, attrs: str) -> str:
        return f"<li{attrs}><strong>{escape(' '.join(name.split()), quote=False)}:</strong> {value}</li>\n"

    items = ("".join(item(name, value, each) for name, value in rows)
             + "".join(item(name, value, "") for name, value in own))
    card = (f'<div class="admonition abstract"{whole}>\n<p class="admonition-title"{each}>{title}</p>\n'
            f'<ul>\n{items}</ul>\n</div>')
    return f"# {t(iv.title)}\n\n{html_block(card, searched=bool(own))}\n"


def own_value_html(n: NoteParts, value: Any) -> str:
    """:func:`own_value` as HTML on a note's card."""
    if unwrap_yaml_link(value) is not value:
        value = f"[[{unwrap_yaml_link(value)}]]"
    if isinstance(value, dict):
        return "; ".join(f"{escape(str(k), quote=False)}: {own_value_html(n, v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(own_value_html(n, v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = " ".join(str(value).split())
    if "[[" in text:
        return n.markdown(wikilinks_to_markdown(text, n.kb.names, n.uri), inline=True)
    return escape(text, quote=False)


def time_text(time: Any) -> str:
    """``14:30``, with seconds only when given and the zone when the note gives one (``14:30 UTC+02:00``)."""
    text = time.strftime("%H:%M:%S" if time.second else "%H:%M")
    zone = time.tzname() if time.tzinfo is not None else None
    return f"{text} {zone}" if zone else text


def tag_uri(tag: str) -> str:
    """Where a tag's notes are listed: its section on the tags page."""
    return f"tags/index.md#{tag_anchor(tag)}"


def tag_anchor(tag: str) -> str:
    return "tag-" + slugify(tag, fallback="tag")


def own_value(kb: KnowledgeBase, value: Any, from_uri: str) -> str:
    """A field the schema does not know, shown as written: lists joined, dates as dates, wikilinks as links."""
    if unwrap_yaml_link(value) is not value:  # `project: [[Launch]]` unquoted: YAML's list in a list
        value = f"[[{unwrap_yaml_link(value)}]]"
    if isinstance(value, dict):
        return "; ".join(f"{t(k)}: {own_value(kb, v, from_uri)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(own_value(kb, v, from_uri) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = " ".join(str(value).split())
    if "[[" in text:
        return md(wikilinks_to_markdown(text, kb.names, from_uri))
    return t(text)


def note_footer(kb: KnowledgeBase, iv: Interview, related: list[tuple[str, list[Interview]]],
                contact: dict[str, Any], directory_urls: bool = True) -> str:
    """Below a note: the questions, insights, advice and resources from its frontmatter, the people it pointed
    you to, and related conversations. Headings are Markdown (the page's table of contents); what is under them
    is HTML, as Python-Markdown would write it, with the note's own Markdown in it converted once
    (:class:`generator.htmlblocks.MarkdownSnippets`, shared with every page that shows the same answer)."""
    n = NoteParts(kb, iv, directory_urls)
    out = []
    meta = iv.note.meta
    line = iv.note.lines.get("questions")
    asked = [qa for qa in iv.questions if qa.line == line] if meta.get("questions") else []
    if asked:
        cards = "".join(f'<details class="question">\n<summary>{escape(" ".join(qa.question.split()), quote=False)}</summary>\n'
                        f'{n.markdown(qa.answer or "No answer recorded.")}\n</details>\n' for qa in asked)
        out.append(f"## Questions asked\n\n{html_block(cards.rstrip())}\n\n")
    for label in ("Insights", "Advice", "Resources"):
        items = [wikilinks_to_markdown(x, kb.names, iv.src_uri) for x in meta.get(label.lower(), [])]
        if items:
            lis = "".join(f"<li>{n.markdown(x, inline=True)}</li>\n" for x in items)
            out.append(f"## {label}\n\n{html_block(f'<ul>{chr(10)}{lis}</ul>')}\n\n")
    if iv.referrals:
        people, companies = kb.people, kb.companies
        rows = "".join(f"<tr>\n<td>{n.a(people[r.person])}</td>\n<td>{n.a(companies[r.company]) if r.company else ''}</td>\n"
                       f"<td>{escape(' '.join((r.why or '').split()), quote=False)}</td>\n"
                       f"<td>{escape(contact[r.person].label, quote=False)}</td>\n</tr>\n" for r in iv.referrals)
        table = ("<table>\n<thead>\n<tr>\n<th>Person</th>\n<th>Company</th>\n<th>Why</th>\n<th>Contact</th>\n</tr>\n"
                 f"</thead>\n<tbody>\n{rows}</tbody>\n</table>")
        out.append(f"## Referrals\n\n{html_block(table)}\n\n")
    if related:
        people, companies = kb.people, kb.companies
        blocks = []
        for heading, ivs in related:
            lis = "".join(f"<li>{n.a(other, other.date.isoformat())}: {n.a(people[other.person])}"
                          f"{', ' + escape(companies[other.company].name, quote=False) if other.company else ''}</li>\n"
                          for other in ivs)
            blocks.append(f"<p><strong>{escape(heading, quote=False)}</strong></p>\n<ul>\n{lis}</ul>\n")
        # the same conversations are listed under many notes: searching finds each on its own page instead
        out.append(f"## Related conversations\n\n{html_block('<div data-search-exclude>' + chr(10) + ''.join(blocks) + '</div>', searched=False)}\n")
    return "".join(out)


def web_link(value: Any) -> str:
    """A website or profile as the user wrote it, as an HTML link (:func:`generator.sanitize.web_address`); anything
    that is no web address (``javascript:...``, a sentence) as text."""
    text = " ".join(str(value).split())
    url = web_address(text)
    return f'<a href="{escape(url)}">{escape(unbracket(text), quote=False)}</a>' if url else escape(text, quote=False)


def person_connections(kb: KnowledgeBase, person: Any, net: Any, settings: Any, contact: dict[str, Any], page_uri: str,
                       introducers: Iterable[str], introduced: Iterable[Interview], referred_by: Iterable[Any],
                       referred: Iterable[Any]) -> str:
    """Below a person's map: their warm path, who introduced them, whom they introduced and who suggested whom, as
    HTML. Each line names pages search finds on their own, so the list is kept out of the index."""
    a, _ = _html_links(page_uri, settings)
    people, companies = kb.people, kb.companies

    def why(text: str | None) -> str:
        return f": {escape(' '.join(text.split()), quote=False)}" if text else ""

    items = []
    path = net.paths.get(f"person:{person.slug}", [])
    if len(path) > 2:
        items.append("Warm path: " + " → ".join(
            f"{escape(settings.me.name, quote=False)} (you)" if net.nodes[i].kind == "me" else a(net.nodes[i].src_uri, net.nodes[i].label)
            for i in path))
    items += [f"Introduced to you by {a(people[slug], people[slug].name)}" for slug in introducers]
    items += [f"Introduced you to {a(people[iv.person], people[iv.person].name)} ({a(iv, iv.date.isoformat())})" for iv in introduced]
    items += [f"Suggested by {a(people[r.by], people[r.by].name)}{why(r.why)} ({escape(contact[r.person].label, quote=False)})"
              for r in referred_by]
    items += [f"Suggested you talk to {a(people[r.person], people[r.person].name)}"
              f"{' at ' + a(companies[r.company], companies[r.company].name) if r.company else ''}{why(r.why)} "
              f"({escape(contact[r.person].label, quote=False)})" for r in referred]
    if not items:
        return "No introductions or referrals recorded."
    lis = "".join(f"<li>{x}</li>\n" for x in items)
    return html_block(f"<ul data-search-exclude>\n{lis}</ul>", searched=False)


def net_node(net: Any, settings: Any, node_id: str, link: Link) -> str:
    """A network node as a link to its page; you are your name."""
    n = net.nodes[node_id]
    return f"{t(settings.me.name)} (you)" if n.kind == "me" else link(n.src_uri, n.label)


def net_path(net: Any, settings: Any, ids: Iterable[str], link: Link) -> str:
    """A warm path: its nodes joined by arrows."""
    return " → ".join(net_node(net, settings, i, link) for i in ids)


def tag_items(kb: KnowledgeBase, tag: Any, page_uri: str, settings: Any) -> str:
    """The conversations and people carrying one tag, as HTML: the tags page lists every tagged note, half a
    megabyte of Markdown links at 5,000 conversations, which Python-Markdown took most of a second to read."""
    a = links_from(page_uri, settings.use_directory_urls)
    people, companies = kb.people, kb.companies
    lis = [f"<li>{a(iv.src_uri, iv.date.isoformat())}: {a(people[iv.person].src_uri, people[iv.person].name)}"
           + (f", {escape(companies[iv.company].name, quote=False)}" if iv.company else "") + "</li>\n"
           for iv in tag.interviews]
    lis += [f"<li>{a(p.src_uri, p.name)} (person)</li>\n" for p in tag.people]
    return html_block(f"<ul>\n{''.join(lis)}</ul>")


def draft_intro(d: Any, status: str = "") -> str:
    """What goes between an email draft's heading and the draft: its ``status`` line (HTML, from
    :func:`draft_status`) and a warning when the draft is long, as Python-Markdown writes a paragraph and an
    admonition; a block of its own, so the heading stands right above pre-rendered HTML (see
    :func:`generator.htmlblocks.lift_parts`). Empty when there is neither."""
    parts = [f"<p>{status}</p>"] if status else []
    if d.too_long:
        title = f"{counted(d.words, 'word')}: busy people read short emails; aim for 150 or fewer"
        parts.append(f'<div class="admonition warning">\n<p class="admonition-title">{escape(title, quote=False)}</p>\n</div>')
    return html_block("\n".join(parts)) + "\n\n" if parts else ""


def draft_status(item: Any, note: Any, page_uri: str, settings: Any) -> str:
    """A due email's state and day above its draft on a person's page, and a link to the note it is about."""
    line = f"<strong>{escape(item.state.capitalize(), quote=False)}</strong>, due {item.due.isoformat()}"
    if note is not None:
        a, _ = _html_links(page_uri, settings)
        line += " · " + a(note, "the note")
    return line


def draft_block(d: Any) -> str:
    """An email draft's length, its ``mailto:`` link and its text, as the Markdown of ``N words · [Open in your
    email app](mailto:...)`` and a ```text fence would make them (so Material's copy button finds the text),
    written here: a person's page has several drafts, and highlighting each with Pygments and reading each long
    ``mailto:`` link cost more than the rest of the page. Left out of search: it is the same letter to everyone.

    A blank line would end the raw HTML for Markdown engines that follow CommonMark (``insight export``), so each
    line break that would make one is written as ``&#10;``: the same text, copied or shown."""
    code = re.sub(r"(?<=\n)([ \t]*)\n", r"\1&#10;", escape(d.text, quote=False))
    label = "Open in your email app" + ("" if d.to else " (add their address)")
    return html_block(f'{UNSEARCHED}\n<p>{counted(d.words, "word")} · <a href="{escape(d.mailto)}">{label}</a></p>\n'
                      f'<div class="insight-draft">\n<div class="highlight"><pre><span></span><code>'
                      f'{code}\n</code></pre></div>\n</div>\n</div>', searched=False)


GLOBALS = {"html_block": html_block, "draft_intro": draft_intro, "draft_status": draft_status, "draft_block": draft_block, "tag_items": tag_items, "person_connections": person_connections, "iv_table": iv_table, "due_table": due_table, "people_table": people_table, "month_list": month_list, "waiting_table": waiting_table, "upcoming_table": upcoming_table, "referrals_table": referrals_table,
           "companies_table": companies_table, "sourced_items": sourced_items, "said_items": said_items, "question_group": question_group, "group_entry": group_entry, "question_list": question_list,
           "answer_cards": answer_cards,
           "md_items": md_items, "said": said, "net_node": net_node, "net_path": net_path, "web_link": web_link}
