"""Files stored before core.files (attachment FileFields with their own names, released files
in the database) are moved into the store by the data migrations."""

import datetime
import os

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gongkai.applications import workflow as applications
from gongkai.applications.outcomes import Outcome
from gongkai.applications.tests.calendars import china_calendar
from gongkai.applications.tests.factories import application_input
from gongkai.core import clock, files
from gongkai.publishing import samplefiles
from gongkai.publishing.tests.factories import published

BEFORE = [
    ("publishing", "0004_urgent_release_and_contingency_plans"),
    ("applications", "0004_reply_articles_letter_settings_and_reasons_answer"),
]
AFTER = [
    ("publishing", "0005_attachments_stored_by_digest"),
    ("applications", "0005_released_files_stored_by_digest"),
]
PDF = samplefiles.pdf_bytes([["附件"]])
RELEASED = samplefiles.pdf_bytes([["公开的文件"]])


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def latest_schema_afterwards():
    """AFTER is not the newest state of every app: put back the migrations that came later, so
    the tests that run next in this process find the schema they expect."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_old_attachments_and_released_files_move_into_the_store(
    editor_a, reviewer_a, unit_a, known_calendar, at, settings, latest_schema_afterwards
):
    china_calendar()
    published(editor_a, reviewer_a, unit_a, attachments=[("许可.pdf", PDF)])
    at(2026, 9, 1)
    application, _ = applications.register_application(actor=None, **application_input(unit_a))
    at(2026, 9, 3)
    applications.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=datetime.date(2026, 9, 3),
        files=[("清单.pdf", "application/pdf", RELEASED)],
    )
    old = _migrate(BEFORE)
    # The old layout: the attachment under its FileField name, the released file in its row.
    attachment = old.get_model("publishing", "Attachment").objects.get()
    legacy = f"publishing/{attachment.sha256[:2]}/{attachment.sha256}.pdf"
    (settings.MEDIA_ROOT / legacy).parent.mkdir(parents=True)
    (settings.MEDIA_ROOT / legacy).write_bytes(PDF)
    now = clock.local_now().timestamp()  # the test's clock, not the file system's
    os.utime(settings.MEDIA_ROOT / legacy, (now, now))
    attachment.file.name = legacy
    attachment.save()
    assert bytes(old.get_model("applications", "ReleasedFile").objects.get().content) == RELEASED
    for path in files.root().glob("*/*"):
        path.unlink()

    _migrate(AFTER)

    assert files.verify_files() == []
    assert {p.name for p in files.root().glob("*/*")} == {
        files.store(PDF),
        files.store(RELEASED),
    }
    assert [p.name for p in files.orphans(grace=datetime.timedelta(0))] == [legacy.split("/")[-1]]
