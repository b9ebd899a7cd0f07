"""Email drafts: plain-text Jinja templates a user can override, filled from the notes.

A project's ``overrides/emails/<name>.txt.j2`` wins over the built-in template of that name (a
``ChoiceLoader``), so wording can change without touching the package. A template's first line
``Subject: ...`` becomes the subject; the rest is the body. Drafts are short by design: the word
count is shown and more than ``TOO_LONG`` words gets a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from ..escape import plain
from ..questions.lexicon import STOPWORDS
from ..model import Interview, KnowledgeBase, Person, Referral
from ..settings import Settings
from .rules import DueItem

TOO_LONG = 150
TITLES = {"request": "Request for a conversation", "follow-up": "Polite follow-up", "thank-you": "Thank-you",
          "update": "Update"}


@dataclass(frozen=True)
class Draft:
    """One email ready to copy: subject, body, and how long it is."""

    name: str  # template name
    title: str
    to: str
    subject: str
    body: str

    @property
    def words(self) -> int:
        return len(self.body.split())

    @property
    def too_long(self) -> bool:
        return self.words > TOO_LONG

    @property
    def mailto(self) -> str:
        """A ``mailto:`` URL with everything percent-encoded, so it is safe inside a Markdown link."""
        query = f"subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        return f"mailto:{quote(self.to, safe='@')}?{query}"

    @property
    def text(self) -> str:
        return f"Subject: {self.subject}\n\n{self.body.strip()}"


@lru_cache(maxsize=8)
def draft_environment(project_dir: str) -> jinja2.Environment:
    """The email drafts' templates: the project's overrides/emails/ first, then the built-in ones."""
    loaders: list[jinja2.BaseLoader] = []
    if project_dir:
        loaders.append(jinja2.FileSystemLoader(str(Path(project_dir) / "overrides" / "emails")))
    loaders.append(jinja2.PackageLoader("generator", "templates/emails"))
    options = {"autoescape": False, "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": False}
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), undefined=jinja2.ChainableUndefined, **options)
    env.filters["day"] = lambda d: f"{d.strftime('%A')} {d.day} {d.strftime('%B')}"
    env.filters["month"] = lambda d: d.strftime("%B")
    env.filters["lower_first"] = lower_first
    return env


def lower_first(text: str) -> str:
    """"The written summary" -> "the written summary", to run on inside a sentence; "SQL ..." stays, and so does a
    name of two capitalised words ("Acme Analytics hires", as a linked name in an insight begins)."""
    text = str(text)
    words = text.split(maxsplit=2)
    if len(words) > 1 and words[1][:1].isupper() and words[0].casefold() not in STOPWORDS:
        return text
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def _person(kb: KnowledgeBase, slug: str | None) -> dict[str, str] | None:
    if not slug:
        return None
    p: Person = kb.people[slug]
    company = kb.companies[p.company].name if p.company else ""
    return {"name": p.name, "first_name": first_name(p.name), "role": p.role, "company": company, "email": p.email}


def _learned(iv: Interview | None) -> str:
    if iv is None:
        return ""
    for text in iv.insights + iv.advice + [q.answer for q in iv.questions if q.answer]:
        # an insight is Markdown (a wikilink in it is a link by now); an email is text
        return " ".join(plain(text).split()).rstrip(".")
    return ""


def context(kb: KnowledgeBase, settings: Settings, person: str, iv: Interview | None = None,
            referrer: str | None = None, why: str = "") -> dict[str, Any]:
    """What every template may use; missing values are empty strings, never errors."""
    introducer = iv.introduced_by if iv else None
    held = [x for x in kb.interviews_with("person", person) if x.held and x.date <= kb.today]
    actions = [a for x in held for a in x.acted_on]
    introduced = [x for x in kb.interviews_with("introduced_by", person) if x.held and x.date <= kb.today]
    return {
        "me": settings.me,
        "person": _person(kb, person),
        "conversation": iv,
        "company": kb.companies[iv.company].name if iv and iv.company else (_person(kb, person) or {}).get("company", ""),
        "role": (iv.role if iv else "") or kb.people[person].role,
        "channel": iv.channel if iv else None,
        "introducer": _person(kb, introducer) or _person(kb, referrer),
        "why": why,
        "learned": _learned(iv or (held[0] if held else None)),
        "actions": [a.what.rstrip(".") for a in actions if not a.update_sent],
        "referrals": [_person(kb, r.person) for r in iv.referrals] if iv else [],
        "introduced": [_person(kb, x.person) for x in introduced],
        "last_conversation": held[0] if held else None,
        "today": kb.today,
    }


def render(name: str, ctx: dict[str, Any], project_dir: str = "") -> Draft:
    """Fill one template; a broken user template gives a draft that says what is wrong instead of a crash."""
    try:
        text = draft_environment(project_dir).get_template(f"{name}.txt.j2").render(**ctx)
    except jinja2.TemplateSyntaxError as err:
        text = f"Subject: (template error)\n\n{err.filename or name}:{err.lineno}: {err.message}"
    except jinja2.TemplateError as err:
        text = f"Subject: (template error)\n\n{name}.txt.j2: {err}"
    subject, _, body = text.partition("\n")
    subject = subject.removeprefix("Subject:").strip()
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    person = ctx.get("person") or {}
    return Draft(name, TITLES.get(name, name), person.get("email", ""), subject, body)


def for_item(kb: KnowledgeBase, settings: Settings, item: DueItem, by_slug: dict[str, Interview],
             referrals_to: dict[str, list[tuple[Interview, Referral]]]) -> Draft | None:
    """The draft that does a due item, or None when the item is not an email (``by_slug`` and ``referrals_to``:
    the conversations by slug and who suggested whom, from the derive stage)."""
    if item.email is None:
        return None
    iv = by_slug.get(item.interview) if item.interview else None
    if item.kind == "referral":
        r = next((r for _, r in referrals_to.get(item.person, ()) if r.by == item.by[0]), None)
        ctx = context(kb, settings, item.person, None, referrer=item.by[0], why=r.why if r else "")
        ctx["company"] = kb.companies[r.company].name if r and r.company else ctx["company"]
        return render(item.email, ctx, settings.project_dir)
    return render(item.email, context(kb, settings, item.person, iv), settings.project_dir)


def for_conversation(kb: KnowledgeBase, settings: Settings, iv: Interview) -> list[Draft]:
    """A prep sheet's drafts: the request and its follow-up, the thank-you, and the update to the introducer."""
    ctx = context(kb, settings, iv.person, iv)
    names = ["request", "follow-up"] if iv.status == "requested" else ["thank-you"]
    drafts = [render(n, ctx, settings.project_dir) for n in names]
    if iv.introduced_by:
        intro_ctx = context(kb, settings, iv.introduced_by)
        intro_ctx["introduced"] = [_person(kb, iv.person)]
        intro_ctx["planned"] = iv
        drafts.append(render("update", intro_ctx, settings.project_dir))
    return drafts
