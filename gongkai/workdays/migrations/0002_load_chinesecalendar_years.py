"""Load the years the installed chinesecalendar knows, so a fresh clone has a calendar after
`migrate`. Later years are entered by administrators; `load_demo` adds any years a newer
chinesecalendar brings."""

from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from gongkai.workdays import known

    CalendarYear = apps.get_model("workdays", "CalendarYear")
    CalendarRevision = apps.get_model("workdays", "CalendarRevision")
    present = set(CalendarYear.objects.values_list("year", flat=True))
    now = timezone.now()
    for year in known.known_years():
        if year in present:
            continue
        data = known.year_data(year)
        row = CalendarYear.objects.create(
            year=year,
            holidays=data["holidays"],
            workdays=data["workdays"],
            names=data["names"],
            source="chinesecalendar",
            source_note="chinesecalendar",
            updated_at=now,
            updated_by_label="系统",
        )
        CalendarRevision.objects.create(
            calendar_year=row,
            number=1,
            holidays=data["holidays"],
            workdays=data["workdays"],
            names=data["names"],
            source="chinesecalendar",
            source_note="chinesecalendar",
            reason="安装时载入",
            created_at=now,
            created_by_label="系统",
            changes={
                "added_holidays": data["holidays"],
                "removed_holidays": [],
                "added_workdays": data["workdays"],
                "removed_workdays": [],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
