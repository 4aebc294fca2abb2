"""The staff's to-do of 决策公开: meeting decisions whose interpretation is late, hearings
whose registration has closed without a selection, and hearings held without their record."""

from gongkai.accounts import scoping
from gongkai.console.panels import Panel
from gongkai.core.clock import local_now

from . import services
from .models import HearingState


def dashboard_panels(user, today):
    units = scoping.work_units(user)
    late = services.missing_interpretations(units, today)
    hearings = scoping.hearings(user).select_related("unit")
    to_select = list(
        hearings.filter(state=HearingState.ANNOUNCED, registration_closes__lt=today)[:10]
    )
    to_record = list(hearings.filter(state=HearingState.SELECTED, held_at__lt=local_now())[:10])
    if not (late or to_select or to_record):
        return []
    context = {"late": late[:10], "late_count": len(late), "to_select": to_select}
    context["to_record"] = to_record
    return [Panel("决策公开待办", "decisions/_panel.html", context)]
