"""Adds the indicator of open meetings' decisions without their interpretation."""

from django.db import migrations


def add(apps, schema_editor):
    from gongkai.oversight.defaults import install

    install(apps.get_model("oversight", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("oversight", "0007_training_and_work_reminders")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
