"""The public form, the receipt, and the applicant's status lookup."""

import datetime
import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import Application, LetterKind
from gongkai.applications.tests.factories import PNG, application_input, credit_code, resident_id
from gongkai.audit.models import AuditEvent


def form_data(unit, **overrides):
    data = application_input(unit)
    data.pop("identity_proof")
    data.pop("channel")
    data["unit"] = unit.pk
    data.update(overrides)
    return data


def issued_key(client):
    """The double-submit key the form page gives this client's session."""
    page = client.get(reverse("applications:apply")).content.decode()
    return re.search(r'name="submission_key" value="([^"]+)"', page).group(1)


def post_form(client, unit, proof=PNG, name="id.png", key=None, **overrides):
    upload = io.BytesIO(proof)
    upload.name = name
    data = form_data(unit, submission_key=key or issued_key(client), **overrides)
    return client.post(reverse("applications:apply"), {**data, "identity_proof": upload})


@pytest.fixture
def today(holiday_calendar, at):
    at(2026, 9, 24)


def test_submit_shows_number_and_code_once(client, unit_a, today):
    response = post_form(client, unit_a)
    assert response.status_code == 302
    page = client.get(reverse("applications:receipt")).content.decode()
    application = Application.objects.get()
    assert application.tracking_number in page
    assert "查询码只显示这一次" in page
    again = client.get(reverse("applications:receipt")).content.decode()
    assert "查询码只显示这一次" not in again


def test_double_submit_creates_one_application(client, unit_a, today):
    key = issued_key(client)
    post_form(client, unit_a, key=key)
    post_form(client, unit_a, key=key)
    assert Application.objects.count() == 1
    assert client.get(reverse("applications:receipt")).status_code == 200


def test_a_victims_submission_key_gives_an_attacker_nothing(client, unit_a, today):
    key = issued_key(client)
    assert post_form(client, unit_a, key=key).status_code == 302
    victim = Application.objects.get()
    receipt_letter = victim.letters.get(kind=LetterKind.RECEIPT)

    attacker = Client()
    issued_key(attacker)  # an ordinary visitor with a session and keys of its own
    response = post_form(attacker, unit_a, key=key, identity_number=resident_id(2))
    assert response.status_code == 200
    page = response.content.decode()
    assert "页面已过期" in page and victim.tracking_number not in page
    assert Application.objects.count() == 1
    receipt = attacker.get(reverse("applications:receipt"))
    assert receipt.status_code == 302 and victim.tracking_number not in receipt.content.decode()
    letter_url = reverse("applications:letter", args=[receipt_letter.pk])
    assert attacker.get(letter_url).status_code == 404
    status = attacker.get(reverse("applications:status")).content.decode()
    assert victim.tracking_number not in status


def test_a_key_never_issued_is_refused_and_the_form_gets_a_fresh_one(client, unit_a, today):
    response = post_form(client, unit_a, key="guessed-key")
    page = response.content.decode()
    assert "页面已过期" in page and "guessed-key" not in page
    assert Application.objects.count() == 0
    fresh = re.search(r'name="submission_key" value="([^"]+)"', page).group(1)
    assert post_form(client, unit_a, key=fresh).status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"identity_number": "110105198001010010"}, "居民身份证号码无效"),
        (
            {
                "applicant_kind": "commercial_enterprise",
                "identity_kind": "credit_code",
                "identity_number": "91110000000000001X",
            },
            "统一社会信用代码无效",
        ),
        (
            {"applicant_kind": "commercial_enterprise", "identity_number": resident_id()},
            "应提供统一社会信用代码",
        ),
        ({"description": ""}, "必填"),
        ({"delivery_wanted": "post", "address": ""}, "请填写通信地址"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_changes_nothing(
    client, unit_a, today, overrides, message
):
    response = post_form(client, unit_a, **overrides)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Application.objects.count() == 0


def test_a_valid_credit_code_is_accepted_for_an_organisation(client, unit_a, today):
    post_form(
        client,
        unit_a,
        applicant_kind="legal_services_organisation",
        identity_kind="credit_code",
        identity_number=credit_code(3),
    )
    assert Application.objects.get().identity_number == credit_code(3)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"just some text", "id.txt", "只能是 JPG、PNG 图片或 PDF"),
        (PNG + b"0" * (5 * 1024 * 1024), "big.png", "不能超过 5 MB"),
    ],
)
def test_identity_proof_must_be_a_small_image_or_pdf(client, unit_a, today, content, name, message):
    response = post_form(client, unit_a, proof=content, name=name)
    assert message in response.content.decode()
    assert Application.objects.count() == 0


def test_personal_data_is_encrypted_at_rest(client, unit_a, today):
    post_form(client, unit_a)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT identity_number, phone, address FROM applications_application")
        row = cursor.fetchone()
        cursor.execute("SELECT encrypted_content FROM applications_identityproof")
        proof = bytes(cursor.fetchone()[0])
    assert resident_id() not in row[0] and "13800138000" not in row[1] and "人民路" not in row[2]
    assert not proof.startswith(PNG[:8])
    for event in AuditEvent.objects.all():
        assert resident_id() not in str(event.data)


def lookup(client, number, code):
    return client.post(
        reverse("applications:status"), {"tracking_number": number, "access_code": code}
    )


def test_status_lookup_shows_status_due_date_and_letters(client, submit, unit_a):
    application = submit(unit_a)
    page = lookup(client, application.tracking_number, application.access_code).content.decode()
    assert "办理中" in page
    assert "2026年10月29日" in page
    assert "这个日期是怎么算的" in page
    receipt = application.letters.get(kind=LetterKind.RECEIPT)
    download = client.get(reverse("applications:letter", args=[receipt.pk]))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")


def test_wrong_code_is_refused_and_rate_limited(client, submit, unit_a):
    application = submit(unit_a)
    for _ in range(5):
        assert (
            "申请编号或查询码不正确"
            in lookup(client, application.tracking_number, "WRONG").content.decode()
        )
    page = lookup(client, application.tracking_number, application.access_code).content.decode()
    assert "次数过多" in page
    assert "办理中" not in page


def test_one_applicants_session_opens_only_their_own_application(client, submit, unit_a, editor_a):
    mine = submit(unit_a)
    other = submit(unit_a, identity_number=resident_id(2), title="另一申请人所需的信息")
    workflow.request_correction(
        actor=editor_a, application=other, items="请写明年份。", sent_on=datetime.date(2026, 9, 24)
    )
    assert mine.title in lookup(client, mine.tracking_number, mine.access_code).content.decode()

    def letter_status(letter):
        return client.get(reverse("applications:letter", args=[letter.pk])).status_code

    for number, code in [
        (other.tracking_number, mine.access_code),
        (mine.tracking_number, other.access_code),
    ]:
        page = lookup(client, number, code).content.decode()
        assert "申请编号或查询码不正确" in page and other.title not in page
    assert {letter_status(letter) for letter in other.letters.all()} == {404}
    assert {letter_status(letter) for letter in mine.letters.all()} == {200}
    console = client.get(reverse("console-applications:detail", args=[mine.pk]))
    assert console.status_code == 302 and "login" in console["Location"]


def test_the_code_never_appears_in_a_url(client, submit, unit_a):
    application = submit(unit_a)
    response = client.get(
        reverse("applications:status"),
        {"tracking_number": application.tracking_number, "access_code": application.access_code},
    )
    assert "办理中" not in response.content.decode()
