"""An elderly reader and a reader with low vision set the display without JavaScript; every
control stays at least 44 px tall and grows with the font; the focus ring stands out."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTROLS = (
    "button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, summary,"
    " .button, .display-controls a, .main-nav a, .column-tabs a"
)


def _heights(page):
    return page.eval_on_selector_all(
        CONTROLS,
        """els => els.filter(e => e.offsetParent !== null)
                   .map(e => [e.name || e.textContent.trim().slice(0, 20) || e.tagName,
                              e.getBoundingClientRect().height])""",
    )


def test_elder_and_high_contrast_modes_work_without_javascript(_chromium, live_server, unit_a):
    context = _chromium.new_context(
        base_url=live_server.url, locale="zh-CN", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"/units/{unit_a.code}/")
    page.get_by_role("link", name="高对比度", exact=True).click()
    expect(page.locator("body")).to_have_css("background-color", "rgb(0, 0, 0)")
    expect(page.get_by_role("link", name="高对比度", exact=True)).to_be_hidden()
    page.get_by_role("link", name="长者模式", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/units/{unit_a.code}/")
    expect(page.locator("html")).to_have_css("font-size", "22px")
    page.get_by_role("link", name="退出长者模式").click()
    page.get_by_role("link", name="关闭高对比度").click()
    expect(page.locator("body")).to_have_css("background-color", "rgb(255, 255, 255)")
    expect(page.locator("html")).to_have_css("font-size", "16px")
    context.close()


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
def test_every_control_is_44px_and_grows_with_the_font(browser_page, unit_a, known_calendar, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    for url in ("/", "/apply/", "/policies/", f"/units/{unit_a.code}/guide/"):
        page.goto(url)
        normal = _heights(page)
        small = [(name, h) for name, h in normal if h < 44]
        assert small == [], url
        page.get_by_role("link", name="特大").click()
        expect(page.locator("html")).to_have_css("font-size", "22px")
        # The size can apply before every stylesheet of the new page has loaded; measure after.
        page.wait_for_load_state("load")
        larger = _heights(page)
        assert [name for name, _ in larger] == [name for name, _ in normal], url
        grown = [b > a for (_, a), (_, b) in zip(normal, larger, strict=True)]
        assert all(grown), [n for (n, _), g in zip(normal, grown, strict=True) if not g]
        page.get_by_role("link", name="标准").click()
        expect(page.locator("html")).to_have_css("font-size", "16px")


def _contrast(first, second):
    def luminance(rgb):
        def channel(c):
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


FOCUS = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  let node = el.parentElement, bg = 'rgba(0, 0, 0, 0)';
  while (node && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
    bg = getComputedStyle(node).backgroundColor; node = node.parentElement;
  }
  const rgb = s => s.match(/\\d+/g).slice(0, 3).map(Number);
  const behind = bg === 'rgba(0, 0, 0, 0)' ? 'rgb(255,255,255)' : bg;
  return {outline: rgb(style.outlineColor), width: parseFloat(style.outlineWidth),
          shadow: style.boxShadow, behind: rgb(behind)};
}"""


def test_the_focus_ring_has_3_to_1_contrast_on_every_background(browser_page, db):
    page = browser_page
    page.goto("/")
    seen = 0
    for _ in range(12):  # the skip link, the header's links and controls, the search box…
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS)
        assert ring["width"] >= 2
        assert _contrast(ring["outline"], ring["behind"]) >= 3, ring
        seen += 1
    assert seen == 12
