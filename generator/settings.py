"""Settings of one build: the plugin's options in ``mkdocs.yml`` plus ``today``.

``today`` is part of the input (``--today``, default: the real date), so the same notes and
the same day always give the same site.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Me:
    """You: how pages name you, and your introduction for prep sheets and emails."""

    name: str = "Me"
    pitch: str = ""
    goals: str = ""


@dataclass(frozen=True)
class Settings:
    today: dt.date = field(default_factory=dt.date.today)
    me: Me = field(default_factory=Me)
    targets: tuple[str, ...] = ()  # companies you want a way into
    followups: dict[str, Any] = field(default_factory=dict)
    site_url: str = ""  # MkDocs' site_url: where the site is published, for links from outside it (the calendar)
    project_dir: str = ""  # the folder of mkdocs.yml: where overrides/emails/ may hold the user's email templates
    use_directory_urls: bool = True  # MkDocs' option: pages at x/ (True) or x.html; for links written as HTML
    timezone: str = ""  # IANA name for the times in notes (the calendar's timed events); "": floating local time

    @classmethod
    def from_options(cls, options: dict[str, Any], today: dt.date | str | None = None) -> Settings:
        """Build settings from the plugin options (already type-checked by the plugin's config class)."""
        me = options.get("me") or {}
        day = today or options.get("today")
        if isinstance(day, str):
            day = parse_day(day)
        return cls(
            today=day or dt.date.today(),
            me=Me(**{k: str(v) for k, v in me.items() if k in ("name", "pitch", "goals") and v}),  # "" means not given
            targets=tuple(options.get("targets") or ()),
            followups=dict(options.get("followups") or {}),
            project_dir=str(options.get("project_dir") or ""),
            use_directory_urls=bool(options.get("use_directory_urls", True)),
            site_url=str(options.get("site_url") or ""),
            timezone=str(options.get("timezone") or ""),
        )


def today(given: dt.date | str | None = None, option: dt.date | str | None = None) -> dt.date | None:
    """The build's today, decided here for every command: ``--today`` (``given``), else ``INSIGHT_TODAY``, else
    the plugin's ``today:`` option; None when none is set (then the real date is used, and not pinned)."""
    day = given or os.environ.get("INSIGHT_TODAY") or option
    if day is None or day == "":
        return None
    return day if isinstance(day, dt.date) else parse_day(str(day))


def pin_build_epoch(day: dt.date, replace: bool = True) -> None:
    """Make MkDocs' own dates (the sitemap, gzip headers) those of ``day``: MkDocs reads SOURCE_DATE_EPOCH, and
    with it the same notes and the same today give a byte-identical site. Without ``replace`` an epoch the user
    set already stands."""
    if replace or "SOURCE_DATE_EPOCH" not in os.environ:
        os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp()))


def zone(name: str) -> dt.tzinfo | None:
    """The time zone called ``name`` (``Europe/London``), None for "", ValueError naming what would be valid."""
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"timezone: unknown time zone {name!r}; use an IANA name such as Europe/London or "
                         "America/New_York") from None


def parse_day(text: str) -> dt.date:
    """``YYYY-MM-DD`` to a date, with a message that says what would be valid."""
    try:
        return dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise ValueError(f"today: expected a date as YYYY-MM-DD, got {text!r}") from None
