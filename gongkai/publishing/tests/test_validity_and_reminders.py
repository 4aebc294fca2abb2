"""Normative documents change validity on their own when a date passes; units are reminded
before expiry and told when a policy still lacks its interpretation."""

import io
from datetime import date, datetime

import pytest
import time_machine
from django.core.management import call_command

from gongkai.core.clock import CHINA
from gongkai.publishing import workflow
from gongkai.publishing.models import Alert, AlertKind, Document, Validity

from .factories import content, normative, published

pytestmark = pytest.mark.django_db


def _at(day):
    return time_machine.travel(
        datetime.combine(day, datetime.min.time(), tzinfo=CHINA).replace(hour=9), tick=False
    )


def test_validity_follows_the_dates(editor_a, reviewer_a, unit_a):
    with _at(date(2024, 3, 20)):
        document = published(
            editor_a,
            reviewer_a,
            unit_a,
            data=normative(effective_date=date(2024, 4, 1), expiry_date=date(2024, 12, 31)),
        )
    assert document.validity == Validity.NOT_YET
    with _at(date(2024, 4, 1)):
        call_command("publishing_daily", stdout=io.StringIO())
    document.refresh_from_db()
    assert document.validity == Validity.IN_FORCE
    with _at(date(2025, 1, 1)):
        assert workflow.update_validity(today=date(2025, 1, 1)) == 1
    document.refresh_from_db()
    assert document.validity == Validity.EXPIRED
    assert document.validity_on(date(2024, 12, 31)) == Validity.IN_FORCE


def test_a_rule_has_a_validity_that_follows_its_dates(editor_a, reviewer_a, unit_a):
    rule = normative(is_normative=False, is_rule=True, effective_date=date(2024, 4, 1))
    with _at(date(2024, 3, 20)):
        document = published(editor_a, reviewer_a, unit_a, data=rule)
    assert document.validity == Validity.NOT_YET
    with _at(date(2024, 4, 1)):
        assert workflow.update_validity(today=date(2024, 4, 1)) == 1
    document.refresh_from_db()
    assert document.validity == Validity.IN_FORCE


def test_units_are_reminded_before_expiry_once(editor_a, reviewer_a, unit_a):
    with _at(date(2024, 3, 20)):
        document = published(
            editor_a,
            reviewer_a,
            unit_a,
            data=normative(effective_date=date(2024, 3, 20), expiry_date=date(2024, 5, 31)),
        )
    early = workflow.raise_alerts(today=date(2024, 4, 1))
    assert [a for a in early if a.kind == AlertKind.EXPIRY_SOON] == []
    alerts = workflow.raise_alerts(today=date(2024, 5, 10))
    assert [
        (a.kind, a.unit_id, a.document_id) for a in alerts if a.kind == AlertKind.EXPIRY_SOON
    ] == [(AlertKind.EXPIRY_SOON, unit_a.pk, document.pk)]
    assert all(
        a.kind != AlertKind.EXPIRY_SOON for a in workflow.raise_alerts(today=date(2024, 5, 11))
    )


def test_policy_without_interpretation_is_flagged_after_three_working_days(
    editor_a, reviewer_a, unit_a
):
    # Published Friday 2024-03-22; three working days later is Wednesday 2024-03-27.
    with _at(date(2024, 3, 22)):
        policy = published(
            editor_a, reviewer_a, unit_a, data=normative(effective_date=date(2024, 3, 22))
        )
    assert workflow.raise_alerts(today=date(2024, 3, 27)) == []
    alerts = workflow.raise_alerts(today=date(2024, 3, 28))
    assert [(a.kind, a.document_id) for a in alerts] == [(AlertKind.NO_INTERPRETATION, policy.pk)]
    with _at(date(2024, 3, 28)):
        published(
            editor_a,
            reviewer_a,
            unit_a,
            data=content(
                title="解读", doc_type="interpretation", doc_number="", interprets_id=policy.pk
            ),
        )
    assert Alert.objects.get(document=policy).resolved_on == date(2024, 3, 28)


def test_replacing_a_document_repeals_it_from_the_new_effective_date(editor_a, reviewer_a, unit_a):
    with _at(date(2024, 3, 20)):
        old = published(
            editor_a, reviewer_a, unit_a, data=normative(effective_date=date(2024, 1, 1))
        )
        published(
            editor_a,
            reviewer_a,
            unit_a,
            links=[{"kind": "replaces", "target": old.pk}],
            data=normative(
                title="新版", doc_number="测政办发〔2024〕9号", effective_date=date(2024, 3, 20)
            ),
        )
    old.refresh_from_db()
    assert old.validity == Validity.REPEALED and old.repealed_on == date(2024, 3, 20)
    assert list(Document.objects.in_force_on(date(2024, 3, 19))) == [old]
