"""In a real browser: an editor imports a list from the template's format and the pages pass
axe on a phone and a desktop; a citizen filters the list without JavaScript."""

import pytest
from playwright.sync_api import expect

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.lists import services
from gongkai.lists.models import PublicList

from .factories import power, published, workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, user):
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()


def test_the_editor_imports_and_sees_row_errors(browser_page, axe, tmp_path, unit_a, editor_a):
    page = browser_page
    _login(page, editor_a)
    page.goto(f"/console/lists/{unit_a.pk}/powers/")
    axe(page)
    bad = tmp_path / "权责清单.xlsx"
    bad.write_bytes(workbook("powers", [power("XK-1"), power("XK-2", power_type="审批")]))
    page.get_by_label("清单表格（XLSX）").set_input_files(str(bad))
    page.get_by_role("button", name="导入").click()
    expect(page.get_by_role("alert")).to_contain_text("第 3 行：“权力类型”应为")
    axe(page)
    assert not PublicList.objects.exists()
    good = tmp_path / "good.xlsx"
    good.write_bytes(workbook("powers", [power("XK-1"), power("XK-2")]))
    page.get_by_label("清单表格（XLSX）").set_input_files(str(good))
    page.get_by_role("button", name="导入").click()
    expect(page.get_by_text("表格已全部导入草稿")).to_be_visible()
    expect(page.get_by_text("新增 2 项")).to_be_visible()
    axe(page)
    page.locator("main table a", has_text="修改").first.click()
    expect(page.get_by_label("事项名称")).to_have_value("事项")
    axe(page)


@pytest.fixture
def two_versions(unit_a, editor_a, reviewer_a):
    published(
        "powers",
        [power("XK-1", "建筑工程施工许可"), power("CF-1", "违法建设处罚", power_type="行政处罚")],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="powers")
    services.delete_entry(actor=editor_a, version=draft, entry=draft.entries.get(key="CF-1"))
    services.submit(actor=editor_a, version=draft, note="划转处罚权")
    services.publish(actor=reviewer_a, version=draft)


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_public_pages_pass_axe_and_fit_the_screen(browser_page, axe, two_versions, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    for url in (
        "/lists/",
        "/lists/powers/",
        "/lists/powers/unit-a/",
        "/lists/powers/unit-a/versions/",
        "/lists/powers/unit-a/v2/",
        "/lists/search/?q=许可",
        "/lists/powers/?q=许可",
        "/lists/service-halls/",
        "/lists/proposals/",
    ):
        page.goto(url)
        axe(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    page.goto("/lists/powers/unit-a/v2/")
    expect(page.locator("main del").first).to_contain_text("CF-1")


def test_filtering_needs_no_javascript(_chromium, live_server, two_versions, editor_a, unit_a):
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="powers")
    services.save_entry(
        actor=editor_a,
        version=draft,
        values=dict(
            zip(
                [c.key for c in draft.schema.columns],
                power("CF-2", "处罚二", "行政处罚"),
                strict=True,
            )
        ),
    )
    context = _chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/lists/powers/unit-a/")
    page.get_by_label("权力类型").select_option("行政许可")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("main")).to_contain_text("建筑工程施工许可")
    page.get_by_label("权力类型").select_option("行政处罚")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("main")).to_contain_text("没有符合条件的条目")
    context.close()
