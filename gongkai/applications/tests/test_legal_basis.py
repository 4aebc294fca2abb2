"""Outcomes carry their law: each of the 21 outcomes cites its provisions of the Regulation,
checked against the Regulation's own text (regulation_2019.md, 国务院令第711号); staff may add
only provisions that belong to the outcome; every reply letter prints the basis, and the
remedies name the review body and the court, review first for a refusal."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.forms import ReplyForm
from gongkai.applications.legal_basis import LEGAL_BASIS, PROVISIONS, REGULATION
from gongkai.applications.models import LetterKind, Status
from gongkai.applications.outcomes import Outcome
from gongkai.applications.remedies import save_letter_settings
from gongkai.reports.tests.scenario import close_with, register

D = __import__("datetime").date
TEXT = (Path(__file__).parent / "regulation_2019.md").read_text(encoding="utf-8")
DIGITS = dict(zip("一二三四五六七八九", range(1, 10), strict=True))


def number(chinese):
    """三十六 → 36 (the Regulation has 56 articles)."""
    tens, _, units = chinese.rpartition("十")
    if "十" not in chinese:
        return DIGITS[chinese]
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def articles():
    found, current = {}, None
    for line in filter(None, map(str.strip, TEXT.splitlines())):
        head = re.match(r"第(\S+?)条 ", line)
        if head:
            current = number(head.group(1))
            found[current] = []
        if current is not None and not line.startswith("#"):
            found[current].append(line)
    return found


def provision_text(citation):
    """The words of 第X条[第Y款][第（Z）项] in the Regulation."""
    parts = re.fullmatch(r"第(.+?)条(?:第(.+?)款)?(?:第（(.+?)）项)?", citation)
    paragraphs = articles()[number(parts.group(1))]
    if parts.group(3):
        return next(p for p in paragraphs if p.startswith(f"({parts.group(3)})"))
    if parts.group(2):
        return paragraphs[number(parts.group(2)) - 1]
    return "".join(paragraphs)


@pytest.mark.parametrize("key", list(PROVISIONS))
def test_each_provision_says_what_the_data_quotes(key):
    provision = PROVISIONS[key]
    assert provision.quote in provision_text(provision.citation)


def test_every_outcome_has_its_basis_or_says_the_unit_writes_it():
    assert set(LEGAL_BASIS) == set(Outcome) and len(LEGAL_BASIS) == 21
    for outcome, basis in LEGAL_BASIS.items():
        assert set(basis.allowed) <= set(PROVISIONS), outcome
        assert basis.cited or basis.note, outcome
    assert LEGAL_BASIS[Outcome.WITHHELD_STATE_SECRET].cited == ("14", "36.3")
    assert LEGAL_BASIS[Outcome.UNAVAILABLE_NOT_HELD].cited == ("36.4",)
    assert LEGAL_BASIS[Outcome.NOT_PROCESSED_PETITION].cited == ("39.1",)
    assert LEGAL_BASIS[Outcome.NOT_PROCESSED_EXCESSIVE].cited == ("35",)
    assert not LEGAL_BASIS[Outcome.OTHER].cited and LEGAL_BASIS[Outcome.OTHER].note
    assert not LEGAL_BASIS[Outcome.NOT_PROCESSED_CONFIRMATION].cited


@pytest.fixture
def applications_of(holiday_calendar, unit_a, editor_a, at):
    def make(outcome):
        # Late enough for the correction and payment windows to have passed.
        at(2026, 11, 30)
        application = register(unit_a, editor_a, "natural_person", D(2026, 9, 24))
        close_with(application, editor_a, outcome, D(2026, 11, 30))
        return application

    return make


@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_letter_prints_its_article(applications_of, outcome):
    application = applications_of(outcome)
    letter = application.letters.get(kind=LetterKind.REPLY).text
    basis = LEGAL_BASIS[outcome]
    assert "依据：" in letter
    if basis.cited:
        first = PROVISIONS[basis.cited[0]].citation
        assert f"依据：{REGULATION}{first}" in letter
    else:
        assert application.reply.legal_basis in letter


def test_staff_add_a_provision_of_the_outcome(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    at(2026, 10, 9)
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.PARTLY_DISCLOSED,
        replied_on=D(2026, 10, 9),
        reasons="其中的讨论记录属于过程性信息。",
        how_to_obtain="随本答复书发送。",
        articles=["16.2"],
    )
    letter = application.letters.get(kind=LetterKind.REPLY).text
    assert f"依据：{REGULATION}第十六条第二款、第三十七条。" in letter


def test_staff_cannot_cite_a_provision_of_another_outcome(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    at(2026, 10, 9)
    with pytest.raises(ValidationError) as error:
        workflow.issue_reply(
            actor=editor_a,
            application=application,
            outcome=Outcome.WITHHELD_STATE_SECRET,
            replied_on=D(2026, 10, 9),
            reasons="经定密属于国家秘密。",
            articles=["38"],
        )
    assert "第三十八条不是“属于国家秘密”的法律依据" in error.value.message_dict["articles"][0]
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS
    assert not application.letters.filter(kind=LetterKind.REPLY).exists()


@pytest.mark.parametrize("outcome", [Outcome.OTHER, Outcome.NOT_PROCESSED_CONFIRMATION])
def test_without_a_provision_the_unit_must_write_the_basis(submit, unit_a, editor_a, at, outcome):
    application = submit(unit_a)
    at(2026, 10, 9)
    with pytest.raises(ValidationError) as error:
        workflow.issue_reply(
            actor=editor_a,
            application=application,
            outcome=outcome,
            replied_on=D(2026, 10, 9),
            reasons="见附件。",
        )
    assert "请写明本机关的依据" in error.value.message_dict["legal_basis"][0]


def test_the_reply_form_offers_no_art_35_decline():
    choices = [
        value for _group, options in ReplyForm().fields["outcome"].choices for value, _ in options
    ]
    assert Outcome.NOT_PROCESSED_EXCESSIVE not in choices


def test_art_35_decline_needs_the_request_for_reasons_first(submit, unit_a, editor_a, at):
    application = submit(unit_a)
    at(2026, 9, 25)
    with pytest.raises(ValidationError, match="不能执行此操作"):
        workflow.handle_excessive_request(
            actor=editor_a,
            application=application,
            decision="decline",
            decided_on=D(2026, 9, 25),
            applicant_silent=True,
            reasons="数量明显超过合理范围。",
        )
    with pytest.raises(ValidationError):
        workflow.issue_reply(
            actor=editor_a,
            application=application,
            outcome=Outcome.NOT_PROCESSED_EXCESSIVE,
            replied_on=D(2026, 9, 25),
            reasons="数量明显超过合理范围。",
        )
    assert not hasattr(type(application).objects.get(pk=application.pk), "reply")


# ---- remedies: review body and court --------------------------------------------------------


def reply_letter(submit, unit, editor, at, outcome, **fields):
    application = submit(unit)
    at(2026, 10, 9)
    workflow.issue_reply(
        actor=editor, application=application, outcome=outcome, replied_on=D(2026, 10, 9), **fields
    )
    return application.letters.get(kind=LetterKind.REPLY).text


def test_a_refusal_names_the_review_body_and_says_review_comes_first(
    submit, unit_a, editor_a, admin_a, at
):
    save_letter_settings(
        actor=admin_a, unit=unit_a, review_body="", court="测试区人民法院", fee_payment=""
    )
    letter = reply_letter(
        submit, unit_a, editor_a, at, Outcome.WITHHELD_INTERNAL_AFFAIRS, reasons="人事管理信息。"
    )
    assert "《中华人民共和国行政复议法》第二十三条第一款第（四）项" in letter
    # A department's review body is its own government (行政复议法 Art. 24).
    assert "应当先自收到本答复之日起60个自然日内向测试区人民政府申请行政复议" in letter
    assert "15个自然日内向测试区人民法院提起行政诉讼" in letter


def test_a_disclosure_offers_review_or_litigation(submit, unit_a, editor_a, at):
    letter = reply_letter(
        submit, unit_a, editor_a, at, Outcome.DISCLOSED, how_to_obtain="随本答复书发送。"
    )
    assert "60个自然日内向测试区人民政府申请行政复议，或者自收到本答复之日起6个月内" in letter
    assert "有管辖权的人民法院提起行政诉讼" in letter
    assert "应当先" not in letter


def test_the_unit_admin_sets_the_review_body_and_court_in_the_console(
    client_of, admin_a, editor_a, unit_a
):
    url = reverse("console-applications:letter-settings-edit", args=[unit_a.code])
    data = {
        "review_body": "测试市人民政府",
        "court": "测试区人民法院",
        "fee_payment": "到二楼窗口缴纳",
    }
    assert client_of(editor_a).post(url, data).status_code in (403, 404)
    assert client_of(admin_a).post(url, data).status_code == 302
    page = client_of(admin_a).get(reverse("console-applications:letter-settings")).content.decode()
    assert "测试市人民政府" in page and "测试区人民法院" in page and "到二楼窗口缴纳" in page
