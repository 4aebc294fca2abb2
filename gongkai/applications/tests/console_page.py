"""The application's console page in a browser: its next step and the form of one action."""

import re

from playwright.sync_api import expect


def next_step(page):
    return page.get_by_role("region", name=re.compile("^下一步"))


def action(page, label):
    """The form of one transition: the page's next step when it is that one, otherwise
    unfolded from its summary among the other actions.

    Waits until the page offers the action one way or the other: right after following a
    link the browser may still show the page before (where neither is), and deciding then
    goes looking for a summary the application's page never has."""
    in_step = next_step(page).get_by_role("button", name=label, exact=True)
    folded = page.locator("summary").get_by_text(label, exact=True)
    expect(in_step.or_(folded).first).to_be_visible()
    if in_step.count():
        return next_step(page).locator("form")
    folded.click()
    return page.locator("details[open] form")
