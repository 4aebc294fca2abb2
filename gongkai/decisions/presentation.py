"""What a decision's page links to: its consultations, hearings, the meeting that decided it,
the published decision and its interpretations — each read through its own app's public
scope, so a page never shows what is not public."""

from django.apps import apps

from gongkai.publishing.models import Document


def consultations(decision):
    """Consultations on the decision's drafts (征求意见), when the participation app is
    installed and relates its consultations to a decision (its `decision` field). The hook:
    its model's manager offers `published()`; nothing shows until it does."""
    if not apps.is_installed("gongkai.participation"):
        return []
    model = next(
        (
            m
            for m in apps.get_app_config("participation").get_models()
            if any(getattr(f, "related_model", None) is decision.__class__ for f in m._meta.fields)
        ),
        None,
    )
    if model is None or not hasattr(model.objects, "published"):
        return []
    field = next(f.name for f in model._meta.fields if f.related_model is decision.__class__)
    return list(model.objects.published().filter(**{field: decision}))


def interpretations(document):
    if document is None:
        return []
    return list(Document.objects.published().filter(interprets=document))


def decision_links(decision) -> dict:
    document = (
        decision.document if decision.document_id and decision.document.is_published else None
    )
    return {
        "consultations": consultations(decision),
        "document": document,
        "interpretations": interpretations(document),
    }
