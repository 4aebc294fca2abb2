"""Reading one part of a rendered page, so a test asserts on the date it means and not on the
same date shown elsewhere on the page."""

import re


def _after(page, element_id):
    marker = f'id="{element_id}"'
    assert marker in page, f"the page has no element {marker}"
    return page.split(marker, 1)[1]


def text_of(page, element_id):
    """The visible text of the element with this id, up to its explanation."""
    html = _after(page, element_id).split(">", 1)[1]
    return re.sub(r"<[^>]+>|\s+", "", html.split("<details", 1)[0])


def explanation_of(page, element_id):
    """The "how this date was computed" block (or the note standing for it) that follows the
    element with this id."""
    return _after(page, element_id).split("</details>", 1)[0]


def row_of(page, text):
    """The table row that contains ``text``."""
    return next(row for row in page.split("</tr>") if text in row)
