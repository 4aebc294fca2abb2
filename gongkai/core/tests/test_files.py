"""Stored files follow their transaction: one copy per digest, nothing referenced is ever
missing, and what nothing references is collected after a grace period."""

import io
import os

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from gongkai.core import clock, files
from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.models import Attachment
from gongkai.publishing.tests.factories import draft, published

PDF = samplefiles.pdf_bytes([["关于公布2024年度行政许可事项的通知"]])


class Rollback(Exception):
    pass


def _stored():
    return sorted(p for p in files.root().glob("*/*") if not p.name.startswith("."))


def _age(path, hours):
    then = clock.local_now().timestamp() - hours * 3600
    os.utime(path, (then, then))


def _collect(*args):
    out = io.StringIO()
    call_command("collect_orphan_files", *args, stdout=out)
    return out.getvalue()


def test_identical_bytes_are_stored_once(editor_a, reviewer_a, unit_a, unit_b, editor_b):
    workflow.add_attachment(
        actor=editor_a, document=draft(editor_a, unit_a), data=PDF, filename="许可.pdf"
    )
    workflow.add_attachment(
        actor=editor_b, document=draft(editor_b, unit_b), data=PDF, filename="许可（转发）.pdf"
    )
    assert Attachment.objects.count() == 2
    assert [p.name for p in _stored()] == [files.store(PDF)]


def test_a_rolled_back_attachment_leaves_nothing_referenced_and_is_collected(editor_a, unit_a):
    document = draft(editor_a, unit_a)
    with pytest.raises(Rollback), transaction.atomic():
        workflow.add_attachment(actor=editor_a, document=document, data=PDF, filename="许可.pdf")
        raise Rollback
    assert not Attachment.objects.exists()
    assert files.verify_files() == []
    (left,) = _stored()
    _age(left, 25)
    assert str(left) in _collect("--delete")
    assert _stored() == []


def test_collection_is_a_dry_run_unless_asked_to_delete(editor_a, unit_a):
    orphan = files.path_of(files.store(b"%PDF-1.4 nothing refers to this"))
    _age(orphan, 25)
    report = _collect()
    assert str(orphan) in report and "加 --delete 删除" in report
    assert orphan.exists()


def test_collection_keeps_referenced_files_and_young_orphans(editor_a, unit_a, settings):
    workflow.add_attachment(
        actor=editor_a, document=draft(editor_a, unit_a), data=PDF, filename="许可.pdf"
    )
    referenced = files.path_of(Attachment.objects.get().sha256)
    young = files.path_of(files.store(b"written for a transaction still running"))
    _age(referenced, 1000)
    _age(young, 23)
    settings.ORPHAN_FILE_GRACE_HOURS = 24
    _collect("--delete")
    assert referenced.exists() and young.exists()
    _collect("--delete", "--grace-hours=22")
    assert referenced.exists() and not young.exists()


def test_storing_again_protects_an_old_orphan_from_collection(editor_a, unit_a):
    orphan = files.path_of(files.store(PDF))
    _age(orphan, 1000)
    files.store(PDF)  # a new transaction is about to refer to it
    _collect("--delete")
    assert orphan.exists()


def test_missing_and_damaged_files_are_reported(editor_a, reviewer_a, unit_a, client):
    document = published(editor_a, reviewer_a, unit_a, attachments=[("许可.pdf", PDF)])
    attachment = Attachment.objects.get()
    path = files.path_of(attachment.sha256)
    path.write_bytes(b"changed on disk")
    (damaged,) = files.verify_files()
    assert f"publishing.Attachment #{attachment.pk}" in damaged and "已损坏" in damaged
    path.unlink()
    (missing,) = files.verify_files()
    assert "缺失" in missing
    url = reverse("publishing:attachment", args=[document.pk, attachment.pk])
    assert client.get(url).status_code == 404
