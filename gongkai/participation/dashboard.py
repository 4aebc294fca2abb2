from gongkai.accounts import scoping
from gongkai.console.panels import Panel

from .models import ConsultationStatus, statistics

SHOWN = 8


def dashboard_panels(user, today):
    """The consultations in progress with their figures, and the year's totals."""
    mine = scoping.consultations(user)
    year = list(mine.filter(starts_on__year=today.year).exclude(status=ConsultationStatus.DRAFT))
    active = list(mine.exclude(status=ConsultationStatus.CLOSED).order_by("ends_on")[:SHOWN])
    if not year and not active:
        return []
    found = statistics({*year, *active})
    for c in active:
        c.stats = found[c.pk]
    totals = {"consultations": len(year), "comments": 0, "groups": 0, "adopted": 0}
    for c in year:
        for key in ("groups", "adopted"):
            totals[key] += found[c.pk][key]
        totals["comments"] += found[c.pk]["comments"]
    return [
        Panel("征求意见", "participation/_panel.html", {"consultations": active, "year": totals})
    ]
