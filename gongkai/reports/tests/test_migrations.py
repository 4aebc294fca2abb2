"""Moving the 规章 cells from typed figures to publishing's records loses nothing typed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("reports", "0001_initial")]
AFTER = [("reports", "0002_rules_counted_from_publishing")]


@pytest.mark.django_db(transaction=True)
def test_typed_rule_figures_of_open_reports_move_into_the_source_note():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    unit = apps.get_model("units", "Unit").objects.create(
        code="unit-m",
        full_name="测试区戊局",
        short_name="戊局",
        kind="department",
        credit_code="11110000MB0000000M",
        index_code="MB0000000",
    )
    author = apps.get_model("accounts", "User").objects.create(username="author-m")
    reports = apps.get_model("reports", "AnnualReport").objects

    def report(year, status, source, **typed):
        return reports.create(
            unit=unit, year=year, status=status, figures_source=source, created_by=author, **typed
        ).pk

    draft = report(2025, "draft", "许可来自平台", regulation_issued=2, regulation_in_force=9)
    untouched = report(2024, "reviewed", "许可来自平台")
    published = report(2023, "published", "", regulation_repealed=1, snapshot={"table2": {}})

    executor.loader.build_graph()
    executor.migrate(AFTER)
    reports = executor.loader.project_state(AFTER).apps.get_model("reports", "AnnualReport")
    notes = dict(reports.objects.values_list("pk", "figures_source"))
    assert notes[draft] == (
        "许可来自平台\n原手工填报的规章件数（本年制发2件、本年废止0件、现行有效9件）已停用："
        "规章件数改为根据已发布并标注为“规章”的文件自动统计，请核对。"
    )
    assert notes[untouched] == "许可来自平台"
    # A published version's figures stay in its snapshot; its note is left as published.
    assert notes[published] == ""
