"""The site search finds what the public may read besides documents — consultations,
hearings, meetings, answered questions, press conferences, the public lists' rows and
enforcement decisions — once it is public and only while it is, through the same outbox, and
never a word of personal data or unpublished text."""

from datetime import date, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.concerns import workflow as concerns
from gongkai.core.clock import CHINA
from gongkai.decisions import workflow as decisions
from gongkai.enforcement import services as enforcement
from gongkai.enforcement.tests.factories import register_penalty
from gongkai.interaction import workflow as interaction
from gongkai.interaction.tests.helpers import answered
from gongkai.lists.tests.factories import power
from gongkai.lists.tests.factories import published as published_list
from gongkai.participation import workflow as participation
from gongkai.participation.tests.factories import open_consultation
from gongkai.publishing.tests.factories import published
from gongkai.search import indexer, services
from gongkai.search.engine import Filters
from gongkai.search.models import IndexOperation

pytestmark = pytest.mark.django_db


def run_indexer():
    call_command("run_indexer", "--once", stdout=StringIO())


def found(query, kind=""):
    """(kind, title) of every hit, as the results list them."""
    run_indexer()
    filters = Filters(kinds=(kind,)) if kind else None
    result, from_index, items = services.search_published(query=query, filters=filters)
    assert from_index
    return [(hit.kind, _title(items[hit.id])) for hit in result.hits]


def _title(item):
    return item.title


# -------------------------------------------------------------- issue 14: decisions in the open


def test_a_consultation_is_found_once_open_with_its_published_dispositions(
    at, editor_a, reviewer_a, unit_a
):
    at(2026, 12, 3, 9)
    draft = participation.create_consultation(
        actor=editor_a,
        unit=unit_a,
        title="早餐便民网点设置管理办法（征求意见稿）",
        draft_text="第一条 为规范早餐网点设置，制定本办法。",
        explanation="为方便群众就近购买早餐，起草了本办法。",
        starts_on=date(2026, 12, 3),
        ends_on=date(2027, 1, 1),
        audiences=["public"],
        is_major=True,
        short_period_reason="",
    )
    assert found("早餐网点") == []
    participation.open_consultation(actor=reviewer_a, consultation=draft)
    assert found("就近购买") == [("consultation", "早餐便民网点设置管理办法（征求意见稿）")]

    comment = participation.submit_comment(
        consultation=draft,
        text="建议延长营业时间到上午十点。",
        name="赵大伟",
        contact="13800001111",
    )
    assert found("营业时间") == []  # awaiting moderation
    participation.show_comment(actor=reviewer_a, comment=comment)
    comment.refresh_from_db()
    participation.dispose_group(
        actor=reviewer_a, group=comment.group, disposition="adopted", reason="已增加弹性营业条款。"
    )
    assert [k for k, _t in found("弹性营业条款")] == ["consultation"]
    assert [k for k, _t in found("营业时间")] == ["consultation"]
    assert found("赵大伟") == [] and found("13800001111") == []


def test_a_hearing_is_found_by_its_notice_and_its_outcome_only_once_held(
    at, editor_a, reviewer_a, unit_a
):
    at(2026, 12, 3, 9)
    hearing = decisions.create_hearing(
        actor=editor_a,
        unit=unit_a,
        subject="公交票价调整听证会",
        description="拟调整基础票价。",
        held_at=datetime(2026, 12, 28, 14, 30, tzinfo=CHINA),
        place="行政中心一楼会议室",
        registration_opens=date(2026, 12, 3),
        registration_closes=date(2026, 12, 10),
        how_to_register="在线报名。",
        seats=3,
        rule="first_come",
    )
    assert found("票价") == []
    decisions.announce_hearing(actor=reviewer_a, hearing=hearing)
    assert found("基础票价") == [("hearing", "公交票价调整听证会")]
    decisions.register_for_hearing(
        hearing=hearing, kind="public", name="孙丽华", phone="13900002222"
    )
    assert found("孙丽华") == []


def test_a_meeting_is_found_by_its_agenda_then_its_decisions(at, editor_a, reviewer_a, unit_a):
    at(2026, 11, 25, 9)
    meeting = decisions.create_meeting(
        actor=editor_a, unit=unit_a, kind="unit", title="甲局局务会议", held_on=date(2026, 11, 30)
    )
    decisions.add_agenda_item(actor=editor_a, meeting=meeting, title="研究停车收费调整方案")
    decisions.invite_attendee(
        actor=editor_a, meeting=meeting, kind="public", name="钱国平", organisation="居民代表"
    )
    assert found("停车收费") == []
    decisions.announce_meeting(actor=reviewer_a, meeting=meeting)
    assert found("停车收费") == [("meeting", "甲局局务会议")]
    assert found("原则通过") == []
    at(2026, 11, 30, 17)
    decisions.record_meeting_decisions(
        actor=reviewer_a, meeting=meeting, outcomes={1: "原则通过。"}
    )
    assert found("原则通过") == [("meeting", "甲局局务会议")]
    assert found("钱国平") == []


def test_a_question_is_found_by_its_masked_copy_only_while_published(
    government, office, editor_a, reviewer_a, unit_a
):
    question = answered(government, office, unit_a, editor_a)
    assert found("入学") == []  # answered, not published
    interaction.publish_answer(
        actor=reviewer_a,
        question=question,
        public_subject="新生入学报名时间",
        public_text="请问今年小学新生入学网上报名什么时候开始？",
        public_answer="网上报名于7月1日开始。",
    )
    assert found("入学报名") == [("question", "新生入学报名时间")]
    # The asker's name and phone were in the original text, never in the published copy.
    assert found("李晓红") == [] and found("13912345678") == []
    # The original answer was not published as written.
    assert found("教育局通知") == []
    interaction.withdraw_publication(actor=reviewer_a, question=question, reason="当事人要求")
    assert found("入学报名") == []


def test_a_press_conference_is_found_while_published(at, editor_a, reviewer_a, unit_a):
    at(2026, 12, 2, 11)
    conference = concerns.record_press_conference(
        actor=editor_a,
        unit=unit_a,
        title="冬季供暖保障新闻发布会",
        held_at=datetime(2026, 12, 1, 15, tzinfo=CHINA),
        place="新闻发布厅",
        speakers="王建国 副区长",
        topics="冬季供暖保障措施",
        transcript="主持人：各位记者朋友，下午好。",
    )
    assert found("供暖") == []
    concerns.publish_press_conference(actor=reviewer_a, conference=conference)
    assert found("供暖保障") == [("press", "冬季供暖保障新闻发布会")]
    concerns.withdraw_press_conference(actor=reviewer_a, conference=conference, reason="更正")
    assert found("供暖保障") == []


# ------------------------------------------------------------ issue 15: lists and enforcement


def test_list_rows_are_found_while_their_version_is_in_force(editor_a, reviewer_a, unit_a):
    published_list(
        "powers",
        [power("XK-001", "餐饮服务许可"), power("CF-002", "占道经营处罚", "行政处罚")],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    assert found("餐饮服务") == [("powers", "餐饮服务许可")]
    hit = services.search_published(query="餐饮服务")[2]
    url = next(iter(hit.values())).get_absolute_url()
    assert url == f"{reverse('lists:unit', args=['powers', unit_a.code])}?q=XK-001"
    # A new version replaces the rows: the one left out is no longer found.
    published_list(
        "powers",
        [power("CF-002", "占道经营处罚", "行政处罚")],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
        note="取消许可事项",
    )
    assert found("餐饮服务") == []
    assert found("占道经营") == [("powers", "占道经营处罚")]


def test_enforcement_officers_are_not_searched(editor_a, reviewer_a, unit_a):
    published_list(
        "officers",
        [["执法证0001", "周建华", "执法大队", "市场监管", "全区", "2028-12-31"]],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    assert found("周建华") == []


def test_an_enforcement_decision_is_found_within_its_period_and_never_by_the_persons_data(
    known_calendar, at, editor_a, reviewer_a, unit_a
):
    at(2026, 9, 30)
    draft = register_penalty(editor_a, unit_a)
    assert found("消防通道") == []
    decision = enforcement.publish(actor=reviewer_a, decision=draft)
    assert found("堆放杂物") == [("enforcement", "未按规定设置消防通道")]
    assert found("测甲罚〔2026〕12号") == [("enforcement", "未按规定设置消防通道")]
    assert found("王小明") == [] and found("11010519491231002X") == []
    # The period ends: hits are checked at once, the daily job takes it out of the index.
    assert decision.public_until == date(2029, 9, 29)
    at(2029, 9, 30)
    assert found("堆放杂物") == []
    call_command("search_daily", stdout=StringIO())
    run_indexer()
    assert indexer.open_index().matching_ids("堆放杂物") == set()


def test_a_revoked_enforcement_decision_disappears(
    known_calendar, at, editor_a, reviewer_a, unit_a
):
    at(2026, 9, 30)
    decision = enforcement.publish(actor=reviewer_a, decision=register_penalty(editor_a, unit_a))
    assert [k for k, _t in found("堆放杂物")] == ["enforcement"]
    enforcement.revoke(actor=reviewer_a, decision=decision, reason="经行政复议撤销")
    run_indexer()
    assert indexer.open_index().matching_ids("堆放杂物") == set()


def test_an_organisation_party_is_searchable(known_calendar, at, editor_a, reviewer_a, unit_a):
    at(2026, 9, 30)
    enforcement.publish(
        actor=reviewer_a,
        decision=register_penalty(
            editor_a, unit_a, party_kind="organisation", party_name="测试区好味餐饮有限公司"
        ),
    )
    assert [k for k, _t in found("好味餐饮")] == ["enforcement"]


# ------------------------------------------------------------------- everything together


def test_the_kind_filter_and_the_results_page_and_api(
    at, client, editor_a, reviewer_a, unit_a, government, office
):
    at(2026, 12, 3, 9)
    published(editor_a, reviewer_a, unit_a, title="关于垃圾分类工作的通知")
    consultation = open_consultation(
        editor_a, reviewer_a, unit_a, title="垃圾分类管理办法（征求意见稿）", explanation="说明。"
    )
    consultation_url = reverse("participation:detail", args=[consultation.pk])
    assert sorted(k for k, _t in found("垃圾分类")) == ["consultation", "document"]
    assert found("垃圾分类", kind="consultation") == [
        ("consultation", "垃圾分类管理办法（征求意见稿）")
    ]
    assert found("垃圾分类", kind="document") == [("document", "关于垃圾分类工作的通知")]

    page = client.get(reverse("search:results"), {"q": "垃圾分类", "kind": "consultation"})
    text = page.content.decode()
    assert "管理办法（征求意见稿）" in text and "工作的通知" not in text
    assert "征求意见 ·" in text
    assert f'href="{consultation_url}"' in text

    api = client.get("/api/v1/search", {"q": "垃圾分类"}).json()
    kinds = {hit["kind"]: hit for hit in api["hits"]}
    assert set(kinds) == {"consultation", "document"}
    assert kinds["consultation"]["kind_label"] == "征求意见"
    assert kinds["consultation"]["url"] == consultation_url
    assert kinds["consultation"]["doc_number"] == "" and kinds["document"]["doc_number"]
    only = client.get("/api/v1/search", {"q": "垃圾分类", "kind": "document"}).json()
    assert [hit["kind"] for hit in only["hits"]] == ["document"]


def test_a_renamed_or_closed_unit_reindexes_its_items(at, editor_a, reviewer_a, unit_a):
    at(2026, 12, 3, 9)
    open_consultation(editor_a, reviewer_a, unit_a, title="垃圾分类管理办法（征求意见稿）")
    run_indexer()
    unit_a.short_name = "新名称局"
    unit_a.save()
    assert IndexOperation.objects.filter(kind="consultation").count() >= 2
    assert [k for k, _t in found("垃圾分类")] == ["consultation"]
    unit_a.is_active = False
    unit_a.save()
    run_indexer()
    assert indexer.open_index().matching_ids("垃圾分类") == set()


def test_the_full_reindex_includes_every_kind(
    known_calendar, at, editor_a, reviewer_a, unit_a, government, office
):
    at(2026, 9, 30)
    published(editor_a, reviewer_a, unit_a, title="关于消防安全检查的通知")
    enforcement.publish(actor=reviewer_a, decision=register_penalty(editor_a, unit_a))
    published_list(
        "services",
        [
            [
                "FW-001",
                "消防安全检查申请",
                "单项事项",
                "公众聚集场所投入使用前",
                "申请表",
                "受理、检查、决定",
                "10个工作日",
                "不收费",
                "政务服务中心",
                "",
                "0571-12345678",
                "",
            ]
        ],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )
    IndexOperation.objects.all().delete()  # nothing queued: the rebuild alone must find them
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "3 项公开信息" in out.getvalue()
    result, _from_index, _items = services.search_published(query="消防")
    assert sorted(hit.kind for hit in result.hits) == ["document", "enforcement", "services"]
    call_command("check_consistency", stdout=StringIO())


def test_the_results_page_loads_the_hits_with_one_query_per_kind(
    at, client, editor_a, reviewer_a, unit_a
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    at(2026, 12, 3, 9)

    def add_one_of_each(n):
        published(editor_a, reviewer_a, unit_a, title=f"第{n}号防汛通知", doc_number="")
        open_consultation(editor_a, reviewer_a, unit_a, title=f"第{n}号防汛预案（征求意见稿）")
        conference = concerns.record_press_conference(
            actor=editor_a,
            unit=unit_a,
            title=f"第{n}场防汛新闻发布会",
            held_at=datetime(2026, 12, 1, 15, tzinfo=CHINA),
            speakers="王建国 副区长",
            topics="防汛",
            transcript="主持人：下午好。",
        )
        concerns.publish_press_conference(actor=reviewer_a, conference=conference)

    def queries_for_page(size):
        run_indexer()
        client.get(reverse("search:results"), {"q": "防汛"})  # the filters' cache filled
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("search:results"), {"q": "防汛", "page_size": size})
        return len(queries), page.content.decode().count('<li>\n    <h2><a href="')

    add_one_of_each(1)
    few = queries_for_page(50)
    for n in range(2, 5):
        add_one_of_each(n)
    many = queries_for_page(49)
    assert (few[1], many[1]) == (3, 12)
    assert few[0] == many[0]


def test_a_new_comment_queues_nothing_until_it_is_shown(at, editor_a, reviewer_a, unit_a):
    at(2026, 3, 2)
    consultation = open_consultation(editor_a, reviewer_a, unit_a)
    before = IndexOperation.objects.order_by("id").last().id
    comment = participation.submit_comment(consultation=consultation, text="建议延长营业时间。")
    assert not IndexOperation.objects.filter(id__gt=before).exists()
    participation.show_comment(actor=editor_a, comment=comment)
    queued = IndexOperation.objects.filter(kind="consultation", document_id=consultation.pk)
    assert queued.filter(id__gt=before).exists()
