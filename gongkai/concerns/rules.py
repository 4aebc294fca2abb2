"""What oversight counts: incidents past a deadline and not answered."""

import datetime

from django.urls import reverse

from gongkai.core.clock import CHINA, local_date, local_today, now

from .models import Incident


def moment_of(today):
    """Now, for today; the end of the day for a past day."""
    if today >= local_today():
        return now()
    return datetime.datetime.combine(today, datetime.time(23, 59, 59), tzinfo=CHINA)


def missed_deadlines(incident, moment):
    """(deadline, what) of each deadline the incident has missed and not yet met."""
    missed = []
    if not incident.is_closed:
        if incident.first_response_at is None and incident.first_response_due < moment:
            missed.append((incident.first_response_due, "首次回应"))
        if incident.full_response_due < moment:
            missed.append((incident.full_response_due, "完整回应"))
    if incident.referral_due and incident.reported_at is None and incident.referral_due < moment:
        missed.append((incident.referral_due, "转办报告"))
    return missed


def late_incidents(units, today):
    """(unit id, key, subject, since, url, days late) of each late incident, counted against
    the unit that handles it."""
    moment = moment_of(today)
    found = []
    query = Incident.objects.late(moment).filter(handling_unit__in=units)
    for incident in query.order_by("full_response_due", "id"):
        due, what = min(missed_deadlines(incident, moment))
        since = local_date(due) + datetime.timedelta(days=1)
        found.append(
            (
                incident.handling_unit_id,
                f"incident:{incident.pk}",
                f"舆情 {incident.number}“{incident.title[:30]}”{what}超时"
                f"（时限{due.astimezone(CHINA):%Y-%m-%d %H:%M}）",
                since,
                reverse("console-concerns:detail", args=[incident.pk]),
                max((today - since).days + 1, 0),
            )
        )
    return found
