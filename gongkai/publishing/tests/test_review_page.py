"""The reviewer approves what they see: the page shows the rendered body, dates, flags and
attachments as links, and the confidentiality opinion is theirs to write."""

from datetime import date, datetime

import pytest
import time_machine

from gongkai.core.clock import CHINA
from gongkai.publishing import samplefiles, workflow

from .factories import normative

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _march_2024():
    with time_machine.travel(datetime(2024, 3, 20, 10, tzinfo=CHINA), tick=False):
        yield


def test_the_review_page_shows_everything_that_is_approved(client_of, editor_a, reviewer_a, unit_a):
    document = workflow.create_draft(
        actor=editor_a,
        unit=unit_a,
        content=normative(
            body_html="<p>第一条 为规范管理，制定本办法。</p>",
            expiry_date=date(2029, 3, 31),
        ),
    )
    data = samplefiles.pdf_bytes([["附件内容"]])
    workflow.add_attachment(actor=editor_a, document=document, data=data, filename="附表.pdf")
    workflow.submit(actor=editor_a, document=document)
    client = client_of(reviewer_a)
    page = client.get(f"/console/publishing/{document.pk}/").content.decode()
    assert "<p>第一条 为规范管理，制定本办法。</p>" in page
    assert "行政规范性文件" in page.split('id="flags"', 1)[1].split("</dd>", 1)[0]
    assert "2024-04-01" in page and "2029-03-31" in page
    attachment = document.revisions.get().attachments.get()
    link = f"/console/publishing/{document.pk}/attachments/{attachment.pk}/"
    assert f'href="{link}"' in page
    assert client.get(link).getvalue() == data
    opinion = page.split('name="confidentiality_result"', 1)[1].split("</textarea>", 1)[0]
    assert opinion.rstrip().endswith(">") and "同意公开" not in opinion


def test_staff_of_another_unit_cannot_open_the_attachment(client_of, editor_a, editor_b, unit_a):
    document = workflow.create_draft(actor=editor_a, unit=unit_a, content=normative())
    workflow.add_attachment(
        actor=editor_a, document=document, data=samplefiles.pdf_bytes([["x"]]), filename="a.pdf"
    )
    attachment = document.revisions.get().attachments.get()
    url = f"/console/publishing/{document.pk}/attachments/{attachment.pk}/"
    assert client_of(editor_b).get(url).status_code == 404
