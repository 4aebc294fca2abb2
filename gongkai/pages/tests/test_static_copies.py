"""Static copies of public pages: written when what they show changes, removed when a page
stops being public, served by the application exactly as nginx serves them."""

import gzip

import brotli
import pytest
from django.urls import reverse

from gongkai.applications import policy
from gongkai.applications.received import OnlineNonWorkingDayRule
from gongkai.pages import registry, renderer
from gongkai.pages.models import RenderOperation
from gongkai.publishing import workflow
from gongkai.publishing.tests.factories import published
from gongkai.units import services as unit_services

pytestmark = pytest.mark.django_db


def _copy(path):
    found = [f for f in renderer.candidates(path) if f.is_file()]
    return found[0].read_text() if found else None


def test_a_full_rebuild_writes_every_static_page_with_compressed_copies(
    editor_a, reviewer_a, unit_a
):
    document = published(editor_a, reviewer_a, unit_a, title="关于春季森林防火的通知")
    renderer.rebuild()
    page = renderer.file_for(document.get_absolute_url())
    assert "关于春季森林防火的通知" in page.read_text()
    assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()
    assert "关于春季森林防火的通知" in _copy("/")
    assert "关于春季森林防火的通知" in _copy(f"/feeds/units/{unit_a.code}/")
    assert renderer.file_for(f"/feeds/units/{unit_a.code}/", "application/atom+xml").is_file()
    assert "<urlset" in _copy("/sitemap.xml")


def test_a_publication_rerenders_only_the_pages_that_show_it(editor_a, reviewer_a, unit_a, unit_b):
    renderer.rebuild()
    other_column = renderer.file_for(f"/units/{unit_b.code}/statutory/")
    before = other_column.stat().st_mtime_ns
    document = published(editor_a, reviewer_a, unit_a, title="关于供水管网维修的公告")
    assert _copy(document.get_absolute_url()) is None
    renderer.run_once()
    assert "关于供水管网维修的公告" in _copy(document.get_absolute_url())
    assert "关于供水管网维修的公告" in _copy(f"/units/{unit_a.code}/statutory/")
    assert "关于供水管网维修的公告" in _copy("/")
    assert other_column.stat().st_mtime_ns == before
    assert renderer.status().pending == 0


def test_a_withdrawn_document_leaves_no_copy_and_the_application_answers_410(
    client, editor_a, reviewer_a, unit_a
):
    document = published(editor_a, reviewer_a, unit_a, title="关于临时停水的通知")
    renderer.rebuild()
    workflow.withdraw(actor=reviewer_a, document=document, reason="已恢复供水")
    renderer.run_once()
    assert _copy(document.get_absolute_url()) is None
    assert not list(renderer.pages_dir().rglob(f"documents/{document.pk}/index.html*"))
    assert "关于临时停水的通知" not in _copy(f"/units/{unit_a.code}/statutory/")
    assert client.get(document.get_absolute_url()).status_code == 410


def test_a_renamed_unit_shows_its_new_name_on_its_column_and_documents(
    office, editor_a, reviewer_a, unit_a
):
    document = published(editor_a, reviewer_a, unit_a)
    renderer.rebuild()
    unit_services.update_unit(actor=office, unit=unit_a, full_name="测试区甲管理局")
    renderer.run_once()
    assert "测试区甲管理局" in _copy(f"/units/{unit_a.code}/")
    assert "测试区甲管理局" in _copy(document.get_absolute_url())


def test_a_rolled_back_change_leaves_no_render_request(editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a)
    before = RenderOperation.objects.count()
    with pytest.raises(Exception, match="撤回理由|理由"):
        workflow.withdraw(actor=reviewer_a, document=document, reason=" ")
    assert RenderOperation.objects.count() == before


def test_the_renderer_does_nothing_before_the_first_rebuild(editor_a, reviewer_a, unit_a):
    published(editor_a, reviewer_a, unit_a)
    assert renderer.run_once() == 0
    assert not renderer.status().built


def test_a_full_rebuild_removes_copies_of_pages_that_are_gone(unit_a):
    renderer.rebuild()
    stale = renderer.file_for("/documents/999999/")
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    renderer.rebuild()
    assert not stale.exists()


def test_the_policy_library_is_rendered_again_when_the_day_changes(unit_a, at):
    at(2026, 9, 24)
    renderer.rebuild()
    at(2026, 9, 25)
    assert renderer.run_once() == len(registry.dated_pages("2026-09-24"))
    assert "2026-09-25" in _copy(reverse("publishing:policies"))


def test_a_milestone_passing_unmet_is_flagged_on_the_static_page_the_next_day(
    unit_a, editor_a, reviewer_a, at
):
    from gongkai.lists.tests.factories import published as published_list
    from gongkai.lists.tests.test_key_tasks import task

    at(2026, 9, 24)
    tasks = [task("MS-1", "西城片区改造", "2026-09-24")]
    published_list("key_tasks", tasks, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    renderer.rebuild()
    page = reverse("lists:unit", args=["key_tasks", "unit-a"])
    assert "逾期未完成" not in _copy(page)
    at(2026, 9, 25)
    renderer.run_once()
    assert "【逾期未完成】" in _copy(page)


def test_the_application_serves_the_copy_as_nginx_would(client, editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a)
    renderer.rebuild()
    renderer.file_for(document.get_absolute_url()).write_text("static copy")
    response = client.get(document.get_absolute_url())
    assert b"".join(response.streaming_content) == b"static copy"
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Security-Policy" in response
    compressed = client.get(document.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, br")
    assert compressed["Content-Encoding"] == "br"
    # A query string or a staff session gets the page from the view.
    assert b"static copy" not in client.get(document.get_absolute_url() + "?x=1").content
    client.cookies["sessionid"] = "x"
    assert b"static copy" not in client.get(document.get_absolute_url()).content


def test_a_reader_with_a_larger_font_gets_the_same_copy_and_a_stylesheet_in_that_size(
    client, unit_a
):
    """Display settings live in /display.css, not in the page, so the copy serves everyone."""
    renderer.rebuild()
    renderer.file_for("/").write_text("static copy")
    client.get("/display/", {"font": "larger", "next": "/"})
    assert b"".join(client.get("/").streaming_content) == b"static copy"
    assert "html { font-size: 137.5%; }" in client.get("/display.css").content.decode()


def test_the_portal_furniture_and_the_application_notice_are_static_pages(unit_a):
    renderer.rebuild()
    assert "网站地图" in _copy(reverse("portal:site-map"))
    assert unit_a.full_name in _copy(reverse("portal:site-map"))
    assert "联系我们" in _copy(reverse("portal:contact"))
    assert "无障碍" in _copy(reverse("portal:accessibility"))
    assert "年度报告" in _copy(reverse("reports:index"))
    assert "流程图" in _copy(reverse("applications:notice"))


def test_a_renamed_unit_is_renamed_on_the_site_map(office, unit_a):
    renderer.rebuild()
    unit_services.update_unit(actor=office, unit=unit_a, full_name="测试区甲管理局")
    renderer.run_once()
    assert "测试区甲管理局" in _copy(reverse("portal:site-map"))
    assert reverse("reports:index") in registry.affected(RenderOperation.Subject.UNIT, unit_a.pk)


def test_a_new_application_policy_rerenders_the_notice_that_explains_it(office, unit_a):
    renderer.rebuild()
    assert "以下一个工作日为收到申请之日" in _copy(reverse("applications:notice"))
    policy.save_policy(
        actor=office,
        online_nonworking_rule=OnlineNonWorkingDayRule.SAME_DAY,
        fee_clock_stops=True,
        reminder_days="5,3,1",
    )
    renderer.run_once()
    notice = _copy(reverse("applications:notice"))
    assert "以提交当日为收到申请之日" in notice
    assert "以下一个工作日为收到申请之日" not in notice
    # The policy touches the notice, not every unit's column.
    assert reverse("portal:unit", args=[unit_a.code]) not in registry.affected(
        RenderOperation.Subject.SITE, None
    )


def _pages_of_last_change():
    last = RenderOperation.objects.latest("id")
    return registry.affected(last.subject, last.object_id)


def test_a_published_list_rerenders_its_unit_lists_not_the_site(
    government, unit_a, editor_a, reviewer_a
):
    from gongkai.lists.tests.factories import power
    from gongkai.lists.tests.factories import published as published_list

    rows = [power("XK-1", "建筑工程施工许可")]
    published_list("powers", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    pages = _pages_of_last_change()
    assert {
        reverse("lists:unit", args=["powers", unit_a.code]),
        reverse("lists:kind", args=["powers"]),
        reverse("portal:unit", args=[unit_a.code]),
    } <= pages
    assert reverse("portal:home") not in pages
    # A government's list is one unit's list too: its units' columns stay as they are.
    government_lists = registry.affected(RenderOperation.Subject.LIST, government.pk)
    assert reverse("portal:unit", args=[unit_a.code]) not in government_lists


def test_a_consultation_rerenders_its_own_pages_not_the_site(at, editor_a, reviewer_a, unit_a):
    from gongkai.participation.tests.factories import open_consultation

    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    pages = _pages_of_last_change()
    assert pages == {
        reverse("participation:list"),
        reverse("participation:feed"),
        reverse("participation:detail", args=[consultation.pk]),
    }


def test_a_new_footer_identifier_reaches_every_copy_even_after_a_page_cached_the_old(
    office, government, unit_a
):
    renderer.rebuild()
    assert "9999000777" not in _copy(reverse("portal:unit", args=[unit_a.code]))
    unit_services.update_unit(actor=office, unit=government, site_code="9999000777")
    renderer.run_once()
    for path in (reverse("portal:home"), reverse("portal:unit", args=[unit_a.code])):
        assert "9999000777" in _copy(path).split("<footer", 1)[1], path
