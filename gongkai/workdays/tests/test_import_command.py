"""`manage.py import_holiday_notice FILE [--dry-run]` uses the same parser as the console."""

import json

import pytest
from django.core.management import CommandError, call_command

from gongkai.audit.models import AuditEvent
from gongkai.workdays.models import CalendarRevision, CalendarYear
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.services import current_calendar
from gongkai.workdays.tests.notices import HYPOTHETICAL_NOTICE_2027, NOTICE_2025

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_holiday_notice", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_prints_json_and_saves_nothing(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(HYPOTHETICAL_NOTICE_2027, encoding="utf-8")
    out, _ = run(str(path), "--dry-run")
    data = json.loads(out)
    assert data == parse_notice(HYPOTHETICAL_NOTICE_2027).as_json_dict()
    assert data["year"] == 2027
    assert data["workdays"] == ["2027-02-20"]
    assert "2027-02-05" in data["holidays"]
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_import_saves_as_the_system(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(HYPOTHETICAL_NOTICE_2027, encoding="utf-8")
    out, err = run(str(path))
    assert json.loads(out)["year"] == 2027
    assert "已保存2027年节假日安排（第1版）" in err
    revision = CalendarRevision.objects.get(calendar_year__year=2027)
    assert revision.created_by is None
    assert revision.created_by_label == "系统"
    assert revision.source == "import"
    assert AuditEvent.objects.get(action="workdays.year_entered").actor_label == "系统"
    assert current_calendar().is_known(2027)


def test_gb18030_file_from_a_windows_machine(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes(NOTICE_2025.encode("gb18030"))
    out, _ = run(str(path), "--dry-run")
    assert json.loads(out)["workdays"][0] == "2025-01-26"


def test_unparseable_file_is_refused_with_a_chinese_message(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("国务院办公厅关于2027年部分节假日安排的通知", encoding="utf-8")
    with pytest.raises(CommandError, match="没有找到任何节日安排"):
        run(str(path), "--dry-run")


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="无法读取文件"):
        run(str(tmp_path / "absent.txt"))
