"""Letter templates cannot reach data: the office's template editor refuses, with a Chinese
message and nothing saved, any template that names something outside the letter variables or
uses a tag or filter outside the letter language; letters are rendered over plain values, and
the applicant's name comes only through a recorded reveal."""

import pytest
from django.urls import reverse

from gongkai.applications import letter_language, letters
from gongkai.applications.letters import SCHEMA, docx_text
from gongkai.applications.models import LetterKind, LetterTemplate
from gongkai.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

ATTACKS = {
    # What an office account (or whoever took it over) would try, and what must be refused.
    "{{ reply.created_by.password }}": "reply.created_by.password",
    "{{ reply.application.identity_number }}": "reply.application.identity_number",
    "{{ applicant.__class__ }}": "模板格式有误",
    "{{ user.password }}": "user.password",
    "{{ request.session }}": "request.session",
    "{{ settings.SECRET_KEY }}": "settings.SECRET_KEY",
    "{{ correction.items.0 }}": "correction.items.0",
    "{% if reply.application.phone %}x{% endif %}": "reply.application.phone",
    "{{ applicant|default:secret }}": "secret",
    "{% load static %}": "load",
    "{% include 'console/base.html' %}": "include",
    "{% extends 'portal/base.html' %}": "extends",
    "{% debug %}": "debug",
    "{% now 'Y' %}": "now",
    "{{ applicant|safe }}": "safe",
    "{{ applicant|pprint }}": "pprint",
}


@pytest.mark.parametrize("body", ATTACKS)
def test_the_template_editor_refuses_anything_that_reaches_past_the_letter(client_of, office, body):
    client = client_of(office)
    url = reverse("console-applications:template", args=["receipt"])
    client.get(url)  # the editor stores the default as version one
    before = LetterTemplate.objects.count()
    page = client.post(
        url,
        {"title": "申请回执", "body": f"{{{{ applicant }}}}：{body}"},
    )
    assert page.status_code == 200
    html = page.content.decode()
    alert = html.split('role="alert"', 1)[1].split("</p>", 1)[0]
    assert ATTACKS[body] in alert and ("不允许" in alert or "模板格式有误" in alert)
    assert LetterTemplate.objects.count() == before
    assert not AuditEvent.objects.filter(action="letter_template.save").exists()


def test_a_template_over_the_listed_variables_is_saved(client_of, office):
    body = (
        "{{ applicant }}：编号{{ tracking_number }}"
        "{% if reply.reasons %}，理由{{ reply.reasons|default:'无' }}{% elif fee.amount %}"
        "{% else %}。{% endif %}"
    )
    response = client_of(office).post(
        reverse("console-applications:template", args=["receipt"]), {"title": "回执", "body": body}
    )
    assert response.status_code == 302
    assert LetterTemplate.objects.filter(key="receipt").latest("id").body == body


def test_every_default_template_is_in_the_language():
    for key, (_title, body) in letters.DEFAULTS.items():
        letter_language.check(body, SCHEMA), key


def test_letters_render_over_plain_values_only():
    with pytest.raises(TypeError):
        letter_language.render("{{ applicant }}", {"applicant": object()}, SCHEMA)


def test_the_applicant_name_reaches_a_letter_through_a_recorded_reveal(submit, unit_a, editor_a):
    application = submit(unit_a)
    receipt = application.letters.get(kind=LetterKind.RECEIPT)
    assert docx_text(receipt.docx()).startswith("政府信息公开申请回执")
    assert receipt.text.startswith(f"{application.applicant_name}：")
    reveal = AuditEvent.objects.get(
        action="application.letter_personal_data", target_id=str(application.pk)
    )
    assert reveal.reason == "生成文书：申请回执"


def test_a_letter_that_does_not_name_the_applicant_reveals_nothing(submit, unit_a, office):
    letters.save_template(
        actor=office, key="receipt", title="回执", body="编号{{ tracking_number }}"
    )
    application = submit(unit_a)
    assert application.letters.get().text == f"编号{application.tracking_number}"
    assert not AuditEvent.objects.filter(action="application.letter_personal_data").exists()


def test_a_version_stored_before_the_rules_cannot_reach_data_either(submit, unit_a):
    # Written straight to the table, as an old version or a tampered row would be.
    LetterTemplate.objects.create(
        key="receipt", title="回执", body="{{ reply.created_by.password }}{% debug %}"
    )
    application = submit(unit_a)
    text = application.letters.get().text
    assert "本机关将依照" in text and "password" not in text
