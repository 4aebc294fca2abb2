"""Attachments move from FileField names (publishing/ab/<digest>.<suffix>, a second copy
whenever the same bytes came again) to core.files, one copy per SHA-256 digest.

Each file is copied into the store before the field goes, so a failed migration leaves only
unreferenced copies; the old files stay until `manage.py collect_orphan_files --delete`."""

from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import gongkai.core.files


def to_digests(apps, schema_editor):
    from gongkai.core import files

    Attachment = apps.get_model("publishing", "Attachment")
    media = Path(settings.MEDIA_ROOT)
    for attachment in Attachment.objects.exclude(file="").iterator():
        old = media / attachment.file.name
        if not old.is_file():
            continue  # left as it was: verify_files names it
        digest = files.store(old.read_bytes())
        if digest != attachment.sha256:
            Attachment.objects.filter(pk=attachment.pk).update(sha256=digest)


def to_names(apps, schema_editor):
    Attachment = apps.get_model("publishing", "Attachment")
    for attachment in Attachment.objects.iterator():
        digest = attachment.sha256
        name = f"files/{digest[:2]}/{digest}"
        Attachment.objects.filter(pk=attachment.pk).update(file=name)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0004_urgent_release_and_contingency_plans"),
    ]

    operations = [
        # A default lets the migration be reversed (the field comes back before to_names).
        migrations.AlterField(
            model_name="attachment",
            name="file",
            field=models.FileField(default="", max_length=200, upload_to="publishing/"),
        ),
        migrations.RunPython(to_digests, to_names),
        migrations.RemoveField(
            model_name="attachment",
            name="file",
        ),
        migrations.AlterField(
            model_name="attachment",
            name="sha256",
            field=gongkai.core.files.DigestField(),
        ),
    ]
