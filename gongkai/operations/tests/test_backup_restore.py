"""`manage.py backup` and `manage.py restore`, proven: a backup restored into a fresh
installation holds exactly what the backup's manifest describes — every table's rows, every
uploaded file, under the same encryption key — and a restore never overwrites an
installation that already holds data."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.applications import workflow as applications
from gongkai.applications.tests.factories import application_input
from gongkai.operations.backup import compare
from gongkai.operations.tests.scratch import Installation
from gongkai.publishing import samplefiles
from gongkai.publishing.tests.factories import published

# The dump tools read committed data from outside the test's connection.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records(editor_a, reviewer_a, unit_a, known_calendar, at):
    at(2026, 9, 24)
    attachment = ("名单.docx", samplefiles.plain_docx_bytes(["二〇二六年名单"]))
    published(editor_a, reviewer_a, unit_a, attachments=[attachment])
    applications.register_application(actor=None, **application_input(unit_a))


def manifest_of(path):
    return json.loads((path / "manifest.json").read_text())


def test_a_restored_backup_is_identical_to_its_manifest(records, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    manifest = manifest_of(tmp_path / "backup")
    assert manifest["tables"]["publishing_document"]["rows"] == 1
    assert manifest["tables"]["applications_application"]["rows"] == 1
    assert len(manifest["files"]) == 1
    assert "DATA_ENCRYPTION_KEY" not in json.dumps(manifest)

    fresh = Installation(tmp_path / "fresh", "restore")
    restored = fresh.manage("restore", str(tmp_path / "backup"))
    assert restored.returncode == 0, restored.stderr
    assert "内容与备份清单一致" in restored.stdout
    again = fresh.manage("backup", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    second = manifest_of(tmp_path / "again")
    assert compare(manifest, second) == []
    assert second["encryption_key_sha256"] == manifest["encryption_key_sha256"]
    assert (second["tables"], second["files"]) == (manifest["tables"], manifest["files"])


def test_restore_refuses_an_installation_that_holds_data(records, tmp_path):
    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    with pytest.raises(CommandError, match="只能恢复到空的安装"):
        call_command("restore", str(tmp_path / "backup"), stdout=StringIO())


def test_restore_refuses_another_encryption_key(records, tmp_path, settings):
    call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
    settings.DATA_ENCRYPTION_KEY = "YW5vdGhlci1rZXktbm90LXRoZS1vbmUtYmFja2VkLXVwIQ=="
    with pytest.raises(CommandError, match="DATA_ENCRYPTION_KEY 与备份时的密钥不同"):
        call_command("restore", str(tmp_path / "backup"), stdout=StringIO())


def test_backup_never_writes_into_a_directory_that_holds_something(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "manifest.json").write_text("{}")
    with pytest.raises(CommandError, match="不是空目录"):
        call_command("backup", str(tmp_path / "old"), stdout=StringIO())
