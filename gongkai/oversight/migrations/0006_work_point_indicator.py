"""Adds the indicator of late work-point tasks to databases that have the first ones."""

from django.db import migrations


def add(apps, schema_editor):
    from gongkai.oversight.defaults import install

    install(apps.get_model("oversight", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("oversight", "0005_work_points")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
