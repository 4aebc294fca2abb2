"""The monthly report: figures from the stored inspections, downloads that open, SVG charts
without scripts, and a page that works without JavaScript."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

from gongkai.accounts import scoping
from gongkai.oversight import monthly, services, workflow

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def month_of_runs(submit, at, unit_a, unit_b, government, office):
    submit(unit_a)  # overdue from 30 October
    for day in (D(2026, 11, 2), D(2026, 11, 15), D(2026, 11, 30)):
        at(day.year, day.month, day.day)
        services.run_inspection(government, day)
    at(2026, 11, 30)
    run = government and services.InspectionRun.objects.get(day=D(2026, 11, 30))
    finding = run.findings.filter(unit=unit_a, indicator__code="overdue_application").get()
    workflow.assign_rectification(actor=office, finding=finding, deadline=D(2026, 11, 30))
    at(2026, 12, 3)
    return government


def test_figures_of_the_month(month_of_runs, office, unit_a, unit_b):
    report = monthly.monthly_report(
        scoping.supervised_units(office),
        scoping.scores(office),
        scoping.rectifications(office),
        2026,
        11,
    )
    assert report.days == [D(2026, 11, 2), D(2026, 11, 15), D(2026, 11, 30)]
    rows = {r.unit.pk: r for r in report.units}
    assert rows[unit_a.pk].problems["overdue_application"] == 1
    assert rows[unit_b.pk].problems["overdue_application"] == 0
    assert rows[unit_a.pk].latest < rows[unit_b.pk].latest
    assert rows[unit_a.pk].assigned == 1 and rows[unit_a.pk].closed == 0
    assert len(report.daily_average) == 3


def test_downloads_and_charts(month_of_runs, office, client_of):
    client = client_of(office)
    query = "?month=2026-11"
    page = client.get(reverse("console-oversight:month") + query).content.decode()
    assert "2026年11月政务公开检查通报" in page and "<img" in page
    xlsx = client.get(reverse("console-oversight:month-download", args=["xlsx"]) + query)
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.active["A1"].value == "2026年11月政务公开检查通报"
    docx = client.get(reverse("console-oversight:month-download", args=["docx"]) + query)
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(docx.content)).paragraphs)
    assert "共开展自动检查3次" in text
    for kind in ("trend", "units"):
        svg = client.get(reverse("console-oversight:month-chart", args=[kind]) + query)
        assert svg["Content-Type"].startswith("image/svg+xml")
        body = svg.content.decode()
        assert body.lstrip().startswith("<svg") and "<script" not in body
