from django.db import migrations, models


def drop_superusers(apps, schema_editor):
    # Earlier demos made the system administrator a Django superuser; roles replace that.
    apps.get_model("accounts", "User").objects.filter(is_superuser=True).update(
        is_superuser=False, is_staff=False
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_person_identity"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(drop_superusers, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=models.Q(("is_superuser", False)), name="no_superuser"
            ),
        ),
    ]
