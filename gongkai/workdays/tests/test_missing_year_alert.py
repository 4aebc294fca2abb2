"""A missing year is never silent: administrators are alerted from 1 November."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.workdays.services import missing_year_alert, save_year

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_no_alert_before_november():
    assert missing_year_alert(date(2026, 10, 31)) is None


def test_alert_from_first_of_november_when_next_year_is_missing():
    alert = missing_year_alert(date(2026, 11, 1))
    assert "2027年节假日安排尚未录入" in alert
    assert "暂定" in alert


def test_alert_stops_once_the_year_is_entered(office):
    save_year(actor=office, year=2027, holidays=[date(2027, 1, 1)], workdays=[], source="manual")
    assert missing_year_alert(date(2026, 11, 27)) is None


def test_alert_continues_into_the_missing_year():
    assert "2027年" in missing_year_alert(date(2027, 1, 5))


@time_machine.travel(datetime(2026, 11, 1, 0, 30, tzinfo=SHANGHAI), tick=False)
def test_console_dashboard_shows_the_alert_in_china_time(client_of, editor_a):
    # 00:30 in Shanghai is still 31 October in UTC: the alert follows China's date.
    page = client_of(editor_a).get("/console/").content.decode()
    assert "2027年节假日安排尚未录入" in page
    assert "粘贴通知录入" not in page


@time_machine.travel(datetime(2026, 10, 31, 23, 30, tzinfo=SHANGHAI), tick=False)
def test_console_dashboard_is_quiet_in_october(client_of, office):
    assert "尚未录入" not in client_of(office).get("/console/").content.decode()


@time_machine.travel(datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI), tick=False)
def test_calendar_page_offers_to_enter_the_missing_year(client_of, office):
    page = client_of(office).get("/console/workdays/").content.decode()
    assert "2027年节假日安排尚未录入" in page
    assert 'value="2027"' in page
