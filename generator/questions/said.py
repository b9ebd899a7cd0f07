"""Group what people told you (insights and advice) by what it says, as questions are grouped by what they ask.

"Learn SQL properly", "Get really good at SQL" and "SQL is the skill every interview tests first" are one piece
of advice heard three times: the most useful thing a set of informational interviews can show. Generic word
overlap misses them (they share one word) and merges "Start networking early" with "Networking events are a
waste of time" (they share the topic, not the advice). So, as with questions, a curated lexicon does the work:
each sentence is read as a set of *concepts* (``CONCEPTS``: "resume", "cv" and "résumé" are one concept) plus
its other content words, and two sentences are said to say the same thing when their concept sets overlap
enough, with the same polarity ("do X" never merges with "do not do X"). The clustering is the questions'
fallback (:func:`generator.questions.grouping.group_keys`): each sentence joins the closest group leader above
the threshold, in input order, found through an index of concepts, so it is deterministic and near-linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Interview
from .grouping import _stem, normalise

#: Minimum weighted overlap of two sentences' features to say the same thing.
THRESHOLD = 0.4
CONCEPT_WEIGHT = 10.0  # a concept outweighs the plain words: they only break near ties

# Concepts of career advice and of what a job is like: phrases over normalised text (see grouping.normalise),
# tried in order, each taking its words away from those after it ("a few years ahead" is a mentor, not "early").
CONCEPTS: dict[str, tuple[str, ...]] = {
    "sql": ("sql", "quer(?:y|ies)", "window functions?", "databases?"),
    "network": ("network(?:ing)?", "relationships?", "contacts", "connections", "people in the field",
                "reach(?:ing)? out"),
    "mentor": ("mentor(?:s|ed|ing|ship)?", "few years ahead"),
    "early": ("early", "long before", "before you need", "ahead", "while you are still studying", "as a student",
              "until graduation", "once you graduate", "first month"),
    "portfolio": ("portfolio", "github", "show your work", "(?:finished|complete|completed|end to end) projects?"),
    "cv": ("cv", "resumes?", "r\u00e9sum\u00e9s?"),
    "tailor": ("tailor(?:ed|ing)?", "rewrite", "adapt(?:ing|ed)?", "customi[sz]e", "adjust", "mirrors?", "match",
               "(?:each|every) (?:job|role|application|posting|ad)", "generic", "keywords"),
    "explain": ("explain(?:ing)? (?:a |an |your |the |what )?(?:technical )?(?:results?|findings?|analys[ie]s|work|projects?)",
                "communicat\\w*", "present(?:ing)?", "as a story", "plain language", "clearly",
                "non technical", "lay audience"),
    "internship": ("internships?", "interns?"),
    "thank": ("thank(?:s| you)?",),
    "statistics": ("statistic(?:s|al)?", "hypothesis", "regression", "distributions"),
    "recruiting-cycle": ("calendar", "cycle", "annual", "yearly", "deadlines?", "autumn", "september",
                         "fill(?:ed)? (?:them )?(?:by|before)", "new year", "january"),
    "startup": ("startups?", "early stage compan(?:y|ies)", "small compan(?:y|ies)"),
    "many-hats": ("hats", "outside (?:their|your) (?:job )?(?:title|role)", "beyond your role", "fluid",
                  "loosely defined", "whatever needs doing", "bit of everything", "outside their job title"),
    "research": ("research(?:ing)?", "homework", "look up", "read the company", "recent news", "website"),
    "case": ("cases?", "case interviews?"),
    "practice": ("(?<!good )(?<!best )practi[cs]e[sd]?", "mock", "dozens", "twenty"),
    "follow-up": ("follow(?:s|ed)? up", "second message", "hear nothing", "does not reply", "unanswered",
                  "did not"),
    "cleaning": ("clean(?:ing)?", "preparation", "preparing", "messy data"),
    "simple-model": ("simple", "explainable", "plain (?:linear )?model", "understands?", "black box", "opaque",
                     "trust"),
    "title": ("titles?",),
    "vary": ("different", "vary", "varies", "depending on"),
    "on-call": ("on call",),
    "habits": ("habits", "reliability and"),
    "junior": ("juniors?", "entry level", "graduates?"),
}
# Words that say nothing about which advice it is ("learn", "really", "job"): left out of the comparison.
GENERIC = frozenset("""
learn learning get getting make making really good great important matter matters more most less much very job
jobs work working role roles field people person thing things way time first one two three skill skills
know need want try use able can could would should will just also even well better best lot lots often always
every each any many some other others much part big small new take takes taking spend spending look looking
year years month months day days week weeks before after about into from over again still ahead sure
""".split())
_NEGATED = re.compile(r"\b(?:do not|never|avoid|skip|waste of time|not worth|no need to|stop)\b")
_NOT_NEGATION = re.compile(r"\bdo not wait\b|\bnot (?:just|only)\b|\bdoes not reply\b|\bdid not\b")
_COMPILED = tuple((name, re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in pats) + r")\b"))
                  for name, pats in CONCEPTS.items())
_STOP = frozenset("""
a an the and or but if of to in on at for with by as is are was were be been being it its this that these those
you your yours i me my we our they them their he she his her what which who whom how when where why than then
so not no do does did done have has had there here all both such own same too only
""".split())


@lru_cache(maxsize=65536)  # a group's wording and each place's are chosen from the same sentences, on every save
def features(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """``(concepts, other content words, negated)`` of one sentence."""
    norm = normalise(text)
    concepts = set()
    rest = norm
    for name, pattern in _COMPILED:
        if pattern.search(rest):
            concepts.add(name)
            rest = pattern.sub(" ", rest)
    words = frozenset(_stem(w) for w in rest.split() if w not in _STOP and w not in GENERIC and len(w) > 1)
    negated = bool(_NEGATED.search(_NOT_NEGATION.sub(" ", norm)))
    return frozenset(concepts), words, negated


def similarity(a: str, b: str) -> float:
    """Weighted overlap of two sentences' concepts and words, 0 when one is negated and the other is not."""
    ca, wa, na = features(a)
    cb, wb, nb = features(b)
    return _score(ca, wa, na, cb, wb, nb)


def _score(ca: frozenset[str], wa: frozenset[str], na: bool, cb: frozenset[str], wb: frozenset[str], nb: bool) -> float:
    if na != nb or not (ca & cb):
        return 0.0  # a shared concept is needed: shared plain words alone ("data", "team") say too little
    shared = CONCEPT_WEIGHT * len(ca & cb) + len(wa & wb)
    union = CONCEPT_WEIGHT * len(ca | cb) + len(wa | wb)
    return shared / union if union else 0.0


def group_said(texts: Sequence[str], sources: Sequence[object] | None = None) -> list[int]:
    """A group id per sentence, in first-seen order (the first sentence is group 0, the next new group 1 ...).

    Each sentence joins the group whose leader (its first sentence) it is closest to, at ``THRESHOLD`` or
    above, else starts a group; leaders are found through the concepts they have. With ``sources`` (the
    conversation of each sentence), a group never takes two sentences from one source: two things written in
    one note are two things, however alike.
    """
    leaders: list[tuple[frozenset[str], frozenset[str], bool]] = []
    by_concept: dict[str, list[int]] = {}
    taken: list[set[object]] = []
    out: list[int] = []
    for n, text in enumerate(texts):
        source = sources[n] if sources is not None else n
        ca, wa, na = features(text)
        best, best_score = -1, THRESHOLD
        for i in sorted({i for c in ca for i in by_concept.get(c, ())}):
            if source in taken[i]:
                continue
            score = _score(ca, wa, na, *leaders[i])
            if score > best_score or (score == best_score and best < 0):
                best, best_score = i, score
        if best < 0:
            best = len(leaders)
            leaders.append((ca, wa, na))
            taken.append(set())
            for c in ca:
                by_concept.setdefault(c, []).append(best)
        taken[best].add(source)
        out.append(best)
    return out


def central(texts: Sequence[str]) -> int:
    """The index of the wording to show for a group: the one closest to the others (the largest sum of
    similarities to every other sentence, added in order); ties to the shorter.

    Every pair is compared, and a group can hold a thousand sentences, so each sentence's concepts and words
    are bits of an integer and a pair's overlap is a count of shared bits: the same scores as :func:`similarity`,
    added up in the same order, at a fraction of the cost.
    """
    return _central(tuple(texts))


# Under serve a frontmatter save derives everything again, and most groups still hold the same sentences: at
# 5,000 conversations, choosing every wording again was 0.8 s of such a save.
@lru_cache(maxsize=65536)
def _central(texts: tuple[str, ...]) -> int:
    bit: dict[str, int] = {}

    def mask(xs: frozenset[str]) -> int:
        m = 0
        for x in xs:
            m |= 1 << bit.setdefault(x, len(bit))
        return m

    rows = [(mask(c), mask(w), len(c), len(w), n) for c, w, n in map(features, texts)]
    weight = CONCEPT_WEIGHT
    # A pair's score is the same both ways, so each pair is worked out once and goes to both sentences' lists;
    # filled row by row, each list still holds its scores in index order, so the sums are the same floats.
    scores: list[list[float]] = [[] for _ in rows]
    for i, (ci, wi, nci, nwi, ni) in enumerate(rows):
        own = scores[i]
        for j in range(i + 1, len(rows)):
            cj, wj, ncj, nwj, nj = rows[j]
            if nj == ni and ci & cj:
                score = ((weight * (ic := (ci & cj).bit_count()) + (iw := (wi & wj).bit_count()))
                         / (weight * (nci + ncj - ic) + nwi + nwj - iw))
                own.append(score)
                scores[j].append(score)
    closeness = [sum(xs) for xs in scores]

    return min(range(len(texts)), key=lambda i: (-closeness[i], len(texts[i]), texts[i]))


@dataclass(frozen=True)
class Said:
    """One insight or piece of advice, as written in one conversation's note."""

    text: str
    kind: str  # insight | advice
    interview: Interview
    order: int  # place in the notes as listed (newest conversation first, then as written)


@dataclass(frozen=True)
class SaidGroup:
    """The same thing said in several conversations: one wording shown, every source kept."""

    wording: Said  # the wording shown
    items: tuple[Said, ...]  # every time it was said, oldest first

    @property
    def kind(self) -> str:
        return self.wording.kind

    @property
    def people(self) -> int:
        """How many different people said it."""
        return len({s.interview.person for s in self.items})

    @property
    def others(self) -> list[Said]:
        """The other wordings, oldest first."""
        return [s for s in self.items if s is not self.wording]

    def only(self, keep: Callable[[Said], bool]) -> SaidGroup | None:
        """This group with only the items ``keep`` holds for (its wording still the central one), or None."""
        items = tuple(s for s in self.items if keep(s))
        if not items:
            return None
        return SaidGroup(items[central([s.text for s in items])], items)


def said_groups(interviews: Iterable[Interview]) -> list[SaidGroup]:
    """The insights and advice of held conversations, what several people said merged; strongest first
    (see :func:`strongest_first`), so a page can list them as they are."""
    listed = [(text, kind, iv) for iv in interviews if iv.held
              for kind, texts in (("insight", iv.insights), ("advice", iv.advice)) for text in texts if text.strip()]
    items = [Said(text, kind, iv, n) for n, (text, kind, iv) in enumerate(listed)]
    items.sort(key=lambda s: (s.interview.date, s.interview.slug, s.order))  # grouped oldest first, as written
    members: dict[int, list[Said]] = {}
    for gid, item in zip(group_said([s.text for s in items], [s.interview.slug for s in items]), items):
        members.setdefault(gid, []).append(item)
    groups = [SaidGroup(xs[central([s.text for s in xs])], tuple(xs)) for xs in members.values()]
    return strongest_first(groups)


def strongest_first(groups: Iterable[SaidGroup]) -> list[SaidGroup]:
    """Most people first, then most often said, then in the notes' order (newest first, as written)."""
    return sorted(groups, key=lambda g: (-g.people, -len(g.items), min(s.order for s in g.items)))


def by_place(groups: Iterable[SaidGroup]) -> dict[tuple[str, str], list[SaidGroup]]:
    """Each company's (``("company", slug)``) and industry's groups, restricted to what was said there."""
    out: dict[tuple[str, str], list[SaidGroup]] = {}
    for g in groups:
        places: dict[tuple[str, str], list[Said]] = {}
        for s in g.items:
            iv = s.interview
            if iv.company:
                places.setdefault(("company", iv.company), []).append(s)
            for ind in dict.fromkeys(iv.industries):
                places.setdefault(("industry", ind), []).append(s)
        for place, items in places.items():
            out.setdefault(place, []).append(SaidGroup(items[central([s.text for s in items])], tuple(items)))
    return {place: strongest_first(gs) for place, gs in out.items()}
