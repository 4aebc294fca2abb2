"""Art. 32: after a third party objects, the organ may still disclose only when withholding
would seriously harm the public interest, and must tell the third party in writing what is
disclosed and why."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.letters import docx_text
from gongkai.applications.models import (
    Application,
    ConsultationKind,
    ConsultationReply,
    LetterKind,
    Status,
)
from gongkai.applications.outcomes import Outcome

D = datetime.date
REASON = "该项目使用财政资金，涉及公共安全，不公开将对公共利益造成重大影响。"


def consulted(submit, unit, editor, at, reply, kind=ConsultationKind.THIRD_PARTY):
    application = submit(unit, on=(2026, 9, 1))
    at(2026, 9, 7)
    consultation = workflow.start_consultation(
        actor=editor,
        application=application,
        kind=kind,
        party_name="某建设公司",
        matter="合同中该公司的报价。",
        sent_on=D(2026, 9, 7),
        party_received_on=D(2026, 9, 7),
    )
    at(2026, 9, 11)
    workflow.record_consultation_reply(
        actor=editor,
        consultation=consultation,
        reply=reply,
        replied_on=D(2026, 9, 11),
        reasons="涉及本公司商业秘密。" if reply == ConsultationReply.OBJECTION else "",
    )
    application.refresh_from_db()
    return application


def disclose(application, editor, **extra):
    return workflow.issue_reply(
        actor=editor,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=D(2026, 9, 11),
        how_to_obtain="随本答复书发送。",
        **extra,
    )


def test_disclosing_over_an_objection_needs_a_public_interest_reason(submit, unit_a, editor_a, at):
    application = consulted(submit, unit_a, editor_a, at, ConsultationReply.OBJECTION)
    with pytest.raises(ValidationError) as error:
        disclose(application, editor_a)
    assert "公共利益" in error.value.message_dict["public_interest_reason"][0]
    application = Application.objects.get(pk=application.pk)
    assert application.status == Status.IN_PROGRESS
    assert not application.letters.filter(kind=LetterKind.REPLY).exists()


def test_the_third_party_is_told_what_is_disclosed_and_why(client, submit, unit_a, editor_a, at):
    application = consulted(submit, unit_a, editor_a, at, ConsultationReply.OBJECTION)
    reply = disclose(application, editor_a, public_interest_reason=REASON)
    assert reply.public_interest_reason == REASON
    letter = application.letters.get(kind=LetterKind.PUBLIC_INTEREST)
    text = docx_text(letter.docx())
    assert text.startswith("政府信息公开决定告知书")
    assert "某建设公司：" in text
    assert application.title in text and REASON in text
    assert "第三十二条" in text and "2026年9月11日" in text
    # The letter goes to the third party, not to the applicant.
    assert not letter.for_applicant
    client.post(
        reverse("applications:status"),
        {"tracking_number": application.tracking_number, "access_code": application.access_code},
    )
    assert client.get(reverse("applications:letter", args=[letter.pk])).status_code == 404


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (ConsultationReply.CONSENT, ConsultationKind.THIRD_PARTY),
        (ConsultationReply.OBJECTION, ConsultationKind.CO_MAKER),
    ],
)
def test_no_override_without_a_third_party_objection(submit, unit_a, editor_a, at, reply, kind):
    application = consulted(submit, unit_a, editor_a, at, reply, kind)
    with pytest.raises(ValidationError) as error:
        disclose(application, editor_a, public_interest_reason=REASON)
    assert "public_interest_reason" in error.value.message_dict
    disclose(application, editor_a)
    assert not application.letters.filter(kind=LetterKind.PUBLIC_INTEREST).exists()


def test_withholding_after_an_objection_needs_no_override(submit, unit_a, editor_a, at):
    application = consulted(submit, unit_a, editor_a, at, ConsultationReply.OBJECTION)
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.WITHHELD_THIRD_PARTY,
        replied_on=D(2026, 9, 11),
        reasons="第三方不同意公开且理由合理。",
        legal_basis="《中华人民共和国政府信息公开条例》第十五条、第三十二条",
    )
    assert not application.letters.filter(kind=LetterKind.PUBLIC_INTEREST).exists()
