"""Administrators enter and correct holiday years in the console; every change is kept."""

from datetime import date

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.workdays.models import CalendarRevision, CalendarYear
from gongkai.workdays.services import (
    YearDataError,
    current_calendar,
    load_chinesecalendar_years,
    save_year,
)
from gongkai.workdays.tests.notices import HYPOTHETICAL_NOTICE_2027

pytestmark = pytest.mark.django_db

NOTICE_URL = "/console/workdays/notice/"


def preview(client, text):
    response = client.post(NOTICE_URL, {"text": text, "action": "preview"})
    assert response.status_code == 200
    return response


def confirm(client, text):
    fingerprint = preview(client, text).context["fingerprint"]
    return client.post(
        NOTICE_URL, {"text": text, "action": "confirm", "previewed": fingerprint}, follow=True
    )


def test_years_known_to_chinesecalendar_are_there_after_migrate():
    calendar = current_calendar()
    assert set(range(2004, 2027)) <= calendar.known_years
    assert not calendar.is_known(2027)
    assert calendar.is_working_day(date(2026, 2, 14))
    assert not calendar.is_working_day(date(2026, 10, 7))
    assert calendar.is_working_day(date(2026, 10, 8))
    assert CalendarRevision.objects.filter(calendar_year__year=2026).count() == 1


def test_loading_known_years_again_adds_nothing():
    assert load_chinesecalendar_years() == []


def test_paste_shows_a_preview_and_saves_nothing(client_of, office):
    response = preview(client_of(office), HYPOTHETICAL_NOTICE_2027)
    assert "识别结果：2027年" in response.content.decode()
    assert "2027年2月5日" in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_confirm_saves_the_year_with_who_and_when_and_lists_changes(
    client_of, office, recorded_changes
):
    response = confirm(client_of(office), HYPOTHETICAL_NOTICE_2027)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/console/workdays/year/2027/"
    assert "已保存2027年节假日安排（第1版）" in page
    # The statutory 春节 was already counted; the notice adds 11–12 February and works 20 February.
    assert "测试申请的答复期限由2027-02-26改为2027-03-01" in page
    revision = CalendarRevision.objects.get(calendar_year__year=2027)
    assert revision.created_by == office
    assert revision.source == "notice"
    assert "2027年部分节假日安排" in revision.notice_text
    assert AuditEvent.objects.filter(action="workdays.year_entered", actor=office).exists()
    assert current_calendar().is_known(2027)
    assert current_calendar().is_working_day(date(2027, 2, 20))
    assert recorded_changes == [[2027]]


def test_text_changed_after_preview_is_not_saved(client_of, office):
    client = client_of(office)
    fingerprint = preview(client, HYPOTHETICAL_NOTICE_2027).context["fingerprint"]
    changed = HYPOTHETICAL_NOTICE_2027.replace("2月20日（周六）上班", "2月21日（周日）上班")
    response = client.post(
        NOTICE_URL, {"text": changed, "action": "confirm", "previewed": fingerprint}
    )
    assert "有改动" in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_unparseable_paste_is_refused_with_a_reason(client_of, sysadmin):
    response = client_of(sysadmin).post(
        NOTICE_URL, {"text": "关于做好节日期间值班工作的通知", "action": "confirm"}
    )
    assert response.status_code == 200
    assert "没有找到通知所属年份" in response.content.decode()
    assert CalendarRevision.objects.count() == CalendarYear.objects.count()


def test_correction_keeps_every_earlier_revision(client_of, sysadmin):
    client = client_of(sysadmin)
    form = client.get("/console/workdays/year/2026/edit/").context["form"]
    holidays = form.initial["holidays"].replace("2026-01-02 元旦\n", "")
    response = client.post(
        "/console/workdays/year/2026/edit/",
        {"holidays": holidays, "workdays": form.initial["workdays"], "reason": "测试更正"},
        follow=True,
    )
    assert "已保存2026年节假日安排（第2版）" in response.content.decode()
    revisions = CalendarRevision.objects.filter(calendar_year__year=2026).order_by("number")
    assert [r.number for r in revisions] == [1, 2]
    assert "2026-01-02" in revisions[0].holidays
    assert revisions[1].changes["removed_holidays"] == ["2026-01-02"]
    assert revisions[1].created_by == sysadmin
    assert current_calendar().is_working_day(date(2026, 1, 2))
    assert "测试更正" in client.get("/console/workdays/year/2026/").content.decode()


def test_correction_needs_a_reason(client_of, sysadmin):
    client = client_of(sysadmin)
    form = client.get("/console/workdays/year/2026/edit/").context["form"]
    response = client.post(
        "/console/workdays/year/2026/edit/",
        {"holidays": form.initial["holidays"], "workdays": "2026-01-04"},
    )
    assert "更正已有年份时请填写修改理由" in response.content.decode()


@pytest.mark.parametrize(
    ("holidays", "workdays", "message"),
    [
        ("2027-01-01 元旦\n2027-13-01", "", "第2行“2027-13-01”不是有效日期"),
        ("2027-01-01 元旦", "2027-01-04", "本来就是工作日"),
        ("2027-01-01 元旦", "2027-01-01", "既被列为放假又被列为上班"),
        ("2025-05-01", "", "不属于2027年"),
    ],
)
def test_inconsistent_dates_are_refused(client_of, sysadmin, holidays, workdays, message):
    response = client_of(sysadmin).post(
        "/console/workdays/year/2027/edit/", {"holidays": holidays, "workdays": workdays}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_saving_the_same_dates_again_is_refused(office):
    entry = CalendarYear.objects.get(year=2026).entry()
    with pytest.raises(YearDataError, match="完全相同"):
        save_year(
            actor=office,
            year=2026,
            holidays=entry.holidays,
            workdays=entry.workdays,
            names=entry.names,
            source="manual",
        )


def test_calendar_cache_follows_changes(office):
    assert not current_calendar().is_known(2027)
    save_year(actor=office, year=2027, holidays=[date(2027, 1, 1)], workdays=[], source="manual")
    assert current_calendar().is_known(2027)
    assert not current_calendar().is_working_day(date(2027, 1, 1))


def test_failing_receiver_does_not_lose_the_calendar_change(office):
    from gongkai.workdays.signals import calendar_changed

    def broken(sender, **kwargs):
        raise RuntimeError("boom")

    calendar_changed.connect(broken)
    try:
        result = save_year(
            actor=office, year=2027, holidays=[date(2027, 1, 1)], workdays=[], source="manual"
        )
    finally:
        calendar_changed.disconnect(broken)
    assert "未能自动重新计算" in result.change_lines[0]
    assert current_calendar().is_known(2027)


class TestPermissions:
    def test_editor_sees_the_calendar_but_cannot_edit(self, client_of, editor_a):
        client = client_of(editor_a)
        page = client.get("/console/workdays/")
        assert page.status_code == 200
        assert "粘贴通知录入" not in page.content.decode()
        assert client.get("/console/workdays/year/2026/edit/").status_code == 403
        assert client.get(NOTICE_URL).status_code == 403
        response = client.post(
            "/console/workdays/year/2027/edit/", {"holidays": "2027-01-01", "workdays": ""}
        )
        assert response.status_code == 403
        assert client.post(NOTICE_URL, {"text": HYPOTHETICAL_NOTICE_2027}).status_code == 403
        assert not CalendarYear.objects.filter(year=2027).exists()

    def test_service_refuses_an_editor(self, editor_a):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            save_year(
                actor=editor_a, year=2027, holidays=[date(2027, 1, 1)], workdays=[], source="manual"
            )

    def test_anonymous_is_sent_to_login(self, client):
        response = client.get("/console/workdays/")
        assert response.status_code == 302
        assert "/console/login/" in response["Location"]

    @pytest.mark.parametrize("persona", ["office", "sysadmin"])
    def test_office_and_sysadmin_may_edit(self, client_of, request, persona):
        client = client_of(request.getfixturevalue(persona))
        assert client.get("/console/workdays/year/2027/edit/").status_code == 200
        assert client.get(NOTICE_URL).status_code == 200
