"""Names to identities: one page per person, company and industry, whatever the spelling.

Slugs are readable ASCII, stable (the same name always gives the same address) and unique;
a name that could mean two entities is reported and never merged silently.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.identity import Registry, key, slugify
from generator.load import Source, load_all
from generator.resolve import resolve
from generator.settings import Settings

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def kb_of(files: dict[str, str]):
    sources = [Source(f"content/{uri}", uri, text.encode()) for uri, text in sorted(files.items())]
    notes, diags = load_all(sources)
    return resolve(notes, Settings(today=dt.date(2026, 11, 27)), diags)


def note(person: str, day: str = "2026-03-01", **fields: str) -> str:
    extra = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\ndate: {day}\nperson: {person}\n{extra}---\n\nBody.\n"


@pytest.mark.parametrize(
    "kind, a, b",
    [
        ("companies", "Acme Analytics Inc.", "acme analytics"),
        ("companies", "ACME Analytics, LLC", "Acme Analytics"),
        ("companies", "Straße GmbH", "strasse"),
        ("people", "José Núñez", "Jose Nunez"),
        ("people", "Siobhán O'Brien", "Siobhan O’Brien"),
        ("people", "  Anika   Sørensen ", "anika sorensen"),
        ("industries", "Public Sector / Government", "public sector government"),
    ],
)
def test_spellings_of_one_name_share_a_key(kind: str, a: str, b: str) -> None:
    assert key(kind, a) == key(kind, b)


def test_legal_suffixes_only_fold_for_companies() -> None:
    assert key("people", "Acme Inc") != key("people", "Acme")
    assert key("companies", "Inc") == "inc"  # a name that is only a suffix keeps it


@pytest.mark.parametrize(
    "name, slug",
    [("José Núñez", "jose-nunez"), ("Siobhán O'Brien", "siobhan-obrien"), ("Łukasz Ćwik", "lukasz-cwik"),
     ("Ærø", "aero"), ("Public Sector / Government", "public-sector-government"), ("  a  b ", "a-b")],
)
def test_slugs_are_readable_ascii(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("name", ["🙂", "🙂🙂", "王小明", "Мария Иванова", "محمد", "!!!"])
def test_names_without_latin_letters_get_stable_ascii_slugs(name: str) -> None:
    slug = slugify(name, "person")
    assert SLUG.match(slug) and slug.startswith("person-")
    assert slugify(name, "person") == slug  # stable: the same name, the same address, every build


def test_different_names_without_latin_letters_stay_different_people() -> None:
    kb = kb_of({"interviews/a.md": note("'🙂'"), "interviews/b.md": note("'🙂🙂'"), "interviews/c.md": note("王小明"),
                "interviews/d.md": note("王小红")})
    assert len(kb.people) == 4
    assert len({p.slug for p in kb.people.values()}) == 4
    assert all(SLUG.match(p.slug) and p.slug.startswith("person-") for p in kb.people.values())
    kb = kb_of({"interviews/a.md": note("Ana", company="'🚀'", industry="'🤖'")})
    assert list(kb.companies) == [slugify("🚀", "company")] and list(kb.industries) == [slugify("🤖", "industry")]
    assert list(kb.companies)[0].startswith("company-") and list(kb.industries)[0].startswith("industry-")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_every_slug_is_ascii_and_url_safe(name: str) -> None:
    assert SLUG.match(slugify(name, "item")), slugify(name, "item")
    assert len(slugify(name, "item")) <= 60


def test_spellings_resolve_to_one_page() -> None:
    kb = kb_of({
        "interviews/a.md": note("José Núñez", company="Acme Analytics Inc."),
        "interviews/b.md": note("Jose Nunez", "2026-03-02", company="acme analytics"),
        "interviews/c.md": note("JOSÉ NÚÑEZ", "2026-03-03", company="ACME Analytics, LLC"),
    })
    assert list(kb.people) == ["jose-nunez"]
    assert list(kb.companies) == ["acme-analytics"]
    assert len(kb.interviews_with("person", "jose-nunez")) == 3
    assert kb.diagnostics == []


def test_company_slug_does_not_depend_on_which_spelling_comes_first() -> None:
    """Adding an older note that spells the company with its suffix must not move the company's page."""
    kb = kb_of({"interviews/2026-03-01-a.md": note("Ana", company="Acme Analytics Inc.")})
    assert list(kb.companies) == ["acme-analytics"]


def test_aliases_in_entity_files_resolve_to_that_entity() -> None:
    kb = kb_of({
        "people/roman-petrov.md": "---\nname: Roman Petrov\naliases: [Roman P., RP]\n---\n",
        "companies/globex.md": "---\nname: Globex Corporation\naliases: [GX]\n---\n",
        "interviews/a.md": note("Roman P.", company="GX", introduced_by="RP"),
    })
    iv = kb.interviews[0]
    assert iv.person == "roman-petrov" and iv.introduced_by == "roman-petrov"
    assert iv.company == "globex"
    assert kb.people["roman-petrov"].name == "Roman Petrov"
    assert kb.diagnostics == []


def test_an_ambiguous_alias_is_reported_and_not_merged() -> None:
    kb = kb_of({
        "people/sam-lee.md": "---\nname: Sam Lee\naliases: [Sam]\n---\n",
        "people/sam-ortiz.md": "---\nname: Sam Ortiz\naliases: [Sam]\n---\n",
        "interviews/a.md": note("Sam"),
    })
    [d] = kb.diagnostics
    assert d.format() == (
        "content/interviews/a.md:3:1: warning: person: 'Sam' could mean content/people/sam-lee.md or "
        "content/people/sam-ortiz.md; kept apart\n"
        "    hint: use the full name, or list the name under aliases: in one file only"
    )
    person = kb.interviews[0].person
    assert person not in ("sam-lee", "sam-ortiz")
    assert kb.interviews_with("person", "sam-lee") == [] and kb.interviews_with("person", "sam-ortiz") == []


def test_two_files_with_one_name_are_reported() -> None:
    kb = kb_of({
        "people/ana-lima.md": "---\nname: Ana Lima\n---\n",
        "people/ana.md": "---\nname: ana lima\n---\n",
    })
    assert [d.format().split("\n")[0] for d in kb.diagnostics] == [
        "content/people/ana.md:2:1: warning: name: 'ana lima' is already the name in content/people/ana-lima.md"
    ]


def test_different_names_with_one_slug_get_unique_slugs_and_a_warning() -> None:
    kb = kb_of({"interviews/a.md": note("Ana-Lima"), "interviews/b.md": note("Ana Lima!", "2026-03-02"),
                "interviews/c.md": note("Ana Lima?", "2026-03-03")})
    # punctuation folds away: these three are one person
    assert list(kb.people) == ["ana-lima"]
    # non-Latin letters count for identity but not for the slug: two people, two addresses
    kb = kb_of({"interviews/a.md": note("Ana 王"), "interviews/b.md": note("Ana", "2026-03-02")})
    assert sorted(kb.people) == ["ana", "ana-2"]
    assert [d.field for d in kb.diagnostics] == ["person"]
    assert "gets the address /people/ana-2/" in kb.diagnostics[0].message


def test_registry_slugs_are_unique_and_stable() -> None:
    r = Registry("people")
    assert r.claim_slug("ana", "ana") == ("ana", False)
    assert r.claim_slug("ana", "other ana") == ("ana-2", True)
    assert r.claim_slug("ana", "ana") == ("ana", False)
    assert r.claim_slug("ana", "third ana") == ("ana-3", True)
