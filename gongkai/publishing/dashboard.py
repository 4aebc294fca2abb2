"""The proactive-disclosure panel of the console dashboard: work waiting in the user's units
and the open reminders (expiring documents, missing interpretations)."""

from gongkai.accounts.permissions import units_for
from gongkai.console.panels import Panel

from .models import Alert, Revision, RevisionStatus


def dashboard_panels(user, today):
    units = units_for(user)
    open_revisions = Revision.objects.filter(document__unit__in=units)
    context = {
        "drafts": open_revisions.filter(status=RevisionStatus.DRAFT).count(),
        "submitted": open_revisions.filter(status=RevisionStatus.SUBMITTED).count(),
        "reviewed": open_revisions.filter(status=RevisionStatus.REVIEWED).count(),
        "alerts": list(
            Alert.objects.filter(unit__in=units, resolved_on__isnull=True).select_related(
                "document"
            )[:5]
        ),
    }
    if not any(context.values()):
        return []
    return [Panel("主动公开", "publishing/console/_panel.html", context)]
