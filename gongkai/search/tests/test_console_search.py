"""Staff search in the console: the items of the user's own units, drafts included (they
are not in the index), and how this node's index stands — on the search page and as a
dashboard panel."""

from io import StringIO

import pytest
from django.core.management import call_command

from gongkai.publishing.tests.factories import draft, published

pytestmark = pytest.mark.django_db


def run_indexer():
    call_command("run_indexer", "--once", stdout=StringIO())


def console_search(client, **params):
    response = client.get("/console/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_console_search_requires_login(client):
    response = client.get("/console/search/?q=通知")
    assert response.status_code == 302 and response["Location"].startswith("/console/login/")


def test_finds_own_drafts_and_published_items_but_not_other_units(
    client_of, editor_a, reviewer_a, editor_b, reviewer_b, unit_a, unit_b
):
    mine = draft(editor_a, unit_a, title="关于防汛应急演练的通知（征求意见稿）")
    theirs = draft(editor_b, unit_b, title="乙局防汛应急演练方案")
    out = published(editor_a, reviewer_a, unit_a, title="防汛应急预案", doc_number="")
    other_out = published(editor_b, reviewer_b, unit_b, title="乙局防汛应急预案", doc_number="")
    run_indexer()
    html = console_search(client_of(editor_a), q="防汛应急")
    assert f"/console/publishing/{mine.pk}/" in html
    assert f"/console/publishing/{out.pk}/" in html
    assert f"/console/publishing/{theirs.pk}/" not in html
    assert f"/console/publishing/{other_out.pk}/" not in html
    assert "<mark>防汛应急</mark>" in html


@pytest.mark.parametrize("typed", ["测政办发〔2024〕7号", "测政办发[2024]7号", "测政办发(2024)7号"])
def test_draft_found_by_document_number_however_bracketed(client_of, editor_a, unit_a, typed):
    document = draft(editor_a, unit_a, doc_number="测政办发〔2024〕7号")
    assert f"/console/publishing/{document.pk}/" in console_search(client_of(editor_a), q=typed)


def test_draft_found_by_body_text(client_of, editor_a, unit_a):
    document = draft(editor_a, unit_a, body_html="<p>请各街道于五月底前报送排查台账。</p>")
    html = console_search(client_of(editor_a), q="排查台账")
    assert f"/console/publishing/{document.pk}/" in html


def test_drafts_are_paginated(client_of, editor_a, unit_a):
    for n in range(12):
        draft(editor_a, unit_a, title=f"第{n}份防汛草稿")
    client = client_of(editor_a)
    first = console_search(client, q="防汛草稿")
    assert "处理中的版本（12）" in first
    assert first.count("份防汛草稿</a>") == 10
    assert "dpage=2" in first
    second = console_search(client, q="防汛草稿", dpage=2)
    assert second.count("份防汛草稿</a>") == 2


def test_office_searches_every_unit_of_its_government(
    client_of, office, editor_a, editor_b, unit_a, unit_b
):
    first = draft(editor_a, unit_a, title="甲局安全生产检查通知")
    second = draft(editor_b, unit_b, title="乙局安全生产检查通知")
    html = console_search(client_of(office), q="安全生产检查")
    assert f"/console/publishing/{first.pk}/" in html
    assert f"/console/publishing/{second.pk}/" in html


def test_bad_console_input_gets_a_message(client_of, editor_a):
    client = client_of(editor_a)
    assert "检索词最多" in console_search(client, q="防" * 1001)
    html = console_search(client, q="防汛", page="x")
    assert "页码：" in html and "处理中的版本（0）" in html


def test_index_status_on_the_search_page_and_the_dashboard(client_of, editor_a, reviewer_a, unit_a):
    client = client_of(editor_a)
    assert "检索索引尚未建立" in console_search(client)
    assert "检索索引尚未建立" in client.get("/console/").content.decode()
    run_indexer()
    published(editor_a, reviewer_a, unit_a, title="新的通知")
    dashboard = client.get("/console/").content.decode()
    assert "检索索引落后 1 项操作" in dashboard
    run_indexer()
    assert "检索索引已是最新（1 项公开信息）" in console_search(client)
