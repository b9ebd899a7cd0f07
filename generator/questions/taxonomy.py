"""Topics for an informational-interview question bank, and how they sit in the TIARA frame.

TIARA (Trends, Insights, Advice, Resources, Assignments) is a common way to plan an informational interview: ask
about where the field is going, what the work is really like, what the person would advise, who or what to learn
from next, and what small project would test your interest. The topics below are finer than TIARA, so each names
the TIARA letter it mostly serves; pages can group by topic and still show the frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.questions.grouping import intent_of, topic_slug_of_intent

TIARA: dict[str, str] = {
    "T": "Trends",
    "I": "Insights",
    "A": "Advice",
    "R": "Resources",
    "S": "Assignments",
}
"""TIARA letters. Assignments use ``S`` so that Advice and Assignments stay distinct keys."""


@dataclass(frozen=True)
class Topic:
    """A topic of the question bank.

    Attributes:
        slug: stable identifier used in data files and URLs.
        title: heading shown on the site.
        description: one sentence on what the topic's questions find out.
        tiara: key into ``TIARA`` for the part of the frame the topic serves.
    """

    slug: str
    title: str
    description: str
    tiara: str

    @property
    def tiara_name(self) -> str:
        """The TIARA part spelled out, e.g. "Insights"."""
        return TIARA[self.tiara]

    @property
    def tiara_letter(self) -> str:
        """The letter people know: Advice and Assignments are both "A" in TIARA."""
        return self.tiara_name[0]


TOPICS: tuple[Topic, ...] = (
    Topic("career-path", "Career path",
          "How the person got where they are, why they chose it, what surprised them and where the path leads.", "I"),
    Topic("day-to-day", "Day to day",
          "What the work is actually like: a typical day, responsibilities, the best and worst parts, challenges.", "I"),
    Topic("skills-education", "Skills and education",
          "What it takes: skills, personal qualities, degrees and courses, and experience worth gaining now.", "S"),
    Topic("industry-trends", "Industry trends",
          "Where the field is heading: changes, new technology, job outlook and the issues it faces.", "T"),
    Topic("company-culture", "Company culture",
          "What the organisation is like to work for: environment, values, training, how success is judged.", "I"),
    Topic("hiring-entry", "Hiring and entry",
          "How people get in: entry-level roles, the hiring process, where jobs are found, what makes a candidate stand out.",
          "A"),
    Topic("advice", "Advice",
          "What the person would tell someone in your position: tips, mistakes to avoid, feedback on your plans.", "A"),
    Topic("resources-referrals", "Resources and referrals",
          "Who and what to learn from next: people to talk to, associations, events, reading.", "R"),
    Topic("compensation-lifestyle", "Pay and lifestyle",
          "Salary and benefits, hours, travel, and how the work fits with the rest of life.", "I"),
    Topic("general", "Other questions",
          "Questions that fit no topic above; kept so nothing you asked is lost.", "I"),
)

TOPIC_SLUGS: frozenset[str] = frozenset(t.slug for t in TOPICS)
DEFAULT_TOPIC = "general"
_BY_SLUG: dict[str, Topic] = {t.slug: t for t in TOPICS}


def get_topic(slug: str) -> Topic:
    """The topic with ``slug``; raises ``KeyError`` naming the valid slugs, so a typo in data is easy to fix."""
    try:
        return _BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"unknown topic {slug!r}; expected one of {', '.join(sorted(TOPIC_SLUGS))}") from None


def topic_of(text: str) -> str:
    """The topic slug of a question, from its intent; ``general`` when no intent matches."""
    return topic_slug_of_intent(intent_of(text)) or DEFAULT_TOPIC


def _aliases() -> dict[str, str]:
    """Words a note may use for a topic: the slugs, the titles, every intent's slug, and the TIARA parts that
    map to one topic (Insights spans several topics, so it is not an alias)."""
    from generator.questions.lexicon import INTENTS

    aliases = {intent.slug: intent.topic for intent in INTENTS}
    aliases.update({"trends": "industry-trends", "advice": "advice", "resources": "resources-referrals",
                    "assignments": "skills-education", "background": "career-path", "referrals": "resources-referrals",
                    "entry": "hiring-entry", "pay": "compensation-lifestyle", "lifestyle": "compensation-lifestyle",
                    "compensation": "compensation-lifestyle", "other": "general"})
    for t in TOPICS:
        aliases[t.slug] = t.slug
        aliases[t.title.casefold()] = t.slug
    return aliases


TOPIC_ALIASES: dict[str, str] = _aliases()


def resolve_topic(value: object) -> str | None:
    """The topic slug a note's ``topic:`` names (a slug, a title, an intent such as ``salary``), or ``None``."""
    key = " ".join(str(value).replace("_", "-").split()).casefold()
    return TOPIC_ALIASES.get(key) or TOPIC_ALIASES.get(key.replace(" ", "-"))
