"""The decision pages pass axe on a phone and a desktop."""

from datetime import date

import pytest

from gongkai.accounts.tests.factories import PASSWORD
from gongkai.enforcement import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_decision_pages_pass_axe(
    browser_page, axe, known_calendar, unit_a, editor_a, reviewer_a, width
):
    decision = services.register(
        actor=editor_a,
        unit=unit_a,
        kind="licence",
        number="测甲许〔2026〕3号",
        title="食品经营许可",
        party_kind="organisation",
        party_name="东岚某某超市有限公司",
        party_identifier="91330100MA2XXXXX2X",
        facts="准予食品经营许可",
        basis="《中华人民共和国食品安全法》第三十五条",
        outcome="准予许可",
        decided_on=date(2026, 12, 1),
    )
    services.publish(actor=reviewer_a, decision=decision)
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    for url in ("/enforcement/", f"/enforcement/{decision.pk}/", "/enforcement/?kind=licence"):
        page.goto(url)
        axe(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    page.goto("/console/login/")
    page.get_by_label("用户名").fill(editor_a.username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    for url in ("/console/enforcement/", f"/console/enforcement/units/{unit_a.pk}/new/"):
        page.goto(url)
        axe(page)
