"""The head's consent to an extension (Art. 33) is a check on the handler: the handler — by any
of their accounts — cannot give it to themselves, over the console as anywhere else."""

import pytest
from django.urls import reverse

from gongkai.accounts.services import person_key
from gongkai.applications import workflow
from gongkai.applications.models import Extension
from gongkai.applications.samples import resident_id

pytestmark = pytest.mark.django_db

FORM = {"working_days": 10, "reason": "需调阅档案。", "approved_on": "2026-09-24"}


def extend(client, application):
    url = reverse("console-applications:act", args=[application.pk, "extend_deadline"])
    return client.post(url, FORM)


def test_a_head_who_handles_the_application_cannot_extend_it(client_of, submit, unit_a, head_a):
    application = submit(unit_a)
    workflow.assign(actor=head_a, application=application, handler=head_a)
    response = extend(client_of(head_a), application)
    assert response.status_code == 400 and "承办人以外" in response.content.decode()
    assert not Extension.objects.exists()


def test_nor_through_another_account_of_the_same_person(
    client_of, submit, unit_a, head_a, editor_a
):
    key = person_key(resident_id(7))
    for user in (head_a, editor_a):
        user.person_key = key
        user.save(update_fields=["person_key"])
    application = submit(unit_a)
    workflow.assign(actor=editor_a, application=application, handler=editor_a)
    extend(client_of(head_a), application)
    assert not Extension.objects.exists()


def test_another_head_extends_what_someone_else_handles(
    client_of, submit, unit_a, head_a, editor_a
):
    application = submit(unit_a)
    workflow.assign(actor=editor_a, application=application, handler=editor_a)
    extend(client_of(head_a), application)
    assert Extension.objects.get(application=application).approved_by == head_a
