"""A deterministic synthetic corpus of N conversations, written as a user would write notes.

The shape follows NOTE-FORMAT.md and the distributions of a real search: about one person per
three conversations (a few people are seen many times), one company per twelve, a dozen or more
industries, introductions and referrals between people, questions in the frontmatter and in the
body, insights and advice, and a few entity files. The same ``n`` and ``seed`` always give
byte-identical files, so benchmark runs compare like with like.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from pathlib import Path

import yaml

TODAY = dt.date(2026, 11, 27)

FIRST = ["Ada", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ines", "Jonas", "Kofi", "Lucia",
         "Mateo", "Noor", "Oskar", "Paula", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena",
         "Yara", "Zoltan", "Amara", "Benedikt", "Carmen", "Deniz", "Emeka", "Freya", "Goran", "Helga", "Ivo",
         "Jana", "Kenji", "Leila", "Milos", "Nadia", "Olu", "Priya", "Ravi", "Sofia", "Tomas", "Ulla", "Vera",
         "Wiktor", "Yusuf", "Zainab", "Renée", "José", "Zoë", "Søren"]
LAST = ["Abbott", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fontaine", "Gallo", "Horvat", "Iyer", "Jansen",
        "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
        "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zielinski", "Almeida", "Brennan", "Chowdhury", "Duarte",
        "Esposito", "Fischer", "Grant", "Haddad", "Ibrahim", "Jovanovic", "Kim", "Larsen", "Mensah", "Novak",
        "O'Brien", "Park", "Reyes", "Sato", "Torres", "Ueda", "Vogel", "Weiss", "Young", "Zhou"]
COMPANY_A = ["Acme", "Blue", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel",
             "Lumen", "Meridian", "North", "Orbit", "Pine", "Quarry", "Redwood", "Summit", "Tidal", "Umber",
             "Vertex", "Willow", "Zenith"]
COMPANY_B = ["Analytics", "Labs", "Health", "Capital", "Systems", "Partners", "Works", "Logistics", "Energy",
             "Media", "Robotics", "Foods", "Bank", "Insurance", "Studio", "Consulting"]
SUFFIX = ["", "", "", " Inc.", " LLC", " Ltd", " GmbH"]
INDUSTRIES = ["Data Science", "Software Engineering", "Finance", "Healthcare Technology", "Management Consulting",
              "Public Sector", "Energy", "Retail", "Logistics", "Media", "Education", "Biotech", "Insurance",
              "Robotics", "Gaming", "Cybersecurity", "Climate Tech", "Legal Tech", "Real Estate", "Agriculture",
              "Aerospace", "Telecommunications", "Nonprofit", "Hospitality", "Automotive", "Fashion",
              "Pharmaceuticals", "Manufacturing", "Venture Capital", "Architecture", "Journalism", "Sports",
              "Music", "Film", "Transport", "Mining", "Chemicals", "Shipping", "Tourism", "Semiconductors"]
ROLES = ["Data Scientist", "Senior Data Scientist", "Software Engineer", "Engineering Manager", "Product Manager",
         "Analyst", "Associate", "Consultant", "Policy Advisor", "Research Scientist", "Designer",
         "Machine Learning Engineer", "Recruiter", "Founder", "Operations Lead", "Controller"]
QUESTIONS = [
    ("How did you get started?", "career-path"),
    ("What does a typical day look like?", "day-to-day"),
    ("What do you like least about the job?", "company-culture"),
    ("What do you like most about your work?", "company-culture"),
    ("Which skills matter most in your role?", "skills-education"),
    ("Is a master's degree worth it here?", "skills-education"),
    ("How do people usually get hired onto your team?", "hiring-entry"),
    ("What would you do differently if you started again?", "advice"),
    ("How is performance judged in the first year?", "career-path"),
    ("What surprised you when you joined?", "company-culture"),
    ("Who else should I talk to?", "resources-referrals"),
    ("What does the interview process look like?", "hiring-entry"),
]
WORDS = ("the team works in short cycles and most of the time goes to data quality and talking with clients "
         "while the modelling itself is a small share of the week so communication and sql matter more than "
         "any particular library and a clear write up of one real project beats a long list of courses").split()
STATUSES = ["done"] * 17 + ["scheduled", "requested", "prospect", "declined", "no-reply"]
CHANNELS = ["cold-outreach", "family-friends", "mutual-contact", "alumni", "event", "other"]
FORMATS = ["in-person", "video", "phone"]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _sentence(rng: random.Random, lo: int = 8, hi: int = 24) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def _names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct person names; beyond the first x last grid a middle initial keeps them apart."""
    grid = [f"{f} {l}" for f in FIRST for l in LAST]
    rng.shuffle(grid)
    out = grid[:count]
    i = 0
    while len(out) < count:
        f, l = grid[i % len(grid)].split(" ", 1)
        out.append(f"{f} {chr(65 + (i // len(grid)) % 26)}. {l}")
        i += 1
    return out


def _companies(rng: random.Random, count: int) -> list[str]:
    grid = [f"{a} {b}" for a in COMPANY_A for b in COMPANY_B]
    rng.shuffle(grid)
    return [grid[i % len(grid)] + (f" {i // len(grid) + 1}" if i >= len(grid) else "") for i in range(count)]


def _dump(meta: dict, body: str) -> str:
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{body.rstrip()}\n"


def write_corpus(out: str | Path, n: int, seed: int = 7) -> dict[str, int]:
    """Write ``n`` conversation notes and some entity files under ``out`` (a docs dir); returns counts."""
    rng = random.Random(f"insight-bench:{seed}:{n}")
    root = Path(out)
    n_people = max(3, n // 3)
    n_companies = max(2, n // 12)
    n_industries = min(len(INDUSTRIES), 8 + n // 125)
    people = _names(rng, n_people + n // 10)  # the tail: people only ever referred, never met
    met, referred_only = people[:n_people], people[n_people:]
    companies = _companies(rng, n_companies)
    industries = INDUSTRIES[:n_industries]
    company_industries = {c: rng.sample(industries, rng.choice([1, 1, 2])) for c in companies}
    # a few people are seen many times (a skewed distribution), most once or twice
    weights = [1.0 / (1 + i) ** 0.6 for i in range(n_people)]
    home = {p: rng.choice(companies) for p in people}
    role = {p: rng.choice(ROLES) for p in people}
    used: set[str] = set()
    files: dict[str, str] = {}
    for i in range(n):
        person = rng.choices(met, weights)[0]
        status = rng.choice(STATUSES)
        if status in ("scheduled",):
            date = TODAY + dt.timedelta(days=rng.randint(1, 30))
        else:
            date = TODAY - dt.timedelta(days=rng.randint(0, 730))
        name = f"{date.isoformat()}-{slug(person)}"
        k = 2
        while name in used:
            name, k = f"{date.isoformat()}-{slug(person)}-{k}", k + 1
        used.add(name)
        company = home[person]
        meta: dict = {"date": date, "person": person, "role": role[person], "company": company + rng.choice(SUFFIX)}
        if rng.random() < 0.4:
            meta["industry"] = company_industries[company] if rng.random() < 0.8 else [rng.choice(industries)]
        meta["status"] = status
        meta["channel"] = rng.choice(CHANNELS)
        if rng.random() < 0.3:
            meta["introduced_by"] = rng.choice(met)
        meta["format"] = rng.choice(FORMATS)
        meta["requested_on"] = date - dt.timedelta(days=rng.randint(3, 20))
        if status == "done":
            meta["thank_you_sent"] = date + dt.timedelta(days=rng.randint(0, 3)) if rng.random() < 0.8 else False
            if rng.random() < 0.3:
                meta["follow_up_on"] = date + dt.timedelta(days=rng.randint(30, 120))
            refs = []
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                who = rng.choice(referred_only + met)
                r = {"name": who, "company": home[who], "role": role[who], "why": _sentence(rng, 6, 14)}
                r["contacted"] = date + dt.timedelta(days=rng.randint(2, 40)) if rng.random() < 0.5 else False
                refs.append(r)
            if refs:
                meta["referrals"] = refs
            meta["questions"] = [{"q": q, "a": " ".join(_sentence(rng) for _ in range(rng.randint(1, 3))), "topic": topic}
                                 for q, topic in rng.sample(QUESTIONS, rng.randint(2, 4))]
            meta["insights"] = [_sentence(rng) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.6:
                meta["advice"] = [_sentence(rng, 5, 12) for _ in range(rng.randint(1, 2))]
            if rng.random() < 0.3:
                meta["resources"] = [_sentence(rng, 3, 6)]
        meta["tags"] = sorted(rng.sample(["first-conversation", "follow-up", "target", "long-shot", "alumni"], rng.randint(0, 2)))
        meta["share"] = rng.choice(["private", "private", "anonymous", "named"])
        body = [_sentence(rng, 20, 40), ""]
        if status == "done":
            body += ["## Questions", ""]
            for q, _ in rng.sample(QUESTIONS, rng.randint(1, 2)):
                body += [f"### {q}", "", _sentence(rng, 15, 35), ""]
            body += ["## Insights", "", f"- {_sentence(rng)}", ""]
            if rng.random() < 0.3:
                body += ["## Private", "", f"- {_sentence(rng, 6, 12)}", ""]
        files[f"interviews/{name}.md"] = _dump(meta, "\n".join(body))
    for p in met[: max(1, n_people // 20)]:
        meta = {"name": p, "aliases": [p.split(" ")[0] + " " + p.split(" ")[-1][0] + "."], "role": role[p],
                "company": home[p], "email": f"{slug(p)}@example.com", "keep_in_touch": rng.choice([30, 60, 90])}
        files[f"people/{slug(p)}.md"] = _dump(meta, _sentence(rng, 15, 30))
    for c in companies[: max(1, n_companies * 3 // 10)]:
        meta = {"name": c, "aliases": [c + rng.choice(["", " Inc."]) + " Group"], "industry": company_industries[c],
                "website": f"https://{slug(c)}.example.com"}
        files[f"companies/{slug(c)}.md"] = _dump(meta, _sentence(rng, 15, 30))
    for ind in industries[: max(1, n_industries // 2)]:
        files[f"industries/{slug(ind)}.md"] = _dump({"name": ind}, _sentence(rng, 15, 30))
    for rel, text in sorted(files.items()):
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    kinds = {"interviews": 0, "people": 0, "companies": 0, "industries": 0}
    for rel in files:
        kinds[rel.split("/", 1)[0]] += 1
    return kinds
