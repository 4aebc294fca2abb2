"""Races proven with real threads on PostgreSQL, each thread on its own connection, all let
loose at once: two reviewers publishing one document, twenty publications taking index
numbers, two handlers replying to one application, a repeal racing an amendment of the same
normative document. Nothing is done twice, nothing is lost.

SQLite lets one writing transaction run at a time, so these races cannot happen there; the
tests run in CI's PostgreSQL pass."""

import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from gongkai.accounts.tests.factories import StaffFactory
from gongkai.applications import workflow as applications
from gongkai.applications.models import Reply
from gongkai.applications.outcomes import Outcome
from gongkai.applications.tests.factories import application_input
from gongkai.audit.chain import verify_chain
from gongkai.audit.models import AuditEvent
from gongkai.publishing import workflow
from gongkai.publishing.models import Document, DocumentLink, IndexCounter, Validity
from gongkai.publishing.tests.factories import content, normative, published
from gongkai.search.models import IndexOperation

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite runs one writing transaction at a time; these races need PostgreSQL",
    ),
]


def at_once(*calls):
    """Run the calls in threads released together; returns each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            outcomes[i] = call()
        except Exception as exc:  # the losing side of a race is part of the result
            outcomes[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def reviewed(editor, reviewer, unit, **overrides):
    document = workflow.create_draft(
        actor=editor, unit=unit, content=overrides.pop("data", None) or content(**overrides)
    )
    workflow.submit(actor=editor, document=document)
    workflow.review(
        actor=reviewer,
        document=document,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    return document


def test_two_reviewers_publishing_one_document_publish_it_once(editor_a, reviewer_a, unit_a, at):
    at(2026, 9, 24)
    other_reviewer = StaffFactory(membership__unit=unit_a, membership__role="reviewer")
    document = reviewed(editor_a, reviewer_a, unit_a)
    outcomes = at_once(
        lambda: workflow.publish(actor=reviewer_a, document=document),
        lambda: workflow.publish(actor=other_reviewer, document=document),
    )
    failures = [o for o in outcomes if isinstance(o, Exception)]
    assert len(failures) == 1 and isinstance(failures[0], workflow.WorkflowError), outcomes
    assert AuditEvent.objects.filter(action="publishing.publish").count() == 1
    assert IndexOperation.objects.filter(document_id=document.pk).count() == 1
    assert Document.objects.get(pk=document.pk).version == 1
    assert verify_chain() is None


def test_twenty_parallel_publications_take_twenty_consecutive_index_numbers(
    editor_a, reviewer_a, unit_a, at
):
    at(2026, 9, 24)
    documents = [reviewed(editor_a, reviewer_a, unit_a, title=f"通知{i}") for i in range(20)]
    outcomes = at_once(
        *(lambda d=d: workflow.publish(actor=reviewer_a, document=d) for d in documents)
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    numbers = sorted(Document.objects.values_list("index_number", flat=True))
    code = unit_a.index_code
    assert numbers == [f"{code}/2026-{n:05d}" for n in range(1, 21)]
    assert IndexCounter.objects.get(unit=unit_a, year=2026).last == 20
    assert IndexOperation.objects.count() == 20
    assert verify_chain() is None


def test_two_handlers_replying_to_one_application_reply_once(unit_a, known_calendar, at):
    at(2026, 9, 24)
    application, _code = applications.register_application(actor=None, **application_input(unit_a))
    handlers = [StaffFactory(membership__unit=unit_a, membership__role="editor") for _ in "ab"]
    at(2026, 10, 9)

    def reply(handler):
        return lambda: applications.issue_reply(
            actor=handler,
            application=application,
            outcome=Outcome.DISCLOSED,
            replied_on=date(2026, 10, 9),
            how_to_obtain="随答复书提供。",
        )

    outcomes = at_once(*(reply(h) for h in handlers))
    failures = [o for o in outcomes if isinstance(o, Exception)]
    assert len(failures) == 1 and isinstance(failures[0], ValidationError), outcomes
    assert Reply.objects.filter(application=application).count() == 1
    assert AuditEvent.objects.filter(action="application.issue_reply").count() == 1
    assert verify_chain() is None


def test_a_repeal_racing_an_amendment_leaves_the_policy_repealed_with_both_links(
    editor_a, reviewer_a, unit_a, at
):
    at(2024, 3, 10)
    policy = published(editor_a, reviewer_a, unit_a, data=normative())
    target = [{"target": policy.pk}]
    amendment = workflow.create_draft(
        actor=editor_a,
        unit=unit_a,
        content=normative(title="关于修改管理办法的决定", doc_number="测政办发〔2024〕8号"),
        links=[{**target[0], "kind": "amends"}],
    )
    repeal = workflow.create_draft(
        actor=editor_a,
        unit=unit_a,
        content=normative(title="关于废止管理办法的决定", doc_number="测政办发〔2024〕9号"),
        links=[{**target[0], "kind": "repeals"}],
    )
    for document in (amendment, repeal):
        workflow.submit(actor=editor_a, document=document)
        workflow.review(
            actor=reviewer_a,
            document=document,
            confidentiality_result="同意公开",
            disclosure_confirmed=True,
        )
    at(2024, 4, 2)
    outcomes = at_once(
        lambda: workflow.publish(actor=reviewer_a, document=amendment),
        lambda: workflow.publish(actor=reviewer_a, document=repeal),
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    policy.refresh_from_db()
    assert policy.amended_on is not None and policy.repealed_on is not None
    assert policy.validity == Validity.REPEALED
    assert DocumentLink.objects.filter(target=policy).count() == 2
    assert IndexOperation.objects.filter(document_id=policy.pk).count() == 3
    assert verify_chain() is None
