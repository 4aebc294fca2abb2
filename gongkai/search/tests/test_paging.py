"""A reader paging through the results of a broad query sees every match exactly once,
whatever the page size: freshness re-ranking stays inside fixed blocks of the relevance
order, so a deeper page never reorders what an earlier page showed."""

from datetime import date, timedelta

import pytest

from gongkai.search.engine import RERANK_BLOCK, SearchIndex
from gongkai.search.tests.factories import SearchDocFactory


@pytest.fixture
def index(tmp_path):
    index = SearchIndex(tmp_path / "index")
    # Equal text, so relevance ties everywhere and only freshness tells them apart.
    start = date(1995, 1, 1)
    index.index_documents(
        SearchDocFactory(
            id=i + 1,
            title=f"关于印发管理规定的通知（{i}）",
            published_on=start + timedelta(days=(i * 7919) % 12000),
        )
        for i in range(3 * RERANK_BLOCK + 17)
    )
    return index


@pytest.mark.parametrize("page_size", [10, 30, 100])
def test_paging_through_a_broad_query_shows_every_match_once(index, page_size):
    seen, page = [], 1
    while hits := index.search("管理规定", page=page, page_size=page_size).hits:
        seen += [hit.id for hit in hits]
        page += 1
    assert len(seen) == len(set(seen)) == 3 * RERANK_BLOCK + 17
