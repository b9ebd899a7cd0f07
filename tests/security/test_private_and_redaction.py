"""Private text and people's names never reach a guide, however untidily the notes are written.

One project holds a note per way of writing a private part (and a note per way a name or a contact detail
hides in shared text); a real `insight share --zip` writes the guide, and every file it wrote (HTML, JSON,
the search index, the sitemap, zip members, file names) is searched for every canary.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attack import TODAY, every_text, leaks, note, project_with, run_insight

PRIVATE_SHAPES = {
    # an unclosed fence in an answer must not swallow the private heading after it
    "unclosed-fence": "## Questions\n\n### What is the day like?\n\nSHARED-fence-answer\n\n```python\nprint('hi')\n\n"
                      "## Private\n\ncanary-unclosed-fence\n",
    "nested-heading": "## Questions\n\n### How did you start?\n\nSHARED-nested-answer\n\n### Private notes\n\n"
                      "canary-nested-heading\n\n### What would you change?\n\nSHARED-after-nested\n",
    "no-space": "## Insights\n\n- SHARED-nospace-insight\n\n##Private\n\ncanary-no-space\n",
    "setext": "## Insights\n\n- SHARED-setext-insight\n\nPrivate\n-------\n\ncanary-setext-dashes\n\nPRIVATE STUFF\n=====\n\ncanary-setext-equals\n",
    "suffixed": "## Insights\n\n- SHARED-suffix-insight\n\n## Private (do not share)\n\ncanary-suffixed\n",
    "lower-case": "## Insights\n\n- SHARED-lower-insight\n\n#### private\n\ncanary-lower-case\n",
    "marker-spacing": "## Insights\n\n- SHARED-marker-insight <!--PRIVATE-->canary-marker-tight<!--  /  Private  --> and more\n"
                      "- SHARED-marker-second <!-- private -->canary-marker-spaced<!-- end private -->\n",
    "marker-unclosed": "## Insights\n\n- SHARED-before-open-marker\n\n<!-- private -->\n\ncanary-marker-unclosed\n\n"
                       "## Advice\n\n- canary-after-unclosed-marker\n",
    "marker-no-end": "## Insights\n\n- SHARED-before-broken-marker\n\n<!-- private\n\ncanary-marker-no-arrow\n",
    "stray-closer": "## Insights\n\n- canary-before-stray-closer\n\n<!-- /private -->\n\n- SHARED-after-stray-closer\n",
    # Obsidian's comments show only while editing; one never closed runs to the end of the note
    "obsidian-comment": "## Insights\n\n- SHARED-comment-insight %% canary-obsidian-comment %%\n- SHARED-after-comment\n\n"
                        "%% canary-open-comment\n\n## Advice\n\n- canary-after-open-comment\n",
    "three-dash-marker": "## Insights\n\n- SHARED-dashes <!--- private --->canary-three-dashes<!--- /private --->\n",
    "html-heading-in-div": "## Insights\n\n- SHARED-div-insight\n\n<div><h2>Private</h2></div>\n\n- canary-div-heading\n",
    "html-heading-two-lines": "## Insights\n\n- SHARED-twolines-insight\n\n<h2 class=x>\nPrivate</h2>\n\n- canary-two-lines\n",
    "html-heading-entity": "## Insights\n\n- SHARED-nbsp-insight\n\n<h2>&nbsp;Private</h2>\n\n- canary-nbsp-heading\n",
    "sub-heading-markup": "## Questions\n\n### How did you start?\n\nSHARED-markup-answer\n\n#### <em>Private</em>\n\n"
                          "canary-em-heading\n\n### &#80;rivate\n\ncanary-entity-heading\n",
    "heading-spelling": "## Insights\n\n- SHARED-spelling-insight\n\n### Ｐｒｉｖａｔｅ\n\ncanary-fullwidth\n\n"
                        "## Advice\n\n- SHARED-spelling-advice\n\n### Pri\u200bvate\n\ncanary-zero-width\n\n"
                        "## Resources\n\n- SHARED-spelling-resource\n\n### 1. Private\n\ncanary-numbered\n",
    # found by the second attack: %% in inline code is code, not a comment that swallows a private heading
    "percent-in-code": "## Advice\n\n- SHARED-percent-advice: `LIKE 'a%%'` trips people up\n\n## Private\n\n"
                       "- `%%` in a format string\n- canary-percent-in-code\n",
    # a heading inside raw HTML is text to Python-Markdown: it does not end the private section the site shows
    "raw-html-heading": "## Insights\n\n- SHARED-rawhtml-insight\n\n## Private\n\n<div class=\"box\">\n\n## Advice\n\n"
                        "- canary-raw-html-heading\n</div>\n",
    "heading-markup": "## Insights\n\n- SHARED-markup-insight\n\n### ![](lock.png) Private\n\n- canary-image-heading\n\n"
                      "## Advice\n\n- SHARED-markup-advice\n\n### Pri*vate*\n\n- canary-emphasis-heading\n",
    # and text that only mentions a heading tag hides nothing
    "heading-tag-in-code": "## Insights\n\n- SHARED-tagcode-insight: style an `<h2>`: private repos get reviewed\n\n"
                           "## Advice\n\n- SHARED-after-tagcode\n",
}

NAMES = {
    # the role is written by the user and may hold a name or an address
    "interviews/2026-06-01-role.md": note("Greta Halvorsen", role="'Analyst (ask Greta: greta.h@example.com)'",
                                         body="## Insights\n\n- SHARED-role-insight\n"),
    # a name in another case, as an @mention, inside a URL, and a short surname
    "interviews/2026-06-02-cases.md": note("Dana Li", body=(
        "## Insights\n\n- SHARED-cases: DANA LI and dana both said so; ping @dana or @DanaLi\n"
        "- SHARED-url: see https://danali.example.net/talks and [her page](https://example.org/people/dana-li)\n"
        "- SHARED-short: Li thinks the same, and so does li\n"
        "- SHARED-obfuscated: write to dana at example dot com\n"
        # an Obsidian wikilink to the person: its label is a name, and a guide has no people pages to link to
        "- SHARED-wikilink: as [[Dana Li|Dana]] and [[Dana Li#Intro]] said\n"
        # what a wikilink shows may be a nickname no list of names knows
        "- SHARED-nickname: [[Dana Li|Danasaur]] says so\n"
        # a label chosen to keep a name home (no person of the notes) is what the guide shows
        "- SHARED-hidden-target: [[Project Falcon|a side project]] is hiring\n"
        # phone numbers as people write them, and an address spelt out around another "at"
        "- SHARED-phones: 07700 900123, +1 (415) 555-0199, +15551234567, 5551234567, 555–123–4567, 030 1234567, "
        "wa.me/46701234567 or at dee dot oduya at gmail dot com, +1 415\u2011555\u20110147, 555—123—4568, "
        "415\u2212555\u22120148\n"
        # addresses written with look-alike or invisible characters, or %-encoded in a mailto link
        "- SHARED-lookalike: dana＠fullwidth.example, dana\u200b@zerowidth.example, mailto:dana%40percent.example, "
        "dana@exämple.example, dana&#64;entity.example (a guide's Markdown shows &#64; as @), and a phone written "
        "plainly beside one that is not: 07700 900124, ana＠mixed.example\n")),
    # a file name is a name too
    "interviews/2026-06-03-attachment.md": note("Zora Quill", body=(
        "## Insights\n\n- SHARED-attach: [the deck](files/zora-quill-talk.pdf)\n")),
    "interviews/files/zora-quill-talk.pdf": b"%PDF SHARED-attachment-bytes",
    # company and industry fields the guide shows are scrubbed as well
    "companies/vantage-metrics.md": ("---\nname: Vantage Metrics\naliases: [VM, \"VMX <!-- private -->canary-alias-marker<!-- /private -->\"]\n"
                                     "website: https://zoraquill.example.com\n"
                                     "location: Greta Halvorsen's flat, greta@example.org\n---\n\nSHARED-company-text\n"),
    # a website without https:// goes into a guide as its https address, unless it spells a name or an address
    "interviews/2026-06-04-orbit.md": note("Ivo Marsh", company="Orbit Labs", body="## Insights\n\n- SHARED-orbit\n"),
    "companies/orbit-labs.md": "---\nname: Orbit Labs\nwebsite: greta-halvorsen.example/portfolio\n---\n",
    "interviews/2026-06-05-mail.md": note("Una Berg", company="Mail Co", body="## Insights\n\n- SHARED-mail\n"),
    "companies/mail-co.md": "---\nname: Mail Co\nwebsite: mail-co.example/contact?to=dee.oduya@gmail.com\n---\n",
    "interviews/2026-06-06-clean.md": note("Noor Vale", company="Clean Co", body="## Insights\n\n- SHARED-clean\n"),
    "companies/clean-co.md": "---\nname: Clean Co\nwebsite: clean-co.example/careers\n---\n",
}
NAME_WORDS = ["Greta", "Halvorsen", "greta.h@", "greta@", "Dana", "danali", "dana-li", "zora", "quill", "dana at example",
              "900123", "555-0199", "15551234567", "5551234567", "123–4567", "1234567", "46701234567", "oduya", "gmail", "0147", "4568", "0148",
              "fullwidth.example", "zerowidth.example", "percent.example", "exämple", "Falcon", "900124", "entity.example",
              "mixed.example"]


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("private")
    notes: dict[str, str | bytes] = {
        f"interviews/2026-05-{i + 1:02d}-{slug}.md": note(f"Person{i} Canaryson", body=body)
        for i, (slug, body) in enumerate(PRIVATE_SHAPES.items())
    }
    notes.update(NAMES)
    project = project_with(tmp, notes)
    out = tmp / "out" / "guide"
    result = run_insight("share", "Data Science", "--out", str(out), "--zip", "--today", TODAY, cwd=project)
    check = run_insight("check", cwd=project, check=False)
    return out, result.stderr + "\n" + check.stdout


def _words(prefix: str) -> list[str]:
    return [w for body in PRIVATE_SHAPES.values() for w in body.replace("\n", " ").split() if w.startswith(prefix)]


def test_private_regions_in_every_shape_stay_home(guide: tuple[Path, str]) -> None:
    out, _ = guide
    texts = every_text(out)
    assert any("!guide/site/search/search_index.json" in n for n in texts), "the zip was read"
    assert leaks(texts, ["canary"]) == []


def test_what_is_outside_private_regions_is_still_shared(guide: tuple[Path, str]) -> None:
    out, _ = guide
    site = every_text(out)["guide/site/search/search_index.json"]
    missing = [w for w in _words("SHARED-") if w.rstrip(":") not in site and "stray" not in w]
    assert missing == []


def test_unclear_structure_is_named_by_check_and_share(guide: tuple[Path, str]) -> None:
    _, said = guide
    for slug, trigger, why in [("unclosed-fence", "```python", "code fence opened here is never closed"),
                               ("marker-unclosed", "<!-- private -->", "<!-- private --> marker here is never closed"),
                               ("marker-no-end", "<!-- private", "private marker here has no closing -->"),
                               ("stray-closer", "<!-- /private -->", "closing <!-- /private --> without an opening one")]:
        n = list(PRIVATE_SHAPES).index(slug) + 1
        line = 8 + PRIVATE_SHAPES[slug].split("\n").index(trigger)  # the body starts on line 8
        where = f"content/interviews/2026-05-{n:02d}-{slug}.md:{line}:1: warning: body: "
        assert said.count(where + "a " + why) == 2, (where, said)  # once from share, once from check


def test_names_and_contact_details_are_redacted_wherever_they_hide(guide: tuple[Path, str]) -> None:
    out, _ = guide
    texts = {n: t for n, t in every_text(out).items() if "/assets/javascripts/lunr/" not in n}  # Material's stemmers
    assert leaks(texts, NAME_WORDS) == []
    assert [n for n, t in texts.items() if "[[" in t and n.endswith((".md", ".html"))] == []
    index = texts["guide/site/search/search_index.json"]
    for shared in ["SHARED-role-insight", "SHARED-cases", "SHARED-url", "SHARED-short", "SHARED-obfuscated",
                   "SHARED-wikilink", "SHARED-nickname", "SHARED-hidden-target", "SHARED-phones", "SHARED-lookalike", "SHARED-attach", "SHARED-company-text", "a Analyst at Vantage Metrics".replace("a A", "an A")]:
        assert shared in index, shared
    pdfs = [n for n in texts if n.startswith("guide/site/attachments/") and n.endswith(".pdf")]
    assert [texts[n] for n in pdfs] == ["%PDF SHARED-attachment-bytes"]


def test_check_flags_obfuscated_addresses(guide: tuple[Path, str]) -> None:
    _, said = guide
    assert "2026-06-02-cases.md:" in said and "an email address in a note shared as anonymous" in said
    assert "an email address in a note shared as anonymous, written with look-alike or invisible characters" in said


def test_a_website_without_its_scheme_is_shared_only_when_it_names_no_one(guide: tuple[Path, str]) -> None:
    out, _ = guide
    companies = {c["name"]: c.get("website", "") for c in json.loads((out / "guide.json").read_text(encoding="utf-8"))["companies"]}
    assert companies["Clean Co"] == "https://clean-co.example/careers"
    assert companies["Orbit Labs"] == companies["Mail Co"] == ""  # a name or an address in it: left home
