"""Live reload renders again only the pages that show what changed, and gets every page right.

After each of a series of edits a real serve session could see (a role, a company, an industry, an
introduction, referrals, questions and answers, a status, a date, who the conversation was with,
follow-up dates ...), the pages a :class:`SiteCache` builds, reusing what it can from the build before,
must be exactly the pages a fresh build of the same notes makes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from tools.bench.corpus import write_corpus
from generator.incremental import SiteCache
from generator.parsecache import ParseCache
from generator.load import discover
from generator.settings import Settings
from generator.pages.followups import CALENDAR
from generator.site import Site, generate, load

TODAY = dt.date(2026, 11, 27)
Edit = Callable[[dict[str, Any]], None]


def _front(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def _write(path: Path, meta: dict[str, Any], body: str) -> None:
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n" + body,
                    encoding="utf-8")


def _done(docs: Path, k: int) -> Path:
    """The k-th held conversation with questions (deterministic)."""
    held = [p for p in sorted((docs / "interviews").glob("*.md")) if "questions" in _front(p)[0]]
    return held[k % len(held)]


def _other(docs: Path, field: str, not_: Any) -> Any:
    for p in sorted((docs / "interviews").glob("*.md")):
        value = _front(p)[0].get(field)
        if value and value != not_:
            return value
    raise AssertionError(field)


EDITS: list[tuple[str, Callable[[Path], Path], Callable[[Path, dict[str, Any]], None]]] = [
    ("role", lambda d: _done(d, 0), lambda d, m: m.update(role=m["role"] + " Lead")),
    ("insight", lambda d: _done(d, 1), lambda d, m: m.update(insights=m.get("insights", []) + ["A brand-new insight."])),
    ("answer", lambda d: _done(d, 2), lambda d, m: m["questions"][0].update(a="A different answer.")),
    ("question wording", lambda d: _done(d, 3), lambda d, m: m["questions"][0].update(q="What keeps you up at night?")),
    ("status", lambda d: _done(d, 4), lambda d, m: m.update(status="declined")),
    ("company", lambda d: _done(d, 5), lambda d, m: m.update(company=_other(d, "company", m["company"]))),
    ("industry", lambda d: _done(d, 6), lambda d, m: m.update(industry=[_other(d, "industry", m.get("industry"))[0]])),
    ("introduced by", lambda d: _done(d, 7), lambda d, m: m.update(introduced_by=_other(d, "introduced_by", m.get("introduced_by")))),
    ("referral added", lambda d: _done(d, 8), lambda d, m: m.update(referrals=m.get("referrals", []) + [
        {"name": _other(d, "person", m["person"]), "why": "Knows the hiring side.", "contacted": False}])),
    ("referrals removed", lambda d: _done(d, 9), lambda d, m: m.pop("referrals", None) or m.update(tags=["x"])),
    ("referral contacted", lambda d: _done(d, 8), lambda d, m: m["referrals"][-1].update(contacted=TODAY)),
    ("thank-you", lambda d: _done(d, 10), lambda d, m: m.update(thank_you_sent=False)),
    ("follow-up date", lambda d: _done(d, 11), lambda d, m: m.update(follow_up_on=TODAY + dt.timedelta(days=3))),
    ("date", lambda d: _done(d, 12), lambda d, m: m.update(date=m["date"] - dt.timedelta(days=40))),
    ("person", lambda d: _done(d, 13), lambda d, m: m.update(person=_other(d, "person", m["person"]))),
    ("new person", lambda d: _done(d, 14), lambda d, m: m.update(person="Quentin Zebulon-Newman")),
    ("share and tags", lambda d: _done(d, 15), lambda d, m: m.update(share="named", tags=["target"])),
    ("advice and resources", lambda d: _done(d, 16), lambda d, m: m.update(advice=["Ship small."], resources=["A book."])),
    ("scheduled", lambda d: _done(d, 17), lambda d, m: m.update(status="scheduled", date=TODAY + dt.timedelta(days=5))),
    # the calendar shows a scheduled conversation at its time of day (a timed event)
    ("time of day", lambda d: _done(d, 17), lambda d, m: m.update(time="14:30")),
    # the same instant at another offset is another time on the page and in the calendar
    ("time in UTC", lambda d: _done(d, 17), lambda d, m: (m.pop("time", None), m.update(
        date=f"{(TODAY + dt.timedelta(days=5)).isoformat()}T14:30:00Z"))),
    ("same instant at +01:00", lambda d: _done(d, 17), lambda d, m: m.update(
        date=f"{(TODAY + dt.timedelta(days=5)).isoformat()}T15:30:00+01:00")),
    ("referral why", lambda d: _done(d, 8), lambda d, m: m["referrals"][0].update(why="Runs the graduate scheme.")),
    ("introduction removed", lambda d: _done(d, 7), lambda d, m: m.pop("introduced_by", None) or m.update(tags=["y"])),
    ("company and back", lambda d: _done(d, 5), lambda d, m: m.update(company=_other(d, "company", m["company"]))),
    ("role of a referral", lambda d: _done(d, 8), lambda d, m: m["referrals"][0].update(role="Head of Data")),
    # a field of the note's own, shown as written: 1, yes and 1.0 are equal in Python, not on the card
    ("own field 1", lambda d: _done(d, 18), lambda d, m: m.update(mood=1)),
    ("own field true", lambda d: _done(d, 18), lambda d, m: m.update(mood=True)),
    ("own field 1.0", lambda d: _done(d, 18), lambda d, m: m.update(mood=1.0)),
    # and so are the keys of a field of its own that holds a mapping
    ("own mapping 1", lambda d: _done(d, 18), lambda d, m: m.update(mood={1: "calm"})),
    ("own mapping true", lambda d: _done(d, 18), lambda d, m: m.update(mood={True: "calm"})),
    ("date of an introduced note", lambda d: _done(d, 7), lambda d, m: m.update(
        introduced_by=_other(d, "introduced_by", None), date=m["date"] - dt.timedelta(days=3))),
]


def _same(partial: Site, fresh: Site) -> None:
    assert partial.pages.keys() == fresh.pages.keys()
    wrong = [uri for uri in fresh.pages if partial.pages[uri] != fresh.pages[uri]]
    assert not wrong, wrong[:10]
    assert list(partial.pages) == list(fresh.pages)  # the same order too
    assert partial.headers == fresh.headers and partial.footers == fresh.footers
    assert partial.titles == fresh.titles and partial.assets == fresh.assets
    assert partial.diagnostics == fresh.diagnostics


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "content"
    write_corpus(root, 150)
    return root


def test_each_edit_rebuilds_to_exactly_the_full_build(docs: Path) -> None:
    settings = Settings(today=TODAY)
    notes, sites = ParseCache(docs.parent / ".parsed"), SiteCache()  # kept from build to build, as under serve

    def both() -> tuple[Site, Site]:
        partial = sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
        return partial, generate(load(discover(docs), settings), settings)

    both()
    reused_any = {}
    calendar_reused = {}
    for name, pick, edit in EDITS:
        path = pick(docs)
        meta, body = _front(path)
        edit(docs, meta)
        _write(path, meta, body)
        partial, fresh = both()
        try:
            _same(partial, fresh)
        except AssertionError as err:
            raise AssertionError(f"after the edit {name!r}: {err}") from None
        reused_any[name] = partial.timings.get("reused", 0)
        calendar_reused[name] = f"asset:{CALENDAR}" in sites.reused
    # the calendar is made again when what it shows changes, and only then
    assert calendar_reused["role"] and calendar_reused["insight"] and calendar_reused["answer"]
    assert not calendar_reused["time of day"] and not calendar_reused["scheduled"]
    assert not calendar_reused["same instant at +01:00"]
    # the point of it: most edits render a small part of the site again
    for name in ("role", "insight", "answer", "status", "thank-you", "share and tags", "advice and resources"):
        assert reused_any[name] > len(fresh.pages) / 2, (name, reused_any[name])
    assert reused_any["new person"] == 0  # a new entity renders everything


def test_an_edited_entity_file_renders_the_pages_that_show_it(docs: Path) -> None:
    settings = Settings(today=TODAY)
    notes, sites = ParseCache(docs.parent / ".parsed"), SiteCache()  # kept from build to build, as under serve
    sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
    person = sorted((docs / "people").glob("*.md"))[0]
    meta, body = _front(person)
    meta["role"] = "Chief Everything Officer"
    _write(person, meta, body)
    partial = sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
    fresh = generate(load(discover(docs), settings), settings)
    _same(partial, fresh)
    page = f"page:people/{person.name}"
    assert page not in sites.reused and "Chief Everything Officer" in fresh.pages[f"people/{person.name}"]
    assert "page:guide/note-format.md" in sites.reused and len(sites.reused) > len(fresh.pages) / 2

    meta["name"] = meta["name"] + " Renamed"  # a name shows wherever the person is linked: everything again
    _write(person, meta, body)
    partial = sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
    _same(partial, generate(load(discover(docs), settings), settings))
    assert sites.reused == set()


def test_a_page_that_declares_no_reads_is_rendered_on_every_save(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new kind of page whose author forgot to say what it reads is never stale: it is rendered each time."""
    from generator import pages
    from generator.render import PageSpec

    rendered: list[str] = []

    def extra(kb: Any, derived: Any, settings: Any) -> Any:
        def context(uri: str) -> dict[str, Any]:
            rendered.append(uri)
            return {"months": {}}
        yield PageSpec("extra/declared.md", "interviews_timeline.md.j2", lambda: context("declared"), "Declared", reads=())
        yield PageSpec("extra/undeclared.md", "interviews_timeline.md.j2", lambda: context("undeclared"), "Undeclared")

    monkeypatch.setattr(pages, "BUILDERS", [*pages.BUILDERS, extra])
    settings = Settings(today=TODAY)
    notes, sites = ParseCache(docs.parent / ".parsed"), SiteCache()
    sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
    assert rendered == ["declared", "undeclared"]
    path = _done(docs, 20)
    meta, body = _front(path)
    meta["tags"] = ["undeclared-check"]
    _write(path, meta, body)
    sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
    assert rendered == ["declared", "undeclared", "undeclared"]
    assert "page:extra/declared.md" in sites.reused and "page:extra/undeclared.md" not in sites.reused


def _random_edit(rng: Any, docs: Path, meta: dict[str, Any]) -> str:
    """One random change a user could make to a note's frontmatter; returns what it did."""
    notes = sorted((docs / "interviews").glob("*.md"))
    other = _front(rng.choice(notes))[0]
    choice = rng.choice(["role", "company", "industry", "introduced_by", "status", "date", "thank_you_sent",
                         "follow_up_on", "referrals", "questions", "insights", "advice", "tags", "share", "channel",
                         "format", "requested_on", "person"])
    if choice == "role":
        meta["role"] = rng.choice(["Analyst", "Data Scientist", meta.get("role", "") + " II"])
    elif choice == "company":
        meta["company"] = other.get("company") or "Acme"
    elif choice == "industry":
        meta["industry"] = other.get("industry") or [rng.choice(["Finance", "Energy", "Media"])]
    elif choice == "introduced_by":
        if meta.get("introduced_by") and rng.random() < 0.4:
            del meta["introduced_by"]
        else:
            meta["introduced_by"] = other["person"]
    elif choice == "status":
        meta["status"] = rng.choice(["done", "declined", "no-reply", "requested", "prospect"])
    elif choice == "date":
        meta["date"] = meta["date"] + dt.timedelta(days=rng.randint(-60, 60))
        meta.pop("requested_on", None)
    elif choice == "thank_you_sent":
        meta["thank_you_sent"] = rng.choice([False, meta["date"] + dt.timedelta(days=1)])
    elif choice == "follow_up_on":
        meta["follow_up_on"] = TODAY + dt.timedelta(days=rng.randint(-20, 20))
    elif choice == "referrals":
        refs = meta.get("referrals", [])
        if refs and rng.random() < 0.5:
            refs.pop(rng.randrange(len(refs)))
        else:
            refs.append({"name": other["person"], "why": rng.choice(["Knows hiring.", "Ex-colleague."]),
                         "contacted": rng.choice([False, TODAY])})
        meta["referrals"] = refs
        if not refs:
            del meta["referrals"]
    elif choice == "questions":
        qs = meta.get("questions", [])
        if qs and rng.random() < 0.5:
            qs[rng.randrange(len(qs))]["a"] = "Changed: " + rng.choice(["more SQL", "less travel"])
        else:
            qs.append({"q": rng.choice(["What does a typical day look like?", "How did you get started?",
                                        "Which tools do you use every day?"]), "a": "Mostly meetings."})
        meta["questions"] = qs
    elif choice in ("insights", "advice"):
        meta[choice] = meta.get(choice, []) + [f"New {choice} {rng.randint(1, 99)}."]
    elif choice == "tags":
        meta["tags"] = rng.sample(["alumni", "target", "follow-up"], rng.randint(0, 2))
    elif choice == "share":
        meta["share"] = rng.choice(["private", "anonymous", "named"])
    elif choice == "channel":
        meta["channel"] = rng.choice(["cold-outreach", "alumni", "event"])
    elif choice == "format":
        meta["format"] = rng.choice(["video", "phone"])
    elif choice == "requested_on":
        meta["requested_on"] = meta["date"] - dt.timedelta(days=rng.randint(1, 30))
    elif choice == "person":
        meta["person"] = other["person"]
    return choice


def _random_entity_edit(rng: Any, docs: Path, path: Path, meta: dict[str, Any]) -> str:
    """One random change to a person's, company's or industry's own file."""
    kind = path.parent.name
    companies = sorted({_front(p)[0].get("company") for p in (docs / "interviews").glob("*.md")} - {None})
    if kind == "people":
        choice = rng.choice(["role", "company", "keep_in_touch", "email", "aliases", "tags"])
        meta[choice] = {"role": rng.choice(["Principal", "Recruiter"]), "company": rng.choice(companies),
                        "keep_in_touch": rng.choice([14, 45]), "email": "new@example.org",
                        "aliases": [meta["name"].split(" ")[0] + " Q."], "tags": ["mentor"]}[choice]
    elif kind == "companies":
        choice = rng.choice(["industry", "website", "aliases", "location"])
        meta[choice] = {"industry": [rng.choice(["Finance", "Energy", "Media"])], "website": "https://new.example.org",
                        "aliases": [meta["name"] + " Labs"], "location": "Leeds"}[choice]
    else:
        choice = "aliases"
        meta["aliases"] = [meta["name"] + " sector"]
    return f"{kind} {choice}"


def test_random_edits_rebuild_to_exactly_the_full_build(tmp_path: Path) -> None:
    """Random single edits to frontmatter fields, sections and prose of random notes and entity files: after each, live reload's site is
    the full build's, and over the run every kind of page that can be reused was reused (so that path was tested)."""
    import random

    from generator import pages as page_builders
    from generator.derive import derive

    docs = tmp_path / "content"
    write_corpus(docs, 120, seed=3)
    settings = Settings(today=TODAY)
    notes, sites = ParseCache(docs.parent / ".parsed"), SiteCache()  # kept from build to build, as under serve
    sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
    rng = random.Random(20261127)
    partial_renders = 0
    reused: set[str] = set()
    entity_files = sorted(p for kind in ("people", "companies", "industries") for p in (docs / kind).glob("*.md"))
    for step in range(60):
        if rng.random() < 0.2:
            path = rng.choice(entity_files)
            meta, body = _front(path)
            did = _random_entity_edit(rng, docs, path, meta)
        elif rng.random() < 0.2:  # typing in the body: prose (the last knowledge base is reused), or a section
            path = rng.choice(sorted((docs / "interviews").glob("*.md")))
            meta, body = _front(path)
            did = rng.choice(["\nA line of prose.\n", "\nAsk [[Nobody Known]] and [[acme]] about it.\n",
                              "\n## Insights\n\n- An insight written in a section.\n"])
            body += did
        else:
            path = rng.choice(sorted((docs / "interviews").glob("*.md")))
            meta, body = _front(path)
            did = _random_edit(rng, docs, meta)
        _write(path, meta, body)
        partial = sites.generate(load(discover(docs), settings, notes, sites.resolve), settings)
        try:
            _same(partial, generate(load(discover(docs), settings), settings))
        except AssertionError as err:
            raise AssertionError(f"step {step}: {did} in {path.name}: {err}") from None
        partial_renders += 0 < len(sites.reused) < len(partial.pages) + len(partial.headers) + 1
        reused |= sites.reused
    assert partial_renders >= 30  # most random edits were rebuilt partially, so the comparison tested that path
    kb = load(discover(docs), settings)
    template = {f"page:{s.src_uri}": s.template for s in page_builders.build_pages(kb, derive(kb, settings), settings)}
    kinds = {template.get(o, o.split(":")[0]) for o in reused}
    assert {"person.md.j2", "company.md.j2", "industry.md.j2", "questions_group.md.j2", "questions_industry.md.j2",
            "network.md.j2", "note_format.md.j2", "note"} <= kinds, kinds


def test_fingerprints_equal_to_the_last_builds_are_its_objects(docs: Path) -> None:
    """What keeps a frontmatter save's comparisons short: a conversation or entity that did not change is held, in
    the new fingerprints, by the very object the last build's held (tuples compare identical items at once)."""
    from generator.derive import derive
    from generator.incremental import inputs

    settings = Settings(today=TODAY)

    def fingerprints(last: dict[str, Any] | None = None) -> dict[str, Any]:
        kb = load(discover(docs), settings)  # resolved afresh, as a frontmatter save does
        return inputs(kb, derive(kb, settings), settings, last)

    first = fingerprints()
    path = _done(docs, 21)
    meta, body = _front(path)
    meta["role"] = "Head of Something Else"
    _write(path, meta, body)
    second = fingerprints(first)
    old = dict(first["conversations"])
    kept = [slug for slug, c in second["conversations"] if c is old.get(slug)]
    assert len(kept) == len(old) - 1 and path.stem not in kept
    old_entities = dict(first["entities"])
    assert all(e is old_entities[key] for key, e in second["entities"])
    assert second["conversations"] != first["conversations"]
