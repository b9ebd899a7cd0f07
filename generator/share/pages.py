"""A guide's pages: :class:`~.guide.Guide` data to Markdown, with the site's own renderer and filters.

The pages are a function of the guide data alone, so ``insight share`` and ``insight merge`` give the
same kind of site. There are no pages for people or conversations: a guide is about the field.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

import jinja2
import yaml
from html import escape

from ..identity import key, slugify
from ..questions.grouping import canonical, group_questions
from ..questions.starter import load_starter_bank
from ..questions.taxonomy import TOPICS
from ..render import PageSpec, environment, render
from .guide import Answer, Entry, Guide, Item, Role

_ATTACHMENT_LINK = re.compile(r"(\]\(<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?)(attachments/)", re.M)


@jinja2.pass_context
def _rebase(ctx: jinja2.runtime.Context, text: str) -> str:
    """Links to copied attachments are docs-root relative in the data; make them relative to this page."""
    depth = posixpath.dirname(ctx["page_uri"])
    prefix = "../" * (depth.count("/") + 1) if depth else ""
    return _ATTACHMENT_LINK.sub(lambda m: m.group(1) + prefix + m.group(2), text)


environment().filters.setdefault("rebase", _rebase)


@dataclass
class Group:
    """Paraphrases of one question across the guide, with every answer side by side."""

    text: str
    anchor: str
    topic: str
    answers: list[Answer] = field(default_factory=list)

    def industries(self) -> set[str]:
        return {i for a in self.answers for i in a.industries}


@dataclass
class Place:
    """An industry or company with its page address and what the guide holds about it."""

    entry: Entry
    uri: str
    items: dict[str, list[Item]]
    roles: list[Role]
    groups: list[Group]
    companies: list["Place"] = field(default_factory=list)  # industries: their companies in the guide


def question_groups(answers: list[Answer]) -> list[Group]:
    """Paraphrased questions grouped by what they ask (the question bank's grouping), in topic order."""
    ids = group_questions([a.question for a in answers])
    members: dict[int, list[Answer]] = {}
    for gid, a in zip(ids, answers):
        members.setdefault(gid, []).append(a)
    bank = [s.text for s in load_starter_bank()]
    order = {t.slug: i for i, t in enumerate(TOPICS)}
    groups = []
    for found in members.values():
        # a topic the bank does not know (a classmate's guide may carry any) files the question under "general",
        # so the bank shows every question a company or industry page links to
        topics = sorted({a.topic if a.topic in order else "general" for a in found},
                        key=lambda t: (-sum(a.topic == t for a in found), order.get(t, 99)))
        found.sort(key=lambda a: (not a.answer, a.contributor.casefold(), a.by.casefold(), a.answer))
        groups.append(Group(canonical([a.question for a in found], bank), "", topics[0], found))
    groups.sort(key=lambda g: (order.get(g.topic, 99), -sum(bool(a.answer) for a in g.answers), g.text.casefold()))
    taken: set[str] = set()
    for g in groups:
        base = anchor = "q-" + slugify(g.text, "question")[:50].rstrip("-")
        n = 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        g.anchor = anchor
    return groups


def _uris(kind: str, entries: list[Entry]) -> dict[str, str]:
    out: dict[str, str] = {}
    one = {"industries": "industry", "companies": "company"}.get(kind, "item")
    for e in entries:
        slug, n = slugify(e.name, one), 1
        while f"{kind}/{slug}.md" in out.values():
            n += 1
            slug = f"{slugify(e.name, one)}-{n}"
        out[e.name] = f"{kind}/{slug}.md"
    return out


def _place(entry: Entry, uri: str, kind: str, guide: Guide, groups: list[Group]) -> Place:
    names = {key(kind, n) for n in (entry.name, *entry.aliases)}
    if kind == "industries":
        hit = lambda x: any(key(kind, i) in names for i in x.industries)  # noqa: E731
    else:
        hit = lambda x: key(kind, x.company) in names if x.company else False  # noqa: E731
    items = {k: [it for it in guide.items if it.kind == k and hit(it)] for k in ("insight", "advice", "resource")}
    roles = [r for r in guide.roles if hit(r)]
    return Place(entry, uri, items, roles, [g for g in groups if any(hit(a) for a in g.answers)])


def pages(guide: Guide) -> list[PageSpec]:
    """Every page of the guide."""
    groups = question_groups(guide.answers)
    ind_uris = _uris("industries", guide.industries)
    co_uris = _uris("companies", guide.companies)
    industries = [_place(e, ind_uris[e.name], "industries", guide, groups) for e in guide.industries]
    companies = [_place(e, co_uris[e.name], "companies", guide, groups) for e in guide.companies]
    for p in industries:
        p.companies = [c for c in companies if p.entry.name in c.entry.industries]
    ctx: dict[str, Any] = {"guide": guide, "multi": len(guide.contributors) > 1, "ind_uris": ind_uris, "co_uris": co_uris,
                           "industries": industries, "companies": companies, "groups": groups, "topics": TOPICS}
    specs = [
        PageSpec("index.md", "share/home.md.j2", ctx, guide.title),
        PageSpec("industries/index.md", "share/industries.md.j2", ctx, "Industries"),
        PageSpec("companies/index.md", "share/companies.md.j2", ctx, "Companies"),
        PageSpec("questions/index.md", "share/questions.md.j2", ctx, "Question bank"),
        PageSpec("contributors.md", "share/contributors.md.j2", ctx, "Contributors"),
    ]
    for p in industries + companies:
        specs.append(PageSpec(p.uri, "share/place.md.j2", {**ctx, "place": p, "kind": p.uri.split("/")[0]}, p.entry.name))
    return specs


def render_pages(guide: Guide) -> dict[str, str]:
    """docs-dir path -> Markdown, each page with its title in the frontmatter, HTML-escaped: a guide is built
    without the insight plugin, and Material writes a title it read from the H1 into <title> unescaped."""
    return {spec.src_uri: _front(spec.title) + render(spec) for spec in pages(guide)}


def _front(title: str) -> str:
    return "---\n" + yaml.safe_dump({"title": escape(title, quote=False)}, allow_unicode=True, width=10_000) + "---\n\n"


NAV = [
    {"Home": "index.md"},
    {"Industries": "industries/index.md"},
    {"Companies": "companies/index.md"},
    {"Question bank": "questions/index.md"},
    {"Contributors": "contributors.md"},
]
