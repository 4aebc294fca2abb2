"""The publication gate finds personal data wherever a file hides it (the planted corpus),
and a file it cannot read waits for a reviewer's recorded decision."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.publishing import checks, workflow
from gongkai.publishing.models import FindingKind

from . import planted
from .factories import draft


@pytest.mark.parametrize("case", list(planted.CORPUS))
def test_planted_id_number_is_found(case, editor_a, unit_a):
    filename, data = planted.CORPUS[case]()
    document = draft(editor_a, unit_a)
    workflow.add_attachment(actor=editor_a, document=document, data=data, filename=filename)
    findings = checks.open_findings(document.revisions.get())
    personal = [f for f in findings if f.kind == FindingKind.PERSONAL_DATA]
    assert any(planted.MASKED in f.message for f in personal), [f.message for f in findings]


def test_planted_id_blocks_submission_over_http(client_of, editor_a, unit_a):
    filename, data = planted.docx_custom_property()
    document = draft(editor_a, unit_a)
    client = client_of(editor_a)
    client.post(
        reverse("console-publishing:attach", args=[document.pk]),
        {"file": SimpleUploadedFile(filename, data)},
    )
    response = client.post(reverse("console-publishing:submit", args=[document.pk]), follow=True)
    assert planted.MASKED in response.content.decode()
    assert document.revisions.get().status == "draft"


@pytest.mark.parametrize(
    "filename, data",
    [
        ("扫描件.png", planted.samplefiles.png_bytes()),
        ("扫描件.pdf", None),
    ],
    ids=["image", "scanned-pdf"],
)
def test_unreadable_file_is_not_checked_until_a_reviewer_decides(
    filename, data, editor_a, reviewer_a, unit_a
):
    data = data or _scanned_pdf()
    document = draft(editor_a, unit_a)
    workflow.add_attachment(actor=editor_a, document=document, data=data, filename=filename)
    (pending,) = checks.open_findings(document.revisions.get())
    assert pending.kind == FindingKind.NOT_CHECKED and "未检查" in pending.message
    with pytest.raises(workflow.WorkflowError, match="未检查"):
        workflow.submit(actor=editor_a, document=document)
    workflow.override_finding(
        actor=reviewer_a,
        document=document,
        fingerprint=pending.fingerprint,
        reason="已查看图片，不含个人信息",
    )
    workflow.submit(actor=editor_a, document=document)
    decision = AuditEvent.objects.get(action="publishing.override")
    assert decision.actor == reviewer_a and "不含个人信息" in decision.reason


def _scanned_pdf():
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
