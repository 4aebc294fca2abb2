import django.utils.timezone
from django.db import migrations, models

from gongkai.audit import chain

RETENTION_DAYS_AT_LEAST = 183

# PostgreSQL refuses, below the application, to change an audit row or delete one younger than
# six months. SQLite has no such guard: Django's test flush empties tables with DELETE.
GUARD_SQL = f"""
CREATE OR REPLACE FUNCTION audit_event_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION '审计记录只能追加，不能修改';
    END IF;
    IF OLD.created_at > now() - interval '{RETENTION_DAYS_AT_LEAST} days' THEN
        RAISE EXCEPTION '审计记录须保存至少六个月，期限未到，不能删除';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_guard BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_guard();
"""
UNGUARD_SQL = """
DROP TRIGGER IF EXISTS audit_event_guard ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_guard();
"""


def link_existing_events(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    ChainHead = apps.get_model("audit", "ChainHead")
    sequence, prev_hash, batch = 0, chain.GENESIS, []
    for event in AuditEvent.objects.order_by("created_at", "id").iterator(chunk_size=2000):
        sequence += 1
        event.sequence, event.prev_hash, event.algorithm = sequence, prev_hash, chain.ALGORITHM
        event.hash = prev_hash = chain.digest(event)
        batch.append(event)
        if len(batch) == 2000:
            AuditEvent.objects.bulk_update(batch, ["sequence", "prev_hash", "hash", "algorithm"])
            batch = []
    AuditEvent.objects.bulk_update(batch, ["sequence", "prev_hash", "hash", "algorithm"])
    ChainHead.objects.create(pk=1, last_sequence=sequence, last_hash=prev_hash)


def guard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD_SQL)


def unguard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNGUARD_SQL)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="created_at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.BigIntegerField(null=True, verbose_name="链序号"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", max_length=64, verbose_name="哈希值"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="algorithm",
            field=models.CharField(default="", max_length=20, verbose_name="哈希算法"),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_sequence", models.BigIntegerField(default=0)),
                ("last_hash", models.CharField(default=chain.GENESIS, max_length=64)),
                ("purged_through", models.BigIntegerField(default=0)),
                ("purged_hash", models.CharField(default=chain.GENESIS, max_length=64)),
            ],
            options={"verbose_name": "审计链头"},
        ),
        migrations.RunPython(link_existing_events, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.BigIntegerField(unique=True, verbose_name="链序号"),
        ),
        migrations.RunPython(guard, unguard),
    ]
