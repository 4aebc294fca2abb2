"""`manage.py check_consistency` finds what a crash or a careless hand can leave behind: a
missing or altered file, a published document the index will never learn about, a stored
due date that no longer follows from the facts, an audit trail changed behind its back. A
consistent installation passes."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.applications import workflow as applications
from gongkai.applications.models import Application
from gongkai.applications.tests.factories import application_input
from gongkai.audit.models import AuditEvent
from gongkai.audit.tests.tampering import tamper
from gongkai.core import files
from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.tests.factories import published
from gongkai.search.models import IndexOperation

pytestmark = pytest.mark.django_db


def check() -> tuple[bool, str]:
    out = StringIO()
    try:
        call_command("check_consistency", stdout=out)
    except CommandError as exc:
        return False, out.getvalue() + str(exc)
    return True, out.getvalue()


def index_everything():
    call_command("run_indexer", "--once", stdout=StringIO())


@pytest.fixture
def document(editor_a, reviewer_a, unit_a):
    attachment = ("名单.docx", samplefiles.plain_docx_bytes(["二〇二四年名单"]))
    return published(editor_a, reviewer_a, unit_a, attachments=[attachment])


@pytest.fixture
def application(unit_a, known_calendar, at):
    at(2026, 9, 24)
    application, _code = applications.register_application(actor=None, **application_input(unit_a))
    return application


def test_a_consistent_installation_passes(document, application):
    index_everything()
    ok, output = check()
    assert ok, output
    assert "未发现问题" in output


def test_a_published_document_neither_indexed_nor_queued_is_reported(document, reviewer_a):
    index_everything()
    workflow.withdraw(actor=reviewer_a, document=document, reason="内容有误")
    ok, _output = check()
    assert ok  # the withdrawal waits in the outbox
    index_everything()
    # A publication whose outbox entry was lost (what the outbox exists to prevent).
    document.state = "published"
    document.save(update_fields=["state"])
    ok, output = check()
    assert not ok
    assert f"已发布文件 {document.pk} 不在检索索引中" in output


def test_an_indexed_document_no_longer_published_is_reported(document):
    index_everything()
    document.state = "withdrawn"
    document.save(update_fields=["state"])
    ok, output = check()
    assert not ok
    assert f"文件 {document.pk} 未发布，却仍在检索索引中" in output


def test_a_queued_publication_counts_as_indexed(document):
    assert IndexOperation.objects.filter(document_id=document.pk).exists()
    call_command("rebuild_search_index", stdout=StringIO())
    IndexOperation.objects.create(document_id=document.pk, op="upsert")
    ok, output = check()
    assert ok, output


def test_an_index_never_built_is_reported(document):
    ok, output = check()
    assert not ok
    assert "检索索引尚未建立" in output


def test_a_missing_or_altered_attachment_file_is_reported(document):
    index_everything()
    attachment = document.revisions.get(status="published").attachments.get()
    path = files.path_of(attachment.sha256)
    path.write_bytes(b"changed")
    ok, output = check()
    assert not ok
    assert f"[文件] publishing.Attachment #{attachment.pk}" in output
    assert "已损坏" in output
    path.unlink()
    ok, output = check()
    assert f"文件 {attachment.sha256} 缺失" in output


def test_a_stored_due_date_that_the_facts_do_not_give_is_reported(application):
    index_everything()
    ok, output = check()
    assert ok, output
    Application.objects.filter(pk=application.pk).update(due_date="2026-12-31")
    ok, output = check()
    assert not ok
    assert f"申请 {application.tracking_number} 记录的答复期限为 2026-12-31" in output


def test_a_tampered_audit_trail_is_reported(document):
    index_everything()
    event = AuditEvent.objects.order_by("sequence").first()
    tamper("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["改过", event.pk])
    ok, output = check()
    assert not ok
    assert "[审计] 审计链在第 1 条" in output
    assert "记录已被改动" in output
