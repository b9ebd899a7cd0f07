"""Shared fixtures: real MkDocs + Material builds on disk, a local HTTP server, real Chromium.

Browser tests skip when Chromium is missing on a developer's machine, but fail under CI=true:
CI must prove the JavaScript works.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve_dir  # noqa: F401 - re-exported to tests

ROOT = Path(__file__).resolve().parent.parent
DEMO_TODAY = "2026-11-27"


def run_insight(*args: str, cwd: Path | str = ROOT, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `insight` command (as a user would) and return its result."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"insight {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def make_project(tmp: Path, content: Path | None = None, mkdocs_yml: str | None = None) -> Path:
    """A project folder like the repository's: mkdocs.yml and a copy of ``content``."""
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content or ROOT / "content", tmp / "content")
    (tmp / "mkdocs.yml").write_text(mkdocs_yml or (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return tmp


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo notes built once with real MkDocs + Material and a frozen today; returns the site dir."""
    project = make_project(tmp_path_factory.mktemp("demo"))
    run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=project)
    return project / "site"


@pytest.fixture(scope="session")
def demo_url(demo_site: Path):
    """The demo site served on loopback."""
    url, server = serve_dir(demo_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; never downloads a browser."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records JavaScript errors in ``page.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    yield pg
    context.close()
