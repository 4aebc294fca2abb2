"""Checks over every page a visitor or a member of staff can reach by following links."""

import pytest
from lxml import html as lxml_html

from gongkai.core.periods import bare_day_periods

from .pages import broken_references, build_district, crawl

pytestmark = pytest.mark.django_db


@pytest.fixture
def district(editor_a, reviewer_a, unit_a, known_calendar, at):
    return build_district(editor_a, reviewer_a, unit_a, at)


def _check(pages):
    problems = {url: broken_references(html) for url, html in pages.items()}
    return {url: found for url, found in problems.items() if found}


def _bare_periods(pages):
    """Periods of days that do not say 工作日 or 自然日, page by page."""
    found = {
        url: bare_day_periods(lxml_html.fromstring(html).text_content())
        for url, html in pages.items()
    }
    return {url: periods for url, periods in found.items() if periods}


def test_every_public_page_resolves_its_id_references(client, district):
    pages = crawl(client, "/")
    pages.update(crawl(client, "/apply/"))
    assert len(pages) > 20
    # The lists and the enforcement decisions are reached from the directory.
    assert {"/lists/", "/enforcement/"} <= set(pages)
    assert any(url.startswith("/enforcement/") and url[13:-1].isdigit() for url in pages)
    assert _check(pages) == {}
    assert _bare_periods(pages) == {}


@pytest.mark.parametrize("persona", ["editor_a", "reviewer_a", "office", "head_a", "admin_a"])
def test_every_console_page_resolves_its_id_references(client, district, persona, request):
    client.force_login(request.getfixturevalue(persona))
    pages = crawl(client, "/console/")
    assert len(pages) > 3
    assert _check(pages) == {}
    # The handler's pages state the legal periods of an application; other console pages are
    # scanned once their wording has been brought in line (oversight's has).
    handling = {
        url: html for url, html in pages.items() if url.startswith("/console/applications/")
    }
    assert handling and _bare_periods(handling) == {}
