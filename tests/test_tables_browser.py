"""The generated tables sort in the browser when a column heading is clicked (Tablesort, vendored)."""

from __future__ import annotations


def _column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(
        ".insight-sortable table tbody tr", f"rows => rows.map(r => r.cells[{index}].innerText.trim())")


def test_conversations_table_sorts_by_a_clicked_column(demo_url: str, page) -> None:
    page.goto(f"{demo_url}/interviews/")
    page.wait_for_selector(".insight-sortable table[data-sortable-ready]")
    dates = _column(page, 0)
    assert len(dates) > 10 and dates == sorted(dates, reverse=True)  # newest first, as built
    before = _column(page, 1)
    page.click(".insight-sortable table thead th:nth-child(2)")  # Person
    after = [p.casefold() for p in _column(page, 1)]
    assert after != [p.casefold() for p in before]
    assert after in (sorted(after), sorted(after, reverse=True))
    # a row's links still lead to its pages
    page.click(".insight-sortable table tbody tr:first-child td:nth-child(2) a")
    page.wait_for_url("**/people/**")
    assert page.errors == []
