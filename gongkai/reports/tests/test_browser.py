"""A visitor opens a published annual report from the unit's column."""

import pytest
from playwright.sync_api import expect

from gongkai.reports import format as fmt
from gongkai.reports import workflow

from .scenario import publish, small_year


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_visitor_opens_published_report_from_unit_column(
    calendar_years, in_2026, unit_a, editor_a, reviewer_a, browser_page
):
    small_year(unit_a, editor_a)
    report = publish(
        workflow.generate_report(actor=editor_a, unit=unit_a, year=2025), editor_a, reviewer_a
    )
    page = browser_page
    page.goto(f"/units/{unit_a.code}/")
    page.get_by_role("link", name="政府信息公开年报").click()
    page.get_by_role("link", name=report.title).click()
    page.wait_for_url(f"**/units/{unit_a.code}/annual-reports/2025/")
    expect(page.get_by_role("heading", name="三、收到和处理政府信息公开申请情况")).to_be_visible()
    label = fmt.table3_cell_name("new", "total")
    total_new = page.locator(f'table[data-table="三"] td[data-label="{label}"]')
    expect(total_new).to_have_text("3")
    expect(page.locator('table[data-table="三"] th[rowspan="22"]')).to_have_text(
        "三、本年度办理结果"
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="下载表格（XLSX）").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert page.console_errors == []
