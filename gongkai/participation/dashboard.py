from gongkai.accounts import scoping
from gongkai.console.panels import Panel

from . import services
from .models import ConsultationStatus, statistics

SHOWN = 8


def dashboard_panels(user, today):
    """The consultations in progress with their figures, and the year's totals (per unit when
    the reader oversees several)."""
    mine = scoping.consultations(user)
    year = services.of_year(mine, today.year)
    active = list(mine.exclude(status=ConsultationStatus.CLOSED).order_by("ends_on")[:SHOWN])
    by_unit = services.totals_by_unit(year)
    if not by_unit and not active:
        return []
    found = statistics(active)
    for c in active:
        c.stats = found[c.pk]
    context = {
        "consultations": active,
        "year": services.totals(year),
        "by_unit": by_unit if len(by_unit) > 1 else [],
    }
    return [Panel("征求意见", "participation/_panel.html", context)]
