"""The search index follows publishing through its `document_changed` signal, the other
public items (search.kinds) through their models' saves, and the unit tree through
`unit_moved` and unit saves (each item is indexed with its unit's ancestors; a unit that is
closed takes its items out of the public face).

The other apps' services change their items inside their own transactions, so an operation
written on save commits with the change. An extra operation is harmless: applying one loads
the item's current state."""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save

from . import kinds, services


def enqueue_index_operation(sender, document_id, op, **kwargs):
    services.enqueue(document_id, op)


def reindex_moved_units(sender, unit_ids, **kwargs):
    from gongkai.publishing.models import Document

    documents = (
        Document.objects.published()
        .filter(Q(unit_id__in=unit_ids) | Q(co_issuers__in=unit_ids))
        .values_list("pk", flat=True)
        .distinct()
        .order_by("pk")
    )
    for document_id in documents:
        services.enqueue(document_id, "upsert")
    _reindex_units_items(unit_ids)


def _reindex_units_items(unit_ids):
    with transaction.atomic():
        for source in kinds.ITEM_SOURCES:
            pks = list(source.of_units(unit_ids).values_list("pk", flat=True).order_by("pk"))
            if pks:
                services.enqueue_many(pks, "upsert", source.name)


def _enqueue(source: str, pks):
    pks = [pk for pk in pks if pk is not None]
    if pks:
        # A savepoint inside the saving transaction (the services' own); a transaction of its
        # own for a save made outside one.
        with transaction.atomic():
            services.enqueue_many(pks, "upsert", source)


def _unit_saved(sender, instance, created=False, **kwargs):
    if not created:  # a renamed or closed unit: its items' unit and public state change
        _reindex_units_items([instance.pk])


def _list_version_saved(sender, instance, **kwargs):
    from gongkai.lists.models import VersionStatus

    # Published (its rows come in) or superseded (its rows go out).
    if instance.status in (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED):
        _enqueue("list_entry", instance.entries.values_list("pk", flat=True).order_by("pk"))


def connect():
    from gongkai.concerns.models import PressConference
    from gongkai.decisions.models import AgendaItem, Hearing, Meeting
    from gongkai.enforcement.models import Decision as EnforcementDecision
    from gongkai.interaction.models import Question
    from gongkai.lists.models import ListVersion
    from gongkai.participation.models import Comment, CommentGroup, Consultation
    from gongkai.units.models import Unit

    followed = {
        Consultation: ("consultation", "pk"),
        CommentGroup: ("consultation", "consultation_id"),
        Hearing: ("hearing", "pk"),
        Meeting: ("meeting", "pk"),
        AgendaItem: ("meeting", "meeting_id"),
        Question: ("question", "pk"),
        PressConference: ("press", "pk"),
        EnforcementDecision: ("enforcement", "pk"),
    }
    for model, (source, attribute) in followed.items():
        post_save.connect(
            _follower(source, attribute),
            sender=model,
            weak=False,
            dispatch_uid=f"search-{model._meta.label}",
        )
    post_save.connect(_comment_saved, sender=Comment, dispatch_uid="search-comment")
    post_save.connect(_list_version_saved, sender=ListVersion, dispatch_uid="search-list-version")
    post_save.connect(_unit_saved, sender=Unit, dispatch_uid="search-unit")


def _follower(source: str, attribute: str):
    def followed_saved(sender, instance, **kwargs):
        _enqueue(source, [getattr(instance, attribute)])

    return followed_saved


def _comment_saved(sender, instance, created=False, **kwargs):
    # A new comment waits for moderation and changes nothing the index holds: a campaign of
    # thousands of comments queues nothing until staff show them.
    if not created:
        _enqueue("consultation", [instance.consultation_id])
