"""What puts work in the render outbox. Documents announce their public changes through
publishing's `document_changed`; units, guides, columns, published enforcement decisions,
annual reports and the application policy are followed on save, which their services do
inside their own transaction, so the render request commits with the change. Extra requests
are harmless (a page rendered twice is the same page)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from gongkai.applications.models import Policy
from gongkai.enforcement.models import Decision as EnforcementDecision
from gongkai.publishing.models import Column, Guide
from gongkai.publishing.signals import document_changed
from gongkai.reports.models import AnnualReport
from gongkai.units.models import Unit

from . import outbox
from .context_processors import forget_urgent_notices
from .models import RenderOperation

Subject = RenderOperation.Subject


def _document_changed(sender, document_id, sitewide=False, **kwargs):
    outbox.enqueue(Subject.DOCUMENT, document_id)
    if sitewide:  # an urgent banner appears on, or goes from, every page
        outbox.enqueue(Subject.ALL)
        # Dropped now and again on commit: a page read in between may have cached the old list.
        forget_urgent_notices()
        transaction.on_commit(forget_urgent_notices)


def _unit_saved(sender, instance, **kwargs):
    outbox.enqueue(Subject.UNIT, instance.pk)


def _unit_part_saved(sender, instance, **kwargs):
    outbox.enqueue(Subject.UNIT, instance.unit_id)


def _report_saved(sender, instance, **kwargs):
    outbox.enqueue(Subject.REPORT, instance.pk)


def _enforcement_saved(sender, instance, **kwargs):
    if instance.published_at is not None:  # a draft is on no public page
        outbox.enqueue(Subject.ENFORCEMENT, instance.pk)


def _policy_saved(sender, instance, **kwargs):
    outbox.enqueue(Subject.SITE)


def connect():
    document_changed.connect(_document_changed, dispatch_uid="pages-document")
    post_save.connect(_unit_saved, sender=Unit, dispatch_uid="pages-unit")
    post_delete.connect(_unit_saved, sender=Unit, dispatch_uid="pages-unit-delete")
    for model in (Guide, Column):
        post_save.connect(_unit_part_saved, sender=model, dispatch_uid=f"pages-{model.__name__}")
        post_delete.connect(
            _unit_part_saved, sender=model, dispatch_uid=f"pages-{model.__name__}-delete"
        )
    post_save.connect(_report_saved, sender=AnnualReport, dispatch_uid="pages-report")
    post_save.connect(
        _enforcement_saved, sender=EnforcementDecision, dispatch_uid="pages-enforcement"
    )
    # The application policy is a new row each time it changes (policy.save_policy).
    post_save.connect(_policy_saved, sender=Policy, dispatch_uid="pages-policy")
