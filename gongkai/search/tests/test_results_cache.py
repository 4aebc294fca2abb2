"""The results page is the same for every reader of a URL, so it is rendered once and then
served from the cache (pages.dynamic) — until anything a public page shows changes, or the
index catches up: then the very next request renders it again."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.publishing import workflow
from gongkai.publishing.tests.factories import published
from gongkai.units import services as unit_services

pytestmark = pytest.mark.django_db

URL = "/search/?q=%E6%A3%AE%E6%9E%97%E9%98%B2%E7%81%AB"  # 森林防火


def run_indexer():
    call_command("run_indexer", "--once", stdout=StringIO())


@pytest.fixture
def forest(editor_a, reviewer_a, unit_a):
    document = published(
        editor_a, reviewer_a, unit_a, title="关于做好春季森林防火工作的通知", doc_number=""
    )
    run_indexer()
    return document


def page(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_repeated_query_is_the_same_page_for_one_look_up(client, forest):
    first = page(client)
    assert f'href="/documents/{forest.pk}/"' in first
    with CaptureQueriesContext(connection) as queries:
        again = page(client)
    assert again == first
    assert [q["sql"] for q in queries] == [
        q["sql"] for q in queries if 'FROM "pages_renderoperation"' in q["sql"]
    ]
    assert len(queries) == 1


def test_a_withdrawal_shows_at_the_next_request(client, forest, reviewer_a):
    assert f'href="/documents/{forest.pk}/"' in page(client)
    workflow.withdraw(actor=reviewer_a, document=forest, reason="内容有误")
    # The indexer has not run: the page is rendered again and the database check drops it.
    html = page(client)
    assert f'href="/documents/{forest.pk}/"' not in html
    assert "没有找到" in html


def test_a_publication_shows_as_soon_as_the_index_has_it(
    client, forest, editor_a, reviewer_a, unit_a
):
    assert "找到 <strong>1</strong> 条结果" in page(client)
    second = published(editor_a, reviewer_a, unit_a, title="森林防火宣传月活动安排", doc_number="")
    assert f'href="/documents/{second.pk}/"' not in page(client)  # not indexed yet
    run_indexer()
    html = page(client)
    assert "找到 <strong>2</strong> 条结果" in html
    assert f'href="/documents/{second.pk}/"' in html


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
def test_a_personal_reader_gets_the_page_from_the_view(client, forest, cookie):
    client.cookies[cookie] = "x"
    page(client)
    with CaptureQueriesContext(connection) as queries:
        page(client)
    assert not [q for q in queries if 'FROM "pages_renderoperation"' in q["sql"]]
    assert [q for q in queries if 'FROM "publishing_document"' in q["sql"]]


def test_other_urls_are_other_pages(client, forest):
    page(client)
    html = page(client, URL + "&sort=date")
    assert 'value="date" selected' in html


def test_a_renamed_unit_shows_in_the_filters_at_the_next_request(client, forest, office, unit_a):
    assert f">{unit_a.short_name}</option>" in page(client)
    # Another URL, so the whole page is rendered again and only its filters could be cached.
    assert f">{unit_a.short_name}</option>" in page(client, URL + "&sort=date")
    unit_services.update_unit(actor=office, unit=unit_a, short_name="甲管理局")
    html = page(client, URL + "&sort=date_asc")
    assert ">甲管理局</option>" in html
    assert f">{unit_a.short_name}</option>" not in html


def test_the_cached_filters_are_the_filters_rendered_whole(client, forest):
    page(client)  # the filters are now in the cache
    shared = page(client, URL + "&page=1")
    client.cookies["messages"] = "x"  # a personal reader: the page is rendered whole
    assert page(client, URL + "&page=1") == shared


def test_a_page_of_results_costs_the_same_queries_however_many_results(
    client, forest, editor_a, reviewer_a, unit_a, editor_b, reviewer_b, unit_b
):
    for n in range(4):
        published(editor_a, reviewer_a, unit_a, title=f"森林防火检查通报（第{n}期）", doc_number="")
    published(editor_b, reviewer_b, unit_b, title="森林防火宣传月活动安排", doc_number="")
    run_indexer()
    page(client, URL + "&page=1")  # the shared parts (filters, footer) are now cached
    with CaptureQueriesContext(connection) as queries:
        html = page(client)
    assert "找到 <strong>6</strong> 条结果" in html
    # The render generation, and the hits with their units in one query: no query per result.
    assert len(queries) == 2, [q["sql"] for q in queries]
