"""Letters carry the unit, the law and the dates; templates are edited by the office only,
with history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.applications import workflow
from gongkai.applications.letters import docx_text, save_template
from gongkai.applications.models import LetterKind, LetterTemplate
from gongkai.applications.outcomes import Outcome

D = __import__("datetime").date


def test_receipt_and_reply_letters_are_filled_in(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    receipt = docx_text(application.letters.get(kind=LetterKind.RECEIPT).docx())
    assert unit_a.full_name in receipt
    assert "2026年9月24日" in receipt and "2026年10月29日" in receipt
    at(2026, 10, 9)
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.WITHHELD_PROCESS_INFORMATION,
        replied_on=D(2026, 10, 9),
        reasons="属于内部讨论记录。",
    )
    reply = docx_text(application.letters.get(kind=LetterKind.REPLY).docx())
    assert "属于四类过程性信息" in reply
    assert "依据：《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项。" in reply
    assert "应当先自收到本答复之日起60个自然日内向" in reply
    assert "2026年10月9日" in reply


def test_office_edits_templates_with_history(submit, unit_a, office, editor_a):
    application = submit(unit_a)
    with pytest.raises(PermissionDenied):
        save_template(actor=editor_a, key="receipt", title="回执", body="{{ applicant }}")
    with pytest.raises(ValidationError, match="模板格式有误"):
        save_template(actor=office, key="receipt", title="回执", body="{% if %}")
    save_template(
        actor=office,
        key="receipt",
        title="申请回执（新）",
        body="{{ applicant }}：已收到，编号{{ tracking_number }}。",
    )
    assert LetterTemplate.objects.filter(key="receipt").count() == 2
    from gongkai.applications.letters import issue

    letter = issue(application, LetterKind.RECEIPT, issued_on=D(2026, 9, 24))
    assert letter.text == f"李明：已收到，编号{application.tracking_number}。"
    old = application.letters.order_by("id").first()
    assert "20个工作日" in old.text  # earlier letters keep the wording they were issued with


def test_a_longer_deadline_under_art_35_is_announced_to_the_applicant(submit, unit_a, editor_a, at):
    from gongkai.applications.models import ExcessiveDecision

    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 2)
    workflow.ask_for_reasons(actor=editor_a, application=application, requested_on=D(2026, 9, 2))
    at(2026, 9, 8)
    workflow.handle_excessive_request(
        actor=editor_a,
        application=application,
        decision=ExcessiveDecision.LONGER_DEADLINE,
        decided_on=D(2026, 9, 8),
        applicant_reasons="诉讼需要。",
        custom_due=D(2026, 11, 30),
    )
    letter = application.letters.get(kind=LetterKind.LONGER_DEADLINE)
    assert letter.for_applicant and letter.issued_on == D(2026, 9, 8)
    text = docx_text(letter.docx())
    assert "延迟答复告知书" in text
    assert "第三十五条" in text and "2026年11月30日" in text
    assert unit_a.full_name in text
