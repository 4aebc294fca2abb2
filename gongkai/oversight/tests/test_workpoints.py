"""Work points as tasks: entered or imported from the DOCX the office issues, progress with
evidence, the matrix with late items, the dashboard, and the annual-report draft."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document as WordDocument

from gongkai.oversight import services, workpoints
from gongkai.oversight.models import Indicator, WorkPlan, WorkTask
from gongkai.publishing.tests.factories import published

pytestmark = pytest.mark.django_db
D = datetime.date

LINES = [
    "一、加强政策解读",
    "（一）做好政策文件解读，解读材料与政策文件同步发布。（责任单位：甲局、乙局）（完成时限：2026年6月底前）",
    "（二）规范依申请公开办理。（责任单位：测试区乙局）（完成时限：2026年12月31日前）",
    "这一段不是要点。",
]


def _docx(lines):
    doc = WordDocument()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("（完成时限：2026年6月底前）", D(2026, 6, 30)),
        ("完成时限：2026年2月底前", D(2026, 2, 28)),
        ("时限：2026年9月15日前", D(2026, 9, 15)),
        ("（2026年持续推进）", None),
        ("完成时限：2026年12月底前", D(2026, 12, 31)),
    ],
)
def test_deadlines_as_written(text, day):
    assert workpoints.parse_deadline(text) == day


def test_import_from_docx(office, government, unit_a, unit_b):
    plan = workpoints.import_plan(
        actor=office,
        government=government,
        year=2026,
        title="测试区2026年政务公开工作要点",
        data=_docx(LINES),
        filename="要点.docx",
    )
    points = list(plan.points.all())
    assert [p.number for p in points] == ["（一）", "（二）"]
    assert (
        points[0].text
        == "做好政策文件解读，解读材料与政策文件同步发布。（完成时限：2026年6月底前）"
    )
    assert points[0].deadline == D(2026, 6, 30)
    assert {t.unit for t in points[0].tasks.all()} == {unit_a, unit_b}
    assert [t.unit for t in points[1].tasks.all()] == [unit_b]


def test_unknown_units_refuse_the_whole_plan(office, government, unit_a):
    lines = ["（一）做好解读。（责任单位：甲局、不存在局）"]
    with pytest.raises(ValidationError) as error:
        workpoints.import_plan(
            actor=office,
            government=government,
            year=2026,
            title="",
            data=_docx(lines),
            filename="x.docx",
        )
    assert "不存在局" in error.value.messages[0]
    assert WorkPlan.objects.count() == 0
    with pytest.raises(ValidationError, match="无法读取"):
        workpoints.import_plan(
            actor=office, government=government, year=2026, title="", data=b"no", filename="x.docx"
        )


def test_only_the_office_enters_the_plan(editor_a, government, unit_a):
    points, _ = workpoints.parse_points(LINES, government)
    with pytest.raises(PermissionDenied):
        workpoints.create_plan(
            actor=editor_a, government=government, year=2026, title="", points=points
        )


def test_progress_late_items_matrix_dashboard_and_draft(
    office, government, unit_a, unit_b, editor_a, editor_b, reviewer_a, at, client_of
):
    points, _ = workpoints.parse_points(LINES, government)
    plan = workpoints.create_plan(
        actor=office, government=government, year=2026, title="", points=points
    )
    first = plan.points.first()
    task_a = WorkTask.objects.get(point=first, unit=unit_a)
    task_b = WorkTask.objects.get(point=first, unit=unit_b)
    at(2026, 5, 20)
    doc = published(editor_a, reviewer_a, unit_a, title="《管理办法》政策解读")
    workpoints.report_progress(
        actor=editor_a, task=task_a, text="解读与文件同步发布。", documents=[doc], done=True
    )
    with pytest.raises(PermissionDenied):
        workpoints.report_progress(actor=editor_a, task=task_b, text="替别人报")
    with pytest.raises(ValidationError):
        workpoints.report_progress(actor=editor_b, task=task_b, text="x", documents=[doc])
    at(2026, 12, 3)
    today = D(2026, 12, 3)
    shown, rows = workpoints.matrix(plan, [unit_a, unit_b], today)
    cells = dict(zip(shown, rows[0][1], strict=True))
    assert not cells[unit_a].late and cells[unit_b].late
    late = Indicator.objects.get(code="late_work_point")
    found = services.problems(late, [unit_a, unit_b], today)
    assert [(p.unit_id, p.since, p.days_late) for p in found] == [
        (unit_b.pk, D(2026, 7, 1), (today - D(2026, 6, 30)).days)
    ]
    page = client_of(office).get(reverse("console-oversight:work-plan", args=[plan.pk]))
    assert "逾期" in page.content.decode()
    text = workpoints.draft_section(unit_a, 2026)
    assert "承担1项工作任务，已完成1项" in text and "《管理办法》政策解读" in text
    assert workpoints.draft_section(unit_b, 2026).count("尚未报送进展") == 2


def test_pages_enter_report_and_draft(office, government, unit_a, editor_a, client_of, at):
    at(2026, 12, 3)
    client = client_of(office)
    response = client.post(
        reverse("console-oversight:work-plans"),
        {"year": 2026, "title": "", "lines": "（一）做好政策文件解读。（责任单位：甲局）"},
    )
    plan = WorkPlan.objects.get()
    assert response["Location"] == reverse("console-oversight:work-plan", args=[plan.pk])
    task = WorkTask.objects.get(unit=unit_a)
    unit_client = client_of(editor_a)
    page = reverse("console-oversight:work-task", args=[task.pk])
    unit_client.post(page, {"text": "已完成解读。", "done": "on"})
    task.refresh_from_db()
    assert task.done_on == D(2026, 12, 3)
    draft = unit_client.get(reverse("console-oversight:work-draft", args=[unit_a.pk, 2026]))
    assert "已完成解读" in draft.content.decode()
