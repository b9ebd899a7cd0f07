"""Screenshots of every page type at a laptop's and a phone's size, for review: ``make shots``.

Builds the demo (and a fresh ``insight init`` project with a broken note, for the empty states and the problem
pages) into a temporary folder, serves each on loopback and has Debian's Chromium photograph each page type at
1280x800 and 390x844, whole pages, into ``shots/`` (git-ignored). Nothing here is asserted: the browser tests
do that; this is for eyes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, PAGE_TYPES as DEMO_PAGES, SIZES, serve_dir

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-27"
EMPTY_PAGES = {
    "empty-home": "", "empty-conversations": "interviews/", "empty-people": "people/", "empty-companies": "companies/",
    "empty-industries": "industries/", "empty-network": "network/", "empty-questions": "questions/",
    "empty-follow-ups": "follow-ups/", "broken-note": "interviews/2026-11-20-broken/", "problems-listed": "problems/",
}
BROKEN = "---\ndate: 2026-11-20\nperson: Rae Lin\ncompany: Acme: Labs\n---\n\nShe said the team ships weekly.\n"


def insight(*args: str, cwd: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, check=True, capture_output=True)


def build_demo(where: Path) -> Path:
    project = where / "demo"
    project.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "content"), str(ROOT / "mkdocs.yml"), str(project)], check=True)
    insight("build", "--today", TODAY, cwd=project)
    return project / "site"


def build_empty(where: Path) -> Path:
    insight("init", "mine", "--name", "Ana Lima", "--pitch", "A nurse moving into health data.", "--target", "Mayo Clinic", cwd=where)
    project = where / "mine"
    insight("build", "--today", TODAY, cwd=project)
    empty = project / "site-empty"
    (project / "site").rename(empty)
    (project / "content/interviews/2026-11-20-broken.md").write_text(BROKEN, encoding="utf-8")
    insight("build", "--today", TODAY, cwd=project)
    return empty, project / "site"


def shoot(pages: dict[str, str], url: str, out: Path, browser) -> list[Path]:
    written = []
    for size, (w, h) in SIZES.items():
        context = browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=1,
                                      is_mobile=size == "phone", has_touch=size == "phone")
        page = context.new_page()
        for name, path in pages.items():
            page.goto(f"{url}/{path}")
            page.wait_for_load_state("networkidle")
            if page.locator(".insight-map[data-src]").count():
                page.wait_for_selector(".insight-map[data-rendered], .insight-map[data-error]", timeout=15000)
            target = out / f"{name}-{size}.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
        context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "shots"), help="where to write the PNG files")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        where = Path(tmp)
        demo = build_demo(where)
        empty, broken = build_empty(where)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        written = []
        for site, pages in ((demo, DEMO_PAGES), (empty, {k: v for k, v in EMPTY_PAGES.items() if k.startswith("empty")}),
                            (broken, {k: v for k, v in EMPTY_PAGES.items() if not k.startswith("empty")})):
            url, server = serve_dir(site)
            try:
                written += shoot(pages, url, out, browser)
            finally:
                server.shutdown()
        browser.close()
    print(f"{len(written)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
