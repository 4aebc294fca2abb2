"""What a decision's page links to: its consultations, hearings, the meeting that decided it,
the published decision and its interpretations — each read through a public scope, so a page
never shows what is not public."""

from gongkai.publishing.models import Document

from .models import Hearing, Meeting, MeetingState


def consultations(decision):
    """Published consultations on the decision's drafts (征求意见, the participation app)."""
    from gongkai.participation.models import Consultation

    return list(Consultation.objects.published().filter(decision=decision).order_by("starts_on"))


def interpretations(document):
    if document is None:
        return []
    return list(Document.objects.published().filter(interprets=document))


def hearings(decision):
    return list(Hearing.objects.published().filter(decision=decision))


def meetings(decision):
    """Held meetings that discussed the decision (an agenda item names it)."""
    return list(
        Meeting.objects.published()
        .filter(state=MeetingState.HELD, items__decision=decision)
        .distinct()
        .order_by("held_on")
    )


def decision_links(decision) -> dict:
    document = decision.document if decision.document_id else None
    if document is not None and not document.is_published:
        document = None
    return {
        "consultations": consultations(decision),
        "hearings": hearings(decision),
        "meetings": meetings(decision),
        "document": document,
        "interpretations": interpretations(document),
    }
