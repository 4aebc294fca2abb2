"""The annual-report material page offers the year's consultation figures for section 一, and
writes them into the unit's report draft."""

import pytest
from django.urls import reverse

from gongkai.participation.tests.factories import answered_consultation
from gongkai.reports import workflow as reports
from gongkai.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(at, editor_a, reviewer_a, unit_a):
    """The unit's 2025 report draft, in a year with one consultation partly adopted."""
    at(2025, 3, 2)
    answered_consultation(editor_a, reviewer_a, unit_a, ["partly"])
    at(2026, 1, 20)
    return reports.generate_report(actor=editor_a, unit=unit_a, year=2025)


@pytest.fixture
def page(unit_a):
    return reverse("console-oversight:work-draft", args=[unit_a.pk, 2025])


def test_the_consultation_paragraph_goes_into_the_report_draft(report, page, editor_a, client_of):
    reports.update_report(actor=editor_a, report=report, narratives={"overview": "本年工作。"})
    client = client_of(editor_a)
    text = client.get(page).content.decode()
    assert "决策公开：公开征求意见情况" in text and "部分采纳1组" in text
    client.post(page, {"part": "consultations"})
    overview = AnnualReport.objects.get(pk=report.pk).overview
    assert overview.startswith("本年工作。") and "就1件草案公开征求意见" in overview


def test_a_second_click_does_not_write_the_paragraph_twice(report, page, editor_a, client_of):
    client = client_of(editor_a)
    client.post(page, {"part": "consultations"})
    once = AnnualReport.objects.get(pk=report.pk).overview
    response = client.post(page, {"part": "consultations"}, follow=True)
    assert AnnualReport.objects.get(pk=report.pk).overview == once
    assert once.count("就1件草案公开征求意见") == 1
    assert "已有这段文字，未重复写入" in response.content.decode()
