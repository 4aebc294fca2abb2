"""A resident searches from the home page's header box, narrows the results with a filter
and opens a document — in a real browser, without any script of ours."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from gongkai.publishing.tests.factories import published


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_from_the_header_filter_and_open_a_document(
    browser_page, editor_a, reviewer_a, unit_a
):
    notice = published(editor_a, reviewer_a, unit_a, title="关于做好秸秆禁烧工作的通知")
    published(
        editor_a,
        reviewer_a,
        unit_a,
        title="秸秆禁烧工作情况通报",
        doc_type="circular",
        doc_number="测政办发〔2024〕8号",
    )
    call_command("run_indexer", "--once", stdout=StringIO())
    page = browser_page
    page.goto("/")
    page.get_by_role("searchbox", name="检索全区政府信息").fill("秸秆禁烧")
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url("**/search/?q=*")
    expect(page.locator("#result-count")).to_contain_text("找到 2 条结果")
    page.evaluate("window.stillThisPage = true")
    page.get_by_label("文种").select_option("notice")
    page.get_by_role("button", name="应用筛选").click()
    page.wait_for_url("**doc_type=notice**")
    expect(page.locator("#result-count")).to_contain_text("找到 1 条结果")
    # The filtered results were swapped into the page (htmx), at an address that can be shared.
    assert page.evaluate("window.stillThisPage") is True
    page.locator(".search-results a").first.click()
    page.wait_for_url(f"**/documents/{notice.pk}/")
    expect(page.locator("h1")).to_contain_text(notice.title)
    assert page.console_errors == []
