"""The 规章 cells of table 二 are counted from publishing's documents marked 规章 instead of
being typed in. Published versions keep their figures in their snapshot; a version still being
worked on keeps what was typed as a line of its source note, so nothing typed is lost."""

from django.db import migrations

OPEN_STATUSES = ("draft", "submitted", "reviewed")


def keep_typed_rule_figures(apps, schema_editor):
    AnnualReport = apps.get_model("reports", "AnnualReport")
    for report in AnnualReport.objects.filter(status__in=OPEN_STATUSES):
        typed = (report.regulation_issued, report.regulation_repealed, report.regulation_in_force)
        if not any(typed):
            continue
        line = (
            "原手工填报的规章件数（本年制发{}件、本年废止{}件、现行有效{}件）已停用："
            "规章件数改为根据已发布并标注为“规章”的文件自动统计，请核对。"
        ).format(*typed)
        report.figures_source = "\n".join(part for part in (report.figures_source, line) if part)
        report.save(update_fields=["figures_source"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("publishing", "0002_document_is_rule"),
    ]

    operations = [
        migrations.RunPython(keep_typed_rule_figures, migrations.RunPython.noop),
        migrations.RemoveField(model_name="annualreport", name="regulation_in_force"),
        migrations.RemoveField(model_name="annualreport", name="regulation_issued"),
        migrations.RemoveField(model_name="annualreport", name="regulation_repealed"),
    ]
