"""GET /api/v1/search: the search page's results as JSON, documented in the OpenAPI
document; bad input gets a 400 with a Chinese message, never a 500."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.tests.factories import published

pytestmark = pytest.mark.django_db


def run_indexer():
    call_command("run_indexer", "--once", stdout=StringIO())


def api(client, **params):
    return client.get("/api/v1/search", params)


def ids(client, **params):
    response = api(client, **params)
    assert response.status_code == 200, response.content
    return [hit["id"] for hit in response.json()["hits"]]


@pytest.fixture
def forest(editor_a, reviewer_a, unit_a):
    document = published(
        editor_a,
        reviewer_a,
        unit_a,
        title="关于做好春季森林防火工作的通知",
        doc_number="测政办发〔2020〕12号",
        body_html="<p>各有关单位：请落实野外火源管控责任，加强巡山护林。</p>",
    )
    run_indexer()
    return document


def test_search_is_in_the_openapi_document(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/v1/search"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"q", "unit", "subject", "doc_type", "validity", "year", "sort", "page"} <= names
    assert "page_size" in names and "400" in operation["responses"]


def test_hits_carry_highlighted_and_plain_titles_and_metadata(client, forest, unit_a):
    body = api(client, q="森林防火").json()
    assert body["total"] == 1 and body["page"] == 1 and body["from_index"] is True
    hit = body["hits"][0]
    assert hit["id"] == forest.pk and hit["url"] == f"/documents/{forest.pk}/"
    assert hit["title"] == forest.title
    assert "<mark>森林防火</mark>" in hit["title_html"]
    assert hit["unit"] == unit_a.code and hit["doc_number"] == "测政办发〔2020〕12号"
    assert hit["index_number"] == forest.index_number
    assert hit["published_on"] == timezone.localtime(forest.published_at).date().isoformat()
    assert hit["snippet_html"]


@pytest.mark.parametrize(
    "query",
    [
        "防火",
        "请落实野外火源管控责任，加强巡山护林",
        "测政办发〔2020〕12号",
        "测政办发[2020]12号",
        "测政办发(2020)12号",
    ],
)
def test_short_words_long_phrases_and_document_numbers(client, forest, query):
    assert ids(client, q=query) == [forest.pk]


def test_index_number_and_attachment_text(client, editor_a, reviewer_a, unit_a, forest):
    document = published(
        editor_a,
        reviewer_a,
        unit_a,
        attachments=[("登记表.docx", samplefiles.docx_bytes(["附件：林区野外用火审批登记表"]))],
        title="附件通知",
    )
    run_indexer()
    assert ids(client, q="野外用火审批") == [document.pk]
    document.refresh_from_db()
    assert ids(client, q=document.index_number)[0] == document.pk
    assert ids(client, q=forest.index_number)[0] == forest.pk


def test_withdrawn_document_disappears_at_once(client, forest, reviewer_a):
    workflow.withdraw(actor=reviewer_a, document=forest, reason="内容有误")
    body = api(client, q="森林防火").json()
    assert body["hits"] == [] and body["total"] == 0


def test_filters_sort_and_pages(client, editor_a, reviewer_a, unit_a, unit_b, forest):
    other = published(editor_a, reviewer_a, unit_a, title="森林防火宣传月活动", doc_number="")
    run_indexer()
    assert len(ids(client, q="森林防火", unit=unit_a.code)) == 2
    assert ids(client, q="森林防火", unit=unit_b.code) == []
    first = api(client, q="森林防火", sort="date", page_size=1).json()
    second = api(client, q="森林防火", sort="date", page_size=1, page=2).json()
    assert first["total"] == 2 and first["page_count"] == 2
    assert {first["hits"][0]["id"], second["hits"][0]["id"]} == {forest.pk, other.pk}
    beyond = api(client, q="森林防火", page=50).json()
    assert beyond["hits"] == [] and beyond["page_out_of_range"] is True


def test_nothing_found_offers_suggestions(client, forest):
    body = api(client, q="森林防火检查").json()
    assert body["total"] == 0 and forest.title in body["suggestions"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({}, "请输入检索词"),
        ({"q": ""}, "请输入检索词"),
        ({"q": "，。！？"}, "请输入检索词"),
        ({"q": "森" * 1001}, "检索词最多 1000 个字"),
        ({"q": "森林", "page": "abc"}, "页码"),
        ({"q": "森林", "page": "0"}, "页码"),
        ({"q": "森林", "page_size": "51"}, "每页条数"),
        ({"q": "森林", "page_size": "x"}, "每页条数"),
        ({"q": "森林", "unit": "no-such-unit"}, "没有这个单位"),
        ({"q": "森林", "year": "今年"}, "年份"),
        ({"q": "森林", "validity": "forever"}, "有效性"),
        ({"q": "森林", "sort": "random"}, "排序"),
        ({"q": "森林\x00"}, "控制字符"),
    ],
)
def test_bad_input_gets_a_400_with_a_chinese_message(client, forest, params, message):
    response = api(client, **params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "森" * 1000,
        'title:(森林 OR 防火)^2 ~* "+-[]{}',
        "<script>alert(1)</script>",
        "\ufffd𠀀",
    ],
)
def test_odd_queries_are_just_text(client, forest, query):
    response = api(client, q=query, colour="red")
    assert response.status_code == 200
    assert response.json()["total"] == 0
