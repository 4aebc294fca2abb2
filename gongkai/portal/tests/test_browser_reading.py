"""A reader on a phone and on a computer: the document's title comes first with its metadata
folded away on the phone, and axe finds nothing on any kind of public page."""

import re

import pytest
from playwright.sync_api import expect

from gongkai.core.tests.pages import build_district
from gongkai.enforcement.models import Decision
from gongkai.publishing.models import Document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_reader_opens_a_repealed_policy_and_finds_what_replaced_it(
    browser_page, axe, editor_a, reviewer_a, unit_a, known_calendar, at, viewport
):
    build_district(editor_a, reviewer_a, unit_a, at)
    page = browser_page
    page.set_viewport_size(viewport)
    old = Document.objects.get(title="旧办法")
    page.goto(old.get_absolute_url())
    title = page.get_by_role("heading", level=1, name="旧办法")
    expect(title).to_be_in_viewport()
    table = page.get_by_role("table", name="信息属性")
    if viewport is PHONE:
        expect(table).to_be_hidden()
        page.get_by_text(re.compile("^信息属性（")).click()
    expect(table).to_be_visible()
    banner = page.get_by_role("note").filter(has_text="本文件已废止")
    expect(banner).to_be_visible()
    axe(page)
    banner.get_by_role("link", name="新办法").click()
    expect(page.get_by_role("heading", level=1, name="新办法")).to_be_visible()
    axe(page)


PAGES = [
    "/",
    "/units/",
    "/units/unit-a/",
    "/units/unit-a/guide/",
    "/units/unit-a/statutory/",
    "/policies/",
    "/policies/?scope=not_yet",
    "/policies/?q=无此内容",
    "/annual-reports/",
    "/site-map/",
    "/contact/",
    "/accessibility/",
    "/feedback/",
    "/apply/notice/",
    "/apply/status/",
    "/search/?q=办法&date_from=2024-01-01",
    "/workdays/",
    "/lists/",
    "/enforcement/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_nothing_on_the_public_pages(
    browser_page, axe, editor_a, reviewer_a, unit_a, known_calendar, at, viewport
):
    build_district(editor_a, reviewer_a, unit_a, at)
    page = browser_page
    page.set_viewport_size(viewport)
    for url in PAGES:
        page.goto(url)
        axe(page)
    page.goto(f"/enforcement/{Decision.objects.get().pk}/")
    axe(page)
    page.goto("/display/?contrast=on&elder=on&next=/")
    for url in ("/", "/policies/", f"/documents/{Document.objects.get(title='新办法').pk}/"):
        page.goto(url)
        axe(page)
    assert page.console_errors == []
