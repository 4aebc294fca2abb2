"""The public pages and the console over HTTP: asking without an account, the receipt showing
the code once, the asker's lookup, the published list and its keyword filter, the console's
scope and actions, the dashboard, the oversight indicator and the static pages registry."""

import re
from datetime import date

import pytest
from django.urls import reverse

from gongkai.interaction import workflow
from gongkai.interaction.models import Question, Status
from gongkai.oversight import rules
from gongkai.oversight.models import Indicator
from gongkai.pages import registry
from gongkai.pages.models import RenderOperation

from .helpers import answered, ask

pytestmark = pytest.mark.django_db


def _form(government, unit=None, **overrides):
    return {
        "kind": "question",
        "government": government.pk,
        "requested_unit": unit.pk if unit else "",
        "subject": "公租房申请条件",
        "text": "请问外地户籍人员能否申请公租房？",
        "asker_name": "王芳",
        "phone": "13800001111",
        "email": "",
        "consent_to_publish": "on",
        **overrides,
    }


def test_anyone_asks_and_sees_the_code_once_then_looks_the_answer_up(
    known_calendar, client, government, unit_a, office, editor_a
):
    response = client.post("/interaction/ask/", _form(government, unit_a))
    assert response.status_code == 302
    receipt = client.get(response["Location"]).content.decode()
    number = re.search(r'id="tracking-number">([A-Z0-9]+)<', receipt).group(1)
    code = re.search(r'id="access-code"><strong>([A-Z0-9]+)<', receipt).group(1)
    assert "个工作日" in receipt
    assert code not in client.get("/interaction/receipt/").content.decode()
    question = Question.objects.get(tracking_number=number)
    assert question.requested_unit == unit_a and question.consent_to_publish
    workflow.assign_question(actor=office, question=question, unit=unit_a)
    workflow.answer_question(actor=editor_a, question=question, answer="符合条件的可以申请。")
    stranger = client.__class__()
    wrong = stranger.post("/interaction/status/", {"tracking_number": number, "access_code": "X"})
    assert "留言编号或查询码不正确" in wrong.content.decode()
    right = stranger.post(
        "/interaction/status/", {"tracking_number": number, "access_code": code.lower()}
    ).content.decode()
    assert "符合条件的可以申请。" in right
    assert unit_a.full_name in right


def test_the_form_says_what_is_wrong_and_keeps_nothing(known_calendar, client, government):
    response = client.post("/interaction/ask/", _form(government, subject="", phone="call me"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "请填写标题" in page or "这个字段是必填项" in page
    assert not Question.objects.exists()


def test_submissions_are_limited_per_address(known_calendar, client, government, settings):
    settings.SUBMISSION_LIMIT = 2
    for _ in range(2):
        assert client.post("/interaction/ask/", _form(government)).status_code == 302
    response = client.post("/interaction/ask/", _form(government))
    assert "提交过于频繁" in response.content.decode()
    assert Question.objects.count() == 2


def _publish(question, actor, subject="外地户籍人员申请公租房", text="外地户籍能申请公租房吗？"):
    return workflow.publish_answer(
        actor=actor,
        question=question,
        public_subject=subject,
        public_text=text,
        public_answer=question.answer,
    )


def test_published_answers_are_listed_masked_and_found_by_keyword(
    known_calendar, client, government, unit_a, office, editor_a
):
    first = _publish(answered(government, office, unit_a, editor_a), office)
    second = answered(government, office, unit_a, editor_a)
    _publish(second, office, subject="新生入学报名", text="网上报名什么时候开始？")
    hidden = answered(government, office, unit_a, editor_a)  # answered, not published
    page = client.get("/interaction/").content.decode()
    assert "外地户籍人员申请公租房" in page and "新生入学报名" in page
    assert page.count(f'href="/interaction/{hidden.pk}/"') == 0
    found = client.get("/interaction/", {"q": "公租房"}).content.decode()
    assert "外地户籍人员申请公租房" in found and "新生入学报名" not in found
    detail = client.get(f"/interaction/{first.pk}/").content.decode()
    assert "李**" in detail
    assert "李晓红" not in detail and "13912345678" not in detail
    assert client.get(f"/interaction/{hidden.pk}/").status_code == 404


def test_the_console_shows_each_person_only_their_questions(
    known_calendar, client, government, unit_a, unit_b, office, editor_a, editor_b
):
    question, _code = ask(government)
    client.force_login(office)
    assert question.tracking_number in client.get("/console/interaction/").content.decode()
    response = client.post(
        f"/console/interaction/{question.pk}/assign_question/", {"unit": unit_a.pk}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.ASSIGNED and question.unit == unit_a
    client.force_login(editor_b)
    assert question.tracking_number not in client.get("/console/interaction/").content.decode()
    assert client.get(f"/console/interaction/{question.pk}/").status_code == 404
    client.force_login(editor_a)
    page = client.get(f"/console/interaction/{question.pk}/").content.decode()
    # The contact fields are masked; the text is shown as the asker wrote it.
    assert "<dd>李**</dd>" in page and "<dd>139****5678</dd>" in page
    response = client.post(
        f"/console/interaction/{question.pk}/forward_question/",
        {"to_unit": unit_b.pk, "reason": ""},
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    question.refresh_from_db()
    assert question.unit == unit_a


def test_the_dashboard_counts_open_and_overdue_questions(
    known_calendar, at, client, government, unit_a, office
):
    at(2026, 9, 28)
    ask(government)
    at(2026, 10, 20)
    ask(government)
    client.force_login(office)
    page = client.get(reverse("console:dashboard")).content.decode()
    assert "政民互动" in page
    assert re.search(r"未答复 <strong>2</strong> 件", page)
    assert "已超期 1 件" in page


def test_an_overdue_question_is_an_oversight_problem(
    known_calendar, at, government, unit_a, office
):
    at(2026, 6, 1)
    old, _code = ask(government)
    workflow.assign_question(actor=office, question=old, unit=unit_a)
    at(2026, 9, 28)
    waiting, _code = ask(government)
    indicator = Indicator.objects.get(code="late_question")
    today = date(2026, 10, 20)
    problems = rules.LIVE_RULES["late_question"](indicator, [government, unit_a], today)
    by_key = {p.key: p for p in problems}
    assert set(by_key) == {f"question:{old.pk}", f"question:{waiting.pk}"}
    assert by_key[f"question:{old.pk}"].unit_id == unit_a.pk
    assert "超过3个月" in by_key[f"question:{old.pk}"].subject
    assert by_key[f"question:{waiting.pk}"].unit_id == government.pk
    assert "超过3个月" not in by_key[f"question:{waiting.pk}"].subject


def test_published_pages_are_static_pages_and_a_publication_queues_them(
    known_calendar, government, unit_a, office, editor_a, reviewer_a
):
    question = answered(government, office, unit_a, editor_a)
    before = RenderOperation.objects.count()
    _publish(question, office)
    workflow.promote_to_faq(
        actor=reviewer_a, question=question, question_text="问题", answer_text="解答"
    )
    operations = RenderOperation.objects.order_by("id")[before:]
    assert len(operations) == 2
    pages = set().union(*(registry.affected(op.subject, op.object_id) for op in operations))
    assert f"/interaction/{question.pk}/" in pages
    assert f"/interaction/faq/{unit_a.code}/" in pages
    # Only 政民互动's pages: not the home page, not the other questions' pages.
    assert "/" not in pages
    assert pages <= set(registry.interaction_pages()) | {f"/interaction/{question.pk}/"}
    assert "/interaction/" in registry.all_pages()


def test_the_public_pages_resolve_their_references_and_say_which_days(
    known_calendar, client, government, unit_a, office, editor_a, reviewer_a
):
    from lxml import html as lxml_html

    from gongkai.core.periods import bare_day_periods
    from gongkai.core.tests.pages import broken_references

    question = _publish(answered(government, office, unit_a, editor_a), office)
    workflow.promote_to_faq(
        actor=reviewer_a, question=question, question_text="问题", answer_text="解答"
    )
    client.post("/interaction/ask/", _form(government, unit_a))
    urls = [
        "/interaction/",
        "/interaction/?q=公租房",
        "/interaction/ask/",
        "/interaction/ask/?kind=letter",
        "/interaction/receipt/",
        "/interaction/status/",
        f"/interaction/{question.pk}/",
        f"/interaction/faq/{unit_a.code}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert broken_references(page) == [], url
        assert bare_day_periods(lxml_html.fromstring(page).text_content()) == [], url
