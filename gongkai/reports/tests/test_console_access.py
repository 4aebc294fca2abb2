"""Console pages: who may see, edit, review; drill-down; bad input in the form."""

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.reports import workflow
from gongkai.reports.models import AnnualReport

from .scenario import publish, small_year


@pytest.fixture
def report(calendar_years, in_2026, unit_a, editor_a):
    small_year(unit_a, editor_a)
    return workflow.generate_report(actor=editor_a, unit=unit_a, year=2025)


def test_every_report_page_requires_login(client, report):
    for path in (
        "/console/reports/",
        f"/console/reports/{report.pk}/",
        f"/console/reports/{report.pk}/edit/",
        f"/console/reports/{report.pk}/cells/t3/new.total/",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/console/login" in response["Location"]


def test_editor_of_unit_b_cannot_see_or_edit_unit_a_report(client_of, report, editor_b):
    # Out of scope is simply not found: the page does not even confirm the report exists.
    client = client_of(editor_b)
    assert client.get(f"/console/reports/{report.pk}/").status_code == 404
    assert client.get(f"/console/reports/{report.pk}/cells/t3/new.total/").status_code == 404
    response = client.post(f"/console/reports/{report.pk}/edit/", {"licensing_decisions": "9"})
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.licensing_decisions == 0


def test_editor_of_unit_b_cannot_generate_for_unit_a(
    client_of, calendar_years, in_2026, unit_a, editor_b
):
    response = client_of(editor_b).post(
        "/console/reports/generate/", {"unit": unit_a.pk, "year": 2025}
    )
    assert response.status_code == 302
    assert not AnnualReport.objects.filter(unit=unit_a).exists()
    with pytest.raises(PermissionDenied):
        workflow.generate_report(actor=editor_b, unit=unit_a, year=2025)


def test_form_shows_chinese_message_and_saves_nothing(client_of, report, editor_a):
    response = client_of(editor_a).post(
        f"/console/reports/{report.pk}/edit/",
        {
            "licensing_decisions": "-5",
            "penalty_decisions": "abc",
            "overview": "写了一段",
            "fee_amount": "1",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "不能为负数" in text and "必须是数字" in text
    report.refresh_from_db()
    assert (report.overview, report.licensing_decisions, str(report.fee_amount)) == (
        "",
        0,
        "0.0000",
    )


@pytest.mark.parametrize(
    ("fee", "fee_words"),
    [("0.123456", "最多保留 4 位小数"), ("123456789012", "不能超过 9999999999.9999 万元")],
)
def test_huge_or_too_precise_figures_are_refused_and_change_nothing(
    client_of, report, editor_a, fee, fee_words
):
    workflow.update_report(
        actor=editor_a, report=report, figures={"penalty.decisions": "5"}, figures_source="原来源"
    )
    response = client_of(editor_a).post(
        f"/console/reports/{report.pk}/edit/",
        {
            "licensing_decisions": "9" * 20,
            "penalty_decisions": "7",
            "enforcement_decisions": "1e999999999",
            "fee_amount": fee,
            "figures_source": "新来源",
            "overview": "新的总体情况",
        },
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("不能超过 999999999 件") == 2 and fee_words in text
    report.refresh_from_db()
    assert report.entered_figures() == {
        "licensing.decisions": 0,
        "penalty.decisions": 5,
        "enforcement.decisions": 0,
        "fees.amount": 0,
    }
    assert (report.figures_source, report.overview) == ("原来源", "")


def test_submitting_figures_without_a_source_names_the_cells(client_of, report, editor_a):
    workflow.update_report(actor=editor_a, report=report, figures={"penalty.decisions": "5"})
    response = client_of(editor_a).post(f"/console/reports/{report.pk}/submit/", follow=True)
    assert "表二「第二十条第（六）项 行政处罚·本年处理决定数量」" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "draft"


def test_every_number_links_to_its_records(client_of, report, editor_a):
    html = client_of(editor_a).get(f"/console/reports/{report.pk}/").content.decode()
    assert html.count(f"/console/reports/{report.pk}/cells/t3/") == 175
    assert html.count(f"/console/reports/{report.pk}/cells/t4/") == 15
    assert html.count(f"/console/reports/{report.pk}/cells/t2/") == 10
    listing = client_of(editor_a).get(
        f"/console/reports/{report.pk}/cells/t3/withheld_state_secret.total/"
    )
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "共 1 件" in body and "/console/applications/" in body


def test_drill_down_of_an_entered_figure_shows_its_source(client_of, report, editor_a):
    workflow.update_report(actor=editor_a, report=report, figures_source="来自区行政执法平台")
    body = (
        client_of(editor_a)
        .get(f"/console/reports/{report.pk}/cells/t2/penalty.decisions/")
        .content.decode()
    )
    assert "来自区行政执法平台" in body


def test_review_and_publish_through_the_console(client_of, report, editor_a, reviewer_a, unit_a):
    assert client_of(editor_a).post(f"/console/reports/{report.pk}/submit/").status_code == 302
    client = client_of(reviewer_a)
    client.post(
        f"/console/reports/{report.pk}/review/",
        {"decision": "approve", "confidentiality_result": "经审查，不涉及国家秘密，同意公开。"},
    )
    client.post(f"/console/reports/{report.pk}/publish/")
    report.refresh_from_db()
    assert report.status == "published"
    assert client.get(f"/units/{unit_a.code}/annual-reports/2025/").status_code == 200


def test_office_generates_the_government_report_and_an_editor_cannot(
    client_of, calendar_years, in_2026, government, editor_a, office
):
    with pytest.raises(PermissionDenied):
        workflow.generate_report(actor=editor_a, unit=government, year=2025)
    client_of(office).post("/console/reports/generate/", {"unit": government.pk, "year": 2025})
    report = AnnualReport.objects.get(unit=government, year=2025)
    assert "本级政府及所属各单位" in report.other_matters


def test_dashboard_shows_deadlines_and_overdue_units(
    client_of, calendar_years, at, unit_a, unit_b, editor_a, reviewer_a, office
):
    at(2026, 1, 20)
    publish(workflow.generate_report(actor=editor_a, unit=unit_a, year=2025), editor_a, reviewer_a)
    at(2026, 2, 3)
    html = client_of(office).get("/console/").content.decode()
    assert "2025年度政府信息公开工作年度报告" in html
    assert "已发布（2026-01-20）" in html
    row_b = html.split(unit_b.short_name)[1].split("</tr>")[0]
    assert "逾期未发布" in row_b and "2026年1月31日" in row_b
    government_row = html.split("测试区</th>")[1].split("</tr>")[0]
    assert "2026年3月31日" in government_row and "逾期" not in government_row
