"""What users rely on from the search engine: finding documents by any part
of their text, by document number however it is typed, by index number,
with filters, sorting, pages and safe highlighting — on any input."""

import random
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.search import analysis, engine
from gongkai.search.engine import Filters, SearchIndex
from gongkai.search.query import parse
from gongkai.search.tests.factories import SearchDocFactory


@pytest.fixture
def index(tmp_path):
    return SearchIndex(tmp_path / "index")


def ids(result):
    return [hit.id for hit in result.hits]


def test_two_character_query_finds_document(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, title="关于推进政务公开的意见"),
            SearchDocFactory(id=2, title="防汛工作通知", body="做好汛期值班。"),
        ]
    )
    assert ids(index.search("政务")) == [1]
    assert ids(index.search("务公")) == [1]
    assert ids(index.search("汛")) == [2]


def test_long_phrase_matches_only_where_it_occurs_exactly(index):
    phrase = "县级以上地方人民政府应当加强对政府信息公开工作的领导"
    index.index_documents(
        [
            SearchDocFactory(id=1, body=f"第三条 {phrase}，建立健全工作机制。"),
            # Every character of the phrase, but not in that order.
            SearchDocFactory(
                id=2, body="政府信息公开工作的领导应当加强，县级以上地方人民政府负责。"
            ),
        ]
    )
    assert ids(index.search(phrase)) == [1]
    assert ids(index.search(phrase + "，建立")) == [1]


@pytest.mark.parametrize(
    "typed",
    [
        "青政办发〔2020〕51号",
        "青政办发[2020]51号",
        "青政办发(2020)51号",
        "青政办发（2020）51号",
        "青政办发【2020】51号",
        "青政办发 2020 51号",
    ],
)
def test_document_number_found_however_brackets_are_typed(index, typed):
    index.index_documents(
        [
            SearchDocFactory(id=1, document_number="青政办发〔2020〕51号"),
            SearchDocFactory(id=2, document_number="青政办发〔2020〕5号"),
            SearchDocFactory(id=3, document_number="青政发〔2020〕51号"),
        ]
    )
    assert ids(index.search(typed)) == [1]


def test_document_number_found_by_its_parts(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, document_number="青政办发〔2020〕51号"),
            SearchDocFactory(id=2, document_number="国发〔2021〕3号"),
        ]
    )
    assert ids(index.search("〔2020〕51号")) == [1]
    assert ids(index.search("青政办发")) == [1]
    assert set(ids(index.search("发"))) == {1, 2}
    assert ids(index.search("2021")) == [2]


def test_document_number_is_marked_in_the_hit(index):
    index.index_documents([SearchDocFactory(id=1, document_number="国发〔2021〕3号")])
    hit = index.search("国发[2021]3号").hits[0]
    assert hit.document_number_html == "<mark>国发〔2021〕3号</mark>"


def test_index_number_found_exactly(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, index_number="11370200MB1234567X/2020-00051"),
            SearchDocFactory(id=2, index_number="11370200MB1234567X/2020-00052"),
        ]
    )
    assert ids(index.search("11370200MB1234567X/2020-00051")) == [1]
    assert ids(index.search(" 11370200mb1234567x/2020-00052 ")) == [2]
    assert ids(index.search("11370200MB1234567X/2020-0005")) == []


def test_attachment_only_phrase_finds_its_document(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, attachments_text="附件1：城市防汛应急预案（2024年修订）"),
            SearchDocFactory(id=2, body="防汛工作要求。"),
        ]
    )
    result = index.search("城市防汛应急预案")
    assert ids(result) == [1]
    assert "<mark>城市防汛应急预案</mark>" in result.hits[0].snippet_html


def test_phrase_does_not_span_body_and_attachment(index):
    index.index_documents([SearchDocFactory(id=1, body="结尾是甲乙", attachments_text="丙丁开头")])
    assert ids(index.search("甲乙丙丁")) == []
    assert ids(index.search("甲乙 丙丁")) == [1]


def test_several_words_narrow_the_results(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, body="加强环境保护。"),
            SearchDocFactory(id=2, body="加强安全生产。"),
            SearchDocFactory(id=3, body="环境保护与安全生产并重。"),
        ]
    )
    assert set(ids(index.search("环境保护"))) == {1, 3}
    assert ids(index.search("环境保护 安全生产")) == [3]


def test_quotes_keep_words_together(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, body="open data portal"),
            SearchDocFactory(id=2, body="data is open"),
        ]
    )
    assert set(ids(index.search("open data"))) == {1, 2}
    assert ids(index.search('"open data"')) == [1]
    assert ids(index.search("“open data”")) == [1]


def test_latin_words_match_whole_words_in_any_case_or_width(index):
    index.index_documents([SearchDocFactory(id=1, body="PM2.5浓度下降，ＧＤＰ增长。")])
    assert ids(index.search("pm2.5")) == [1]
    assert ids(index.search("gdp增长")) == [1]
    assert ids(index.search("gd")) == []


def test_filter_by_unit_includes_sub_units(index):
    # Unit 1 is the government; 2 a department; 3 an office of department 2.
    index.index_documents(
        [
            SearchDocFactory(id=1, unit_ids=(1,)),
            SearchDocFactory(id=2, unit_ids=(2, 1)),
            SearchDocFactory(id=3, unit_ids=(3, 2, 1)),
        ]
    )
    assert set(ids(index.search("通知", Filters(unit_ids=(1,))))) == {1, 2, 3}
    assert set(ids(index.search("通知", Filters(unit_ids=(2,))))) == {2, 3}
    assert set(ids(index.search("通知", Filters(unit_ids=(3,))))) == {3}


def test_filters_by_category_type_validity_and_year(index):
    index.index_documents(
        [
            SearchDocFactory(
                id=1,
                subject_category="教育",
                document_type="通知",
                statutory_category="规范性文件",
                validity="有效",
                published_on=date(2020, 1, 5),
            ),
            SearchDocFactory(
                id=2,
                subject_category="卫生健康",
                document_type="意见",
                statutory_category="规划计划",
                validity="废止",
                published_on=date(2021, 7, 1),
            ),
        ]
    )
    assert ids(index.search("通知", Filters(subject_categories=("教育",)))) == [1]
    assert ids(index.search("通知", Filters(document_types=("意见",)))) == [2]
    assert ids(index.search("通知", Filters(statutory_categories=("规范性文件",)))) == [1]
    assert ids(index.search("通知", Filters(validities=("废止",)))) == [2]
    assert ids(index.search("通知", Filters(years=(2021,)))) == [2]
    assert ids(index.search("通知", Filters(years=(2021,), validities=("有效",)))) == []
    assert ids(index.search("通知", Filters(subject_categories=("不存在",)))) == []


def test_empty_query_with_filters_lists_newest_first(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, published_on=date(2020, 1, 1), unit_ids=(7,)),
            SearchDocFactory(id=2, published_on=date(2022, 1, 1), unit_ids=(7,)),
            SearchDocFactory(id=3, published_on=date(2023, 1, 1), unit_ids=(8,)),
        ]
    )
    assert ids(index.search("", Filters(unit_ids=(7,)))) == [2, 1]


def test_sort_by_date_either_way(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, published_on=date(2021, 1, 1)),
            SearchDocFactory(id=2, published_on=date(2023, 1, 1)),
            SearchDocFactory(id=3, published_on=date(2019, 1, 1)),
        ]
    )
    assert ids(index.search("通知", sort="date")) == [2, 1, 3]
    assert ids(index.search("通知", sort="date_asc")) == [3, 1, 2]


def test_title_and_document_number_outrank_body(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, title="年度工作通知", body="涉及营商环境的内容。"),
            SearchDocFactory(id=2, title="关于优化营商环境的意见", body="全文。"),
            SearchDocFactory(id=3, title="某通知", document_number="营商环境〔2024〕1号"),
        ]
    )
    ranked = ids(index.search("营商环境"))
    assert ranked.index(1) == 2


def test_newer_document_ranks_first_when_otherwise_equal(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, title="通知", body="数字政府", published_on=date(2005, 1, 1)),
            SearchDocFactory(id=2, title="通知", body="数字政府", published_on=date(2024, 1, 1)),
        ]
    )
    assert ids(index.search("数字政府")) == [2, 1]


def test_pages_do_not_overlap_and_report_totals(index):
    index.index_documents(SearchDocFactory(id=i, body="公开") for i in range(1, 26))
    pages = [index.search("公开", page=p, page_size=10) for p in (1, 2, 3)]
    assert [len(p.hits) for p in pages] == [10, 10, 5]
    assert len({hit_id for p in pages for hit_id in ids(p)}) == 25
    assert pages[0].total == 25 and pages[0].page_count == 3
    beyond = index.search("公开", page=4, page_size=10)
    assert beyond.hits == [] and beyond.total == 25 and beyond.page_out_of_range


def test_highlighting_escapes_html_and_adds_only_mark(index):
    index.index_documents(
        [
            SearchDocFactory(
                id=1,
                title='<script>alert("x")</script>公告',
                body="<b>注意</b> & 公告 <img src=x onerror=alert(1)>",
            )
        ]
    )
    for query in ("<script>公告", "公告"):
        hit = index.search(query).hits[0]
        for html in (hit.title_html, hit.snippet_html):
            assert re.sub(r"</?mark>", "", html).count("<") == 0
    assert hit.title_html.startswith("&lt;script&gt;")
    assert "&amp; <mark>公告</mark> &lt;img" in hit.snippet_html


def test_snippet_is_a_window_around_the_match(index):
    body = "甲" * 500 + "目标词语" + "乙" * 500
    index.index_documents([SearchDocFactory(id=1, body=body)])
    snippet = index.search("目标词语").hits[0].snippet_html
    assert "<mark>目标词语</mark>" in snippet
    assert len(snippet) < 250 and snippet.startswith("…") and snippet.endswith("…")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "政" * 1000,
        "政务" * 500,
        "，。！？、；：",
        ':"()[]^~*+-',
        '"政务',
        "title:政务 AND body:公开",
        "*",
        "<script>alert(1)</script>",
        "\x00\x01",
        "a" * 1000,
        "\\",
        "(((",
    ],
)
def test_bad_queries_never_raise(index, query):
    index.index_documents([SearchDocFactory(id=1, body="政务公开 a b c")])
    result = index.search(query)
    assert result.total >= 0
    assert index.suggest(query) is not None


@pytest.mark.parametrize(
    "page, page_size, sort",
    [
        (0, 10, "relevance"),
        (-3, 10, "date"),
        (10**12, 10, "relevance"),
        (1, 0, "x"),
        (1, 10**6, "date"),
        ("abc", None, None),
    ],
)
def test_bad_paging_and_sort_never_raise(index, page, page_size, sort):
    index.index_documents([SearchDocFactory(id=i, body="公开") for i in range(1, 4)])
    result = index.search("公开", page=page, page_size=page_size, sort=sort)
    assert result.total == 3
    assert 1 <= result.page_size <= 100


def test_punctuation_only_query_finds_nothing(index):
    index.index_documents([SearchDocFactory(id=1, body="，。")])
    result = index.search("，。")
    assert result.total == 0 and result.terms == []


def test_replacing_and_deleting_documents(index):
    index.index_documents([SearchDocFactory(id=1, title="旧标题"), SearchDocFactory(id=2)])
    index.apply(upserts=[SearchDocFactory(id=1, title="新标题")])
    assert ids(index.search("旧标题")) == []
    assert ids(index.search("新标题")) == [1]
    index.delete(1)
    assert ids(index.search("新标题")) == []
    assert index.doc_count == 1


def test_index_persists_and_reopens(tmp_path):
    SearchIndex(tmp_path / "ix").index_documents([SearchDocFactory(id=5, title="留存测试")])
    assert SearchIndex.exists(tmp_path / "ix")
    assert ids(SearchIndex(tmp_path / "ix", create=False).search("留存")) == [5]
    assert not SearchIndex.exists(tmp_path / "other")
    with pytest.raises(FileNotFoundError):
        SearchIndex(tmp_path / "other", create=False)


def test_suggestions_come_from_similar_titles(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, title="关于加强政务公开工作的通知"),
            SearchDocFactory(id=2, title="防汛抗旱指挥部通知"),
        ]
    )
    assert index.search("政务工作公开加强").total == 0
    assert index.suggest("政务工作公开加强") == ["关于加强政务公开工作的通知"]
    assert index.suggest("，。") == []


def test_facets_show_which_filters_give_results(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, subject_category="教育", published_on=date(2020, 1, 1)),
            SearchDocFactory(id=2, subject_category="教育", published_on=date(2021, 1, 1)),
            SearchDocFactory(id=3, subject_category="卫生健康", published_on=date(2021, 1, 1)),
        ]
    )
    facets = index.facets_without_filters("通知")
    assert facets["subject_category"] == {"教育": 2, "卫生健康": 1}
    assert facets["year"] == {"2020": 1, "2021": 2}
    assert index.search("通知", Filters(years=(2021,)), facets=True).facets["subject_category"] == {
        "教育": 1,
        "卫生健康": 1,
    }


# -- recall against a brute-force scan ---------------------------------------

ALPHABET = "政务公开人民政府信息工作通知发" + "0123456789" + "abAB" + "〔〕（），。 "


def _random_text(rng, low, high):
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(low, high)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    rng = random.Random(20201)
    docs = [
        SearchDocFactory(
            id=i,
            title=_random_text(rng, 4, 15),
            document_number=_random_text(rng, 0, 10),
            summary=_random_text(rng, 0, 20),
            body=_random_text(rng, 10, 80),
            attachments_text=_random_text(rng, 0, 30),
        )
        for i in range(1, 301)
    ]
    index = SearchIndex(tmp_path_factory.mktemp("recall"))
    index.index_documents(docs)
    return index, docs, _unit_keys(docs)


def _parts(doc):
    return (doc.title, doc.document_number, doc.summary, doc.body, doc.attachments_text)


def _unit_keys(docs):
    return {
        d.id: ["\x1f" + "\x1f".join(analysis.units(p)) + "\x1f" for p in _parts(d)] for d in docs
    }


def _brute_force(keys, query):
    """The specification, evaluated naively: every term's unit sequence
    occurs contiguously within one text part of the document."""
    terms = ["\x1f" + "\x1f".join(t.units) + "\x1f" for t in parse(query)]
    return {
        i for i, parts in keys.items() if terms and all(any(t in k for k in parts) for t in terms)
    }


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_recall_equals_brute_force_substring_scan(corpus, data):
    index, docs, keys = corpus
    doc = data.draw(st.sampled_from(docs))
    part = data.draw(st.sampled_from([p for p in _parts(doc) if p]))
    start = data.draw(st.integers(0, len(part) - 1))
    query = part[start : start + data.draw(st.integers(1, 20))]
    found = index.matching_ids(query)
    assert found == _brute_force(keys, query)
    # Plain substring of the original text: always found (ASCII letters and
    # digits match as whole words, so a cut through a word is not "plain").
    raw = {d.id for d in docs if any(query in p for p in _parts(d))}
    if parse(query) and not re.search("[0-9A-Za-z]", query):
        assert raw <= found
        assert doc.id in found


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(alphabet=ALPHABET, min_size=1, max_size=8))
def test_arbitrary_queries_match_brute_force(corpus, query):
    index, _docs, keys = corpus
    assert index.matching_ids(query) == _brute_force(keys, query)


def test_filter_values_of_the_wrong_type_never_raise(index):
    index.index_documents([SearchDocFactory(id=1, subject_category="01")])
    odd = Filters(unit_ids=("x", -1, 2**70), subject_categories=(1,), years=("2020", 99999))
    assert index.search("通知", odd).total == 0
    assert index.search(None).total == 0


def test_sub_category_is_found_under_its_parent(index):
    index.index_documents([SearchDocFactory(id=1, subject_category="06.02")])
    assert ids(index.search("通知", Filters(subject_categories=("06",)))) == [1]
    assert ids(index.search("通知", Filters(subject_categories=("06.02",)))) == [1]
    assert ids(index.search("通知", Filters(subject_categories=("06.01",)))) == []


# -- listed words as single terms ---------------------------------------------

# Fragments that make listed words (人民政府, 人民代表, 代表大会, 社会主义) occur
# whole, cut at either end, overlapping, split by punctuation and across parts.
WORD_FRAGMENTS = ["人民", "政府", "代表", "大会", "社会", "主义", "会", "民", "，", " ", "a"]


def _word_text(rng, low, high):
    return "".join(rng.choice(WORD_FRAGMENTS) for _ in range(rng.randint(low, high)))


@pytest.fixture(scope="module")
def word_corpus(tmp_path_factory):
    rng = random.Random(4242)
    docs = [
        SearchDocFactory(
            id=i,
            title=_word_text(rng, 1, 6),
            document_number=_word_text(rng, 0, 3),
            summary=_word_text(rng, 0, 5),
            body=_word_text(rng, 2, 20),
            attachments_text=_word_text(rng, 0, 6),
        )
        for i in range(1, 201)
    ]
    index = SearchIndex(tmp_path_factory.mktemp("words"))
    index.index_documents(docs)
    return index, _unit_keys(docs)


def test_fragment_words_are_listed():
    for word in ("人民政府", "人民代表", "代表大会", "社会主义"):
        assert analysis.is_word(tuple(word))
    assert not analysis.is_word(tuple("民政府"))
    assert not analysis.is_word(tuple("代表大会a"))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(alphabet="人民政府代表大会社主义，", min_size=3, max_size=6))
def test_listed_word_terms_find_what_the_phrase_finds(word_corpus, query, monkeypatch):
    index, keys = word_corpus
    found = index.matching_ids(query)
    assert found == _brute_force(keys, query)
    with monkeypatch.context() as m:
        m.setattr(analysis, "is_word", lambda seq: False)
        assert index.matching_ids(query) == found


def test_word_in_title_only_and_split_by_punctuation(index):
    index.index_documents(
        [
            SearchDocFactory(id=1, title="市人民政府通知", body="正文。"),
            SearchDocFactory(id=2, title="通知", body="人民，政府"),
            SearchDocFactory(id=3, title="通知", body="人民", attachments_text="政府"),
        ]
    )
    assert set(ids(index.search("人民政府"))) == {1, 2}
    assert "<mark>人民政府</mark>" in index.search("人民政府").hits[0].title_html


# -- estimated totals ---------------------------------------------------------


def test_very_broad_query_reports_an_estimated_total(index, monkeypatch):
    index.index_documents(
        [SearchDocFactory(id=i, title="通知", body="公开") for i in range(1, 31)]
        + [SearchDocFactory(id=i, title="公开通知", body="其他") for i in range(31, 41)]
    )
    exact = index.search("公开")
    assert exact.total == 40 and not exact.total_is_estimate
    monkeypatch.setattr(engine, "ESTIMATE_ABOVE", 20)
    broad = index.search("公开")
    assert broad.total_is_estimate
    # From the term dictionary, without visiting the matches.
    assert broad.total == 40
    assert len(broad.hits) == 10
    # The best hits are still found: title matches rank first.
    assert set(ids(broad)) <= set(range(31, 41))
    # Filters, phrases and rarer terms are still counted exactly.
    filtered = index.search("公开", Filters(unit_ids=(1,)))
    assert filtered.total == 40 and not filtered.total_is_estimate
    assert not index.search("其他").total_is_estimate


@pytest.mark.parametrize("sort", ["date", "date_asc"])
def test_broad_query_sorted_by_date_pages_like_an_exact_one(index, monkeypatch, sort):
    rng = random.Random(7)
    days = rng.sample(range(date(1930, 1, 1).toordinal(), date(2150, 1, 1).toordinal()), 45)
    index.index_documents(
        SearchDocFactory(id=i, body="公开", published_on=date.fromordinal(day))
        for i, day in enumerate(days, start=1)
    )
    exact = [ids(index.search("公开", sort=sort, page=p, page_size=7)) for p in range(1, 8)]
    monkeypatch.setattr(engine, "ESTIMATE_ABOVE", 10)
    sliced = [index.search("公开", sort=sort, page=p, page_size=7) for p in range(1, 8)]
    assert all(r.total_is_estimate for r in sliced)
    assert [ids(r) for r in sliced] == exact
    by_day = sorted(range(1, 46), key=lambda i: days[i - 1], reverse=sort == "date")
    assert [i for page in exact for i in page] == by_day
