"""Problems shown where the user looks: the /problems/ page, and a page for each note that could not be published.

A note with an error is left out of every list, but its page is not left blank or stale: it says what is wrong
(file, line, field, hint) and shows what could be read of the note, so the user sees the problem where they
expected the note. Both are made in :func:`generator.site.build` from the diagnostics of this build.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..escape import indent, t
from ..urls import href
from ..wording import counted

URI = "problems/index.md"
TITLE = "Problems in your notes"


def only_problems(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Errors and warnings: a note said for information (a template skipped) is no problem."""
    return [d for d in diags if d.severity in ("error", "warning")]


def files_with_problems(diags: list[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """Each file's problems, files in order, errors first within a file."""
    out: dict[str, list[Diagnostic]] = {}
    for d in sorted(only_problems(diags), key=lambda d: (d.path, not d.is_error, d.line, d.col)):
        out.setdefault(d.path, []).append(d)
    return out


def summary(diags: list[Diagnostic]) -> str:
    """One line for the end of a build: ``2 notes have problems (1 error, 1 warning): ...``."""
    diags = only_problems(diags)
    files = files_with_problems(diags)
    if not files:
        return "No problems in the notes."
    return f"{have_problems(len(files), len(diags))} ({kinds(diags)}): `insight check` and /problems/ on the site say which and where."


def have_problems(notes: int, problems: int) -> str:
    """``1 note has a problem``, ``1 note has problems``, ``3 notes have problems``."""
    if notes == 1:
        return "1 note has a problem" if problems == 1 else "1 note has problems"
    return f"{counted(notes, 'note')} have problems"


def kinds(diags: list[Diagnostic]) -> str:
    """``1 error, 2 warnings``, without a count of none."""
    errors = sum(d.is_error for d in diags)
    parts = [counted(errors, "error")] if errors else []
    parts += [counted(len(diags) - errors, "warning")] if len(diags) > errors else []
    return ", ".join(parts)


def _problem_lines(diags: list[Diagnostic]) -> str:
    lines = []
    for d in diags:
        where = f"line {d.line}" + (f", column {d.col}" if d.col > 1 else "")
        field = f" `{t(d.field)}`:" if d.field else ""
        kind = "**Error**" if d.is_error else "Warning"
        lines.append(f"- {kind} at {where}:{field} {t(d.message)}")
        if d.hint:
            lines += ["", f"    *Hint:* {t(d.hint)}", ""]  # a paragraph of its own under the problem
    return "\n".join(lines)


def page(diags: list[Diagnostic], pages_by_path: dict[str, str]) -> str:
    """The /problems/ page: every file with a problem, its problems with line and hint, a link to its page."""
    diags = only_problems(diags)
    files = files_with_problems(diags)
    out = [f"# {TITLE}", ""]
    if not files:
        out += ["No problems: every note was read and is on the site.", "",
                "When a note has a problem (a date that is not a date, a field misspelt, YAML that does not parse), "
                "it is listed here with its line and a hint, and `insight check` prints the same list in the terminal."]
        return "\n".join(out) + "\n"
    errors = [p for p, ds in files.items() if any(d.is_error for d in ds)]
    out.append(f"{have_problems(len(files), len(diags))} ({kinds(diags)}). "
               + (f"{counted(len(errors), 'note')} with an error {'is' if len(errors) == 1 else 'are'} left out of "
                  "every list until fixed; " + ("its own page shows" if len(errors) == 1 else "each one's own page shows")
                  + " what is wrong. " if errors else "")
               + "Warnings do not stop a note from being published. `insight check` prints the same list.")
    out.append("")
    for path, ds in files.items():
        uri = pages_by_path.get(path)
        heading = f"[{t(path)}]({href(URI, uri)})" if uri else t(path)
        out += [f"## {heading}", "", _problem_lines(ds), ""]
    return "\n".join(out)


def broken_note(src_uri: str, path: str, diags: list[Diagnostic], text: str | None, body: str | None) -> str:
    """The page of a note that could not be published: what is wrong first, then what could be read of it.

    ``text`` is the whole file as read (None if it could not be read), ``body`` its Markdown after the
    frontmatter when that could be split off.
    """
    name = path.rsplit("/", 1)[-1]
    out = [f"# {t(name)}", "",
           '!!! failure "This note has a problem: it is left out of every list until it is fixed"',
           "",
           indent(f"`{t(path)}`\n\n" + _problem_lines([d for d in diags if d.path == path])),
           "", indent("Fix the file and save it: the page comes back as usual. "
                      "[Every problem in your notes](" + href(src_uri, URI) + ")"), ""]
    if text is not None:
        if body is not None and not text.endswith(body):
            body = None
        front = text if body is None else text[: len(text) - len(body)]
        fence = "`" * max(3, _longest_backticks(front) + 1)
        out += ["## What the file says", "", f"{fence}yaml", front.rstrip("\n"), fence, ""]
        if body and body.strip():
            out += [body.strip(), ""]
    return "\n".join(out)


def _longest_backticks(text: str) -> int:
    run = best = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        best = max(best, run)
    return best
