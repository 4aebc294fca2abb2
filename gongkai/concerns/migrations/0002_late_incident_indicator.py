"""Adds oversight's indicator of late public-opinion incidents (the row oversight.defaults
lists; installed here because the rule belongs to this app)."""

from django.db import migrations


def add(apps, schema_editor):
    from gongkai.oversight.defaults import install

    install(apps.get_model("oversight", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("concerns", "0001_initial"), ("oversight", "0006_work_point_indicator")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
