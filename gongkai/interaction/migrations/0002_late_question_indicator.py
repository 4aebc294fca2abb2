"""Adds oversight's indicator of late 政民互动 questions (it lives with the questions it
counts, so oversight's own migrations stay as they are)."""

from django.db import migrations


def add(apps, schema_editor):
    from gongkai.oversight.defaults import install

    install(apps.get_model("oversight", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("interaction", "0001_initial"), ("oversight", "0006_work_point_indicator")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
