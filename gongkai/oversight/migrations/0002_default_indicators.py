"""The default indicators (gongkai/oversight/defaults.py)."""

from django.db import migrations


def add(apps, schema_editor):
    from gongkai.oversight.defaults import install

    install(apps.get_model("oversight", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
