"""Released files move out of the database (a BinaryField per row) into core.files, one
copy per SHA-256 digest, written before the rows refer to them."""

from django.db import migrations, models

import gongkai.core.files


def to_store(apps, schema_editor):
    from gongkai.core import files

    ReleasedFile = apps.get_model("applications", "ReleasedFile")
    for released in ReleasedFile.objects.iterator():
        content = bytes(released.content)
        ReleasedFile.objects.filter(pk=released.pk).update(
            sha256=files.store(content), size=len(content)
        )


def to_database(apps, schema_editor):
    from gongkai.core import files

    ReleasedFile = apps.get_model("applications", "ReleasedFile")
    for released in ReleasedFile.objects.iterator():
        ReleasedFile.objects.filter(pk=released.pk).update(content=files.read(released.sha256))


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0004_reply_articles_letter_settings_and_reasons_answer"),
    ]

    operations = [
        migrations.AddField(
            model_name="releasedfile",
            name="sha256",
            field=gongkai.core.files.DigestField(default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="releasedfile",
            name="size",
            field=models.PositiveBigIntegerField(default=0),
        ),
        # A default lets the migration be reversed (the field comes back before to_database).
        migrations.AlterField(
            model_name="releasedfile",
            name="content",
            field=models.BinaryField(default=b""),
        ),
        migrations.RunPython(to_store, to_database),
        migrations.RemoveField(
            model_name="releasedfile",
            name="content",
        ),
    ]
