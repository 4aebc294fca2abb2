"""The proactive-disclosure panel of the console dashboard: work waiting in the user's units
and the open reminders (expiring documents, missing interpretations)."""

from gongkai.accounts import scoping
from gongkai.console.panels import Panel
from gongkai.core.clock import local_now

from . import workflow
from .models import RevisionStatus


def dashboard_panels(user, today):
    open_revisions = scoping.revisions(user)
    context = {
        "drafts": open_revisions.filter(status=RevisionStatus.DRAFT).count(),
        "submitted": open_revisions.filter(status=RevisionStatus.SUBMITTED).count(),
        "reviewed": open_revisions.filter(status=RevisionStatus.REVIEWED).count(),
        "urgent_reviews": _urgent_reviews(scoping.work_units(user)),
        "alerts": list(
            scoping.alerts(user).filter(resolved_on__isnull=True).select_related("document")[:5]
        ),
    }
    if not any(context.values()):
        return []
    return [Panel("主动公开", "publishing/console/_panel.html", context)]


def _urgent_reviews(units):
    """Reviews owed after urgent releases, the most pressing first, overdue ones marked."""
    now = local_now()
    reviews = list(workflow.open_urgent_reviews(units).select_related("document")[:5])
    for review in reviews:
        review.overdue = review.due_at < now
    return reviews
