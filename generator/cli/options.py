"""Option bundles shared by several commands, and loading the project's mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import click

from ..parsecache import ParseCache
from ..settings import Settings, parse_day, today as settings_today

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

HELP_CONFIG = "The MkDocs configuration file (default: mkdocs.yml)."
HELP_TODAY = "Treat this date (YYYY-MM-DD) as today, so builds are reproducible."
HELP_STRICT = "Fail on any error or warning in the notes."


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError as err:
        raise click.BadParameter(str(err).split(": ", 1)[1]) from None


def config_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-f", "--config-file", type=click.Path(dir_okay=False), default=None, help=HELP_CONFIG)(f)


def today_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--today", callback=_day, default=None, metavar="DATE", help=HELP_TODAY)(f)


def strict_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--strict", is_flag=True, default=None, help=HELP_STRICT)(f)


@dataclass
class Project:
    """What commands need from mkdocs.yml: where the notes are, the plugin options, the config itself."""

    config_file: str
    docs_dir: Path
    options: dict[str, Any]
    repo_path: str
    markdown_extensions: list[Any] = field(default_factory=list)  # the site's, for insight export
    markdown_configs: dict[str, Any] = field(default_factory=dict)
    named_files: list[str] = field(default_factory=list)  # files of the docs dir that mkdocs.yml names (published)

    @property
    def project_dir(self) -> Path:
        """The folder of mkdocs.yml."""
        return Path(self.config_file).resolve().parent

    def parse_cache(self) -> ParseCache | None:
        """The notes parsed by earlier builds (plugin option ``cache``, ``INSIGHT_CACHE=0``)."""
        return ParseCache.of_project(self.project_dir, bool(self.options.get("cache", True)))

    def settings(self, today: dt.date | None) -> Settings:
        return Settings.from_options({**self.options, "project_dir": str(self.project_dir)}, today=settings_today(today))


def config_path(config_file: str | None) -> str:
    """The mkdocs.yml to use, or a message that says where insight expects it."""
    path = config_file or "mkdocs.yml"
    if not Path(path).is_file():
        raise click.ClickException(f"{path}: no such file; run insight in the folder that has mkdocs.yml, or pass -f")
    return path


def load_project(config_file: str | None) -> Project:
    """Read mkdocs.yml through MkDocs itself, so the plugin options are validated the same way."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    path = config_path(config_file)
    try:
        cfg = load_config(path)
    except ConfigurationError as err:
        raise click.ClickException(f"{path}: {err}") from None
    plugin = cfg.plugins.get("insight")
    options = dict(plugin.config) if plugin is not None else {}
    options["use_directory_urls"] = cfg.use_directory_urls
    options["site_url"] = cfg.site_url or ""
    from ..plugin import configured_files

    return Project(path, Path(cfg.docs_dir), options, str(options.get("repo_path", "content")),
                   list(cfg.markdown_extensions), dict(cfg.mdx_configs), configured_files(cfg))
