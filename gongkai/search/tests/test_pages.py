"""The public search: a box in every page's header, one results page with highlighted
titles and snippets, filters that work without JavaScript, stable page URLs, a friendly
page when nothing is found, and a clear answer to any input."""

import re
from io import StringIO
from urllib.parse import urlencode

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from gongkai.accounts.tests.factories import StaffFactory
from gongkai.core.clock import local_date
from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.tests.factories import normative, published
from gongkai.units.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def run_indexer():
    call_command("run_indexer", "--once", stdout=StringIO())


def search_page(client, **params):
    response = client.get(f"/search/?{urlencode(params)}")
    assert response.status_code == 200
    return response.content.decode()


def found_ids(client, **params):
    """The documents linked from the results list, in order."""
    html = search_page(client, **params)
    listing = html.split('class="search-results"', 1)[1] if "search-results" in html else ""
    return [int(pk) for pk in re.findall(r'href="/documents/(\d+)/"', listing)]


def published_on(day, *args, **overrides):
    with time_machine.travel(f"{day} 10:00 +0800", tick=False):
        return published(*args, doc_number="", **overrides)


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


def test_every_public_page_has_the_search_box(client, unit_a):
    for url in ("/", "/units/", f"/units/{unit_a.code}/", "/policies/"):
        html = client.get(url).content.decode()
        assert 'class="search-bar"' in html, url
        assert 'action="/search/"' in html and 'name="q"' in html, url


def test_header_box_leads_to_highlighted_results_with_metadata(client, forest, unit_a):
    html = search_page(client, q="森林防火")
    assert "找到 <strong>1</strong> 条结果" in html
    assert "<mark>森林防火</mark>" in html
    assert f'href="/documents/{forest.pk}/"' in html
    assert unit_a.short_name in html and forest.doc_number in html.replace("<mark>", "")
    assert forest.index_number in html
    assert timezone.localtime(forest.published_at).strftime("%Y-%m-%d") in html


@pytest.mark.parametrize(
    "query",
    [
        "防火",  # two characters
        "请落实野外火源管控责任，加强巡山护林",  # a long phrase from the body
        "测政办发〔2020〕12号",
        "测政办发[2020]12号",
        "测政办发(2020)12号",
    ],
)
def test_short_words_long_phrases_and_document_numbers_find_the_document(client, forest, query):
    assert found_ids(client, q=query) == [forest.pk]


def test_index_number_finds_exactly_its_document(client, editor_a, reviewer_a, unit_a, forest):
    other = published(editor_a, reviewer_a, unit_a, title="另一份森林防火通知")
    run_indexer()
    assert found_ids(client, q=other.index_number)[0] == other.pk
    assert found_ids(client, q=forest.index_number)[0] == forest.pk


def test_phrase_only_in_an_attachment_finds_its_document(client, editor_a, reviewer_a, unit_a):
    document = published(
        editor_a,
        reviewer_a,
        unit_a,
        attachments=[("登记表.docx", samplefiles.docx_bytes(["附件：林区野外用火审批登记表"]))],
    )
    run_indexer()
    assert found_ids(client, q="野外用火审批") == [document.pk]


def test_withdrawn_document_disappears_at_once(client, forest, reviewer_a):
    workflow.withdraw(actor=reviewer_a, document=forest, reason="内容有误")
    html = search_page(client, q="森林防火")
    assert found_ids(client, q="森林防火") == []
    assert "没有找到" in html


def test_filters_narrow_results_and_a_unit_includes_its_sub_units(
    client, editor_a, reviewer_a, unit_a, unit_b, government, forest
):
    office = UnitFactory(parent=unit_a, code="unit-a-office", short_name="甲局办公室")
    staff = [
        StaffFactory(membership__unit=office, membership__role=role)
        for role in ("editor", "reviewer")
    ]
    rule = published(
        *staff, office, data=normative(title="森林防火管理办法", doc_number="测规〔2024〕1号")
    )
    run_indexer()
    assert set(found_ids(client, q="森林防火", unit=government.code)) == {forest.pk, rule.pk}
    assert set(found_ids(client, q="森林防火", unit=unit_a.code)) == {forest.pk, rule.pk}
    assert found_ids(client, q="森林防火", unit=office.code) == [rule.pk]
    assert found_ids(client, q="森林防火", unit=unit_b.code) == []
    assert found_ids(client, q="森林防火", category="a20.01") == [rule.pk]
    assert found_ids(client, q="森林防火", subject="10") == [rule.pk]
    assert found_ids(client, q="森林防火", doc_type="notice", subject="06") == [forest.pk]
    year = local_date(forest.published_at).year
    assert set(found_ids(client, q="森林防火", year=year)) == {forest.pk, rule.pk}
    assert found_ids(client, q="森林防火", year=year - 1) == []
    html = search_page(client, q="森林防火", unit=unit_a.code)
    assert f'<option value="{unit_a.code}" selected>' in html


def test_filters_alone_list_a_units_documents_newest_first(client, forest, unit_a):
    assert found_ids(client, unit=unit_a.code) == [forest.pk]


def test_pages_have_stable_urls_that_keep_the_filters(client, editor_a, reviewer_a, unit_a):
    documents = [
        published_on(f"2024-05-0{n + 1}", editor_a, reviewer_a, unit_a, title=f"第{n}批防汛物资")
        for n in range(3)
    ]
    run_indexer()
    params = {"q": "防汛", "unit": unit_a.code, "sort": "date", "page_size": 2}
    html = search_page(client, **params)
    assert "找到 <strong>3</strong> 条结果" in html
    next_url = (
        f"?q=%E9%98%B2%E6%B1%9B&amp;unit={unit_a.code}&amp;sort=date&amp;page_size=2&amp;page=2"
    )
    assert next_url in html
    first = found_ids(client, **params)
    second = found_ids(client, **params, page=2)
    assert first == [documents[2].pk, documents[1].pk]
    assert second == [documents[0].pk]
    assert found_ids(client, **params) == first  # the same URL, the same page


def test_sort_by_date_puts_the_newest_first(client, editor_a, reviewer_a, unit_a):
    older = published_on("2024-04-01", editor_a, reviewer_a, unit_a, title="防汛通知")
    newer = published_on("2024-06-01", editor_a, reviewer_a, unit_a, title="防汛防汛防汛通知")
    run_indexer()
    assert found_ids(client, q="防汛", sort="date") == [newer.pk, older.pk]
    assert found_ids(client, q="防汛", sort="date_asc") == [older.pk, newer.pk]


def test_nothing_found_suggests_similar_titles(client, forest):
    html = search_page(client, q="森林防火检查")
    assert "没有找到" in html
    assert "您是不是要找" in html and forest.title in html


def test_nothing_found_under_filters_shows_the_filters_that_would_give_results(
    client, forest, unit_b
):
    html = search_page(client, q="森林防火", unit=unit_b.code)
    assert "没有找到" in html and "去掉筛选条件后有结果" in html
    assert "?q=%E6%A3%AE%E6%9E%97%E9%98%B2%E7%81%AB&amp;doc_type=notice" in html
    assert f"year={local_date(forest.published_at).year}" in html


def test_without_an_index_the_page_says_results_may_be_incomplete(
    client, editor_a, reviewer_a, unit_a
):
    document = published(editor_a, reviewer_a, unit_a, title="春耕备耕通知")
    html = search_page(client, q="春耕")
    assert "检索索引暂不可用" in html
    assert found_ids(client, q="春耕") == [document.pk]


def test_unit_column_and_policy_library_search_within_themselves(client, forest, unit_a):
    column = client.get(f"/units/{unit_a.code}/statutory/").content.decode()
    assert 'action="/search/"' in column and f'name="unit" value="{unit_a.code}"' in column
    library = client.get("/policies/").content.decode()
    assert "全文检索（标题、文号、正文）" in library


BAD_INPUT = [
    ({"q": ""}, "请输入检索词"),
    ({"q": "森" * 1000}, "没有找到"),
    ({"q": "森" * 1001}, "检索词最多 1000 个字"),
    ({"q": "，。！？、……——"}, "请输入检索词"),
    ({"q": 'title:(森林 OR 防火)^2 ~* "+-[]{}'}, "没有找到"),
    ({"q": "<script>alert(1)</script>"}, "&lt;script&gt;"),
    ({"q": "森林防火", "page": "9999"}, "第 9999 页没有结果"),
    ({"q": "森林防火", "page": "abc"}, "页码"),
    ({"q": "森林防火", "page": "-3"}, "页码"),
    ({"q": "森林防火", "page": "99999999999999999999999"}, "页码"),
    ({"q": "森林防火", "page_size": "100000"}, "每页条数"),
    ({"q": "森林防火", "unit": "no-such-unit"}, "没有这个单位"),
    ({"q": "森林防火", "subject": "99", "year": "今年"}, "年份"),
    ({"q": "森林防火", "sort": "random", "colour": "red"}, "排序"),
]


@pytest.mark.parametrize("params, expected", BAD_INPUT)
def test_bad_input_gets_a_sensible_page(client, forest, params, expected):
    html = search_page(client, **params)
    assert expected in html
    assert "<script>alert" not in html


def test_invalid_filters_are_left_out_and_the_valid_part_still_searches(client, forest):
    assert found_ids(client, q="森林防火", unit="no-such-unit", page="x") == [forest.pk]


def test_results_page_runs_a_bounded_number_of_queries(
    client, editor_a, reviewer_a, unit_a, django_assert_max_num_queries
):
    for n in range(12):
        published(editor_a, reviewer_a, unit_a, title=f"第{n}号防汛通知", doc_number="")
    run_indexer()
    # Documents still published, their metadata, the unit filter, the unit list, the
    # government whose website identifiers are in the footer, and the render generation that
    # keys the page cache (each URL here is new, so none of them comes from the cache).
    for size in (2, 12):
        with django_assert_max_num_queries(6):
            assert len(found_ids(client, q="防汛", unit=unit_a.code, page_size=size)) == size


def test_very_broad_queries_show_an_estimated_total(client, forest, monkeypatch):
    from gongkai.search import engine

    monkeypatch.setattr(engine, "ESTIMATE_ABOVE", 0)
    html = search_page(client, q="通知")
    assert re.search(r"找到 约 <strong>\d+</strong> 条结果", html)
    assert client.get("/api/v1/search?q=通知").json()["total_is_estimate"] is True


def test_the_filter_choices_are_rendered_once_for_every_query(client, unit_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/search/?q=森林")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/?q=防火").content.decode()
    assert f'<option value="{unit_a.code}"' in html
    assert not [q for q in queries if 'FROM "units_unit"' in q["sql"]]
