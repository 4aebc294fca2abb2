import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.outcomes import Outcome

D = __import__("datetime").date


def blank_pdf():
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = blank_pdf()


def test_disclosed_reply_opens_a_publishing_draft_with_the_files(
    submit, unit_a, editor_a, at, client_of
):
    application = submit(unit_a)
    at(2026, 10, 9)
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=D(2026, 10, 9),
        files=[("清单.pdf", "application/pdf", PDF)],
    )
    response = client_of(editor_a).post(
        reverse("console-applications:publish", args=[application.pk])
    )
    assert response.status_code == 302
    from gongkai.publishing.models import Document

    document = Document.objects.get()
    assert document.title == application.title
    assert response["Location"] == reverse("console-publishing:edit", args=[document.pk])


def test_only_disclosures_with_files_can_be_published(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    at(2026, 10, 9)
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=D(2026, 10, 9),
        how_to_obtain="电子邮件发送",
    )
    with pytest.raises(ValidationError, match="没有上传"):
        workflow.publish_proactively(actor=editor_a, application=application)
