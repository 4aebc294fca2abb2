"""Advanced search: a publication date range and a 文号 field, in the index and in the
database scan a node without an index falls back to."""

import pytest

from .test_pages import found_ids, published_on, run_indexer, search_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(editor_a, reviewer_a, unit_a):
    documents = [
        published_on("2024-04-01", editor_a, reviewer_a, unit_a, title="四月防汛通知"),
        published_on("2024-06-01", editor_a, reviewer_a, unit_a, title="六月防汛通知"),
        published_on(
            "2024-08-01",
            editor_a,
            reviewer_a,
            unit_a,
            title="八月防汛通知",
            body_html="<p>依据测政发〔2024〕9号，做好防汛。</p>",
        ),
    ]
    return documents


@pytest.mark.parametrize("indexed", [True, False], ids=["index", "database"])
def test_a_date_range_keeps_what_was_published_within_it(client, three, indexed):
    if indexed:
        run_indexer()
    april, june, august = three
    found = found_ids(client, q="防汛", date_from="2024-05-01", date_to="2024-07-31")
    assert found == [june.pk]
    assert set(found_ids(client, q="防汛", date_from="2024-06-01")) == {june.pk, august.pk}
    assert found_ids(client, date_to="2024-04-30") == [april.pk]


def test_the_document_number_field_finds_the_number_as_one_phrase(client, three):
    run_indexer()
    august = three[2]
    assert found_ids(client, doc_number="测政发〔2024〕9号") == [august.pk]
    assert 'value="测政发〔2024〕9号"' in search_page(client, doc_number="测政发〔2024〕9号")


def test_an_end_before_the_start_is_refused_in_chinese(client, three):
    html = search_page(client, q="防汛", date_from="2024-06-01", date_to="2024-05-01")
    assert "截止日期不能早于起始日期" in html
