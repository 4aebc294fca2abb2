"""Full-text search over a local tantivy index (pure Python, no Django).

One small interface: open or create an index in a directory, add or replace
documents, delete them, search with filters, sort and pages, and suggest
titles when nothing is found. Analysis is described in ``analysis``; the
query language in ``query``.

Each application node keeps its own index directory; the Django side feeds
it from the database (see ``services`` and ``indexer``).
"""

import json
import math
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import tantivy

from gongkai.search import analysis, highlight
from gongkai.search.query import Term, parse

# Bump when the schema or analysis changes: a new version lives in a new
# sub-directory, so an old index reads as "missing" and gets rebuilt.
SCHEMA_VERSION = "v5"

# Every field is searched through one combined field ("all"), so that a term
# is one posting list (several words intersect plain term lists, not unions
# over fields). Title and document number weigh more because they are
# indexed that many times over in it: BM25 sees a higher term frequency.
TITLE_BOOST = 3
NUMBER_BOOST = 5
INDEX_NUMBER_BOOST = 20.0
# A mild freshness boost: scores are multiplied by 1.0 (1990 or older) up to
# 1.2 (2030), enough to order near-equal matches by date. It depends on the
# date alone, so the order of two documents never changes with time.
MAX_FRESHNESS_BOOST = 0.2
FRESHNESS_EPOCH = date(1990, 1, 1).toordinal()
FRESHNESS_SPAN_DAYS = 40 * 365
# Re-ranking by freshness happens within blocks of this many top hits, so
# that every page of one block sees the same candidates.
RERANK_BLOCK = 50

MAX_PAGE_SIZE = 100
# Deep pages cost a top-k heap of offset + limit; beyond this the result
# says the page is out of range instead.
MAX_RESULT_WINDOW = 10_000
SUGGESTIONS = 5

# Above this many matches (a lower bound known from the term dictionary) a
# one-term query reports an estimated total instead of visiting every match
# to count it, so that tantivy's block-max WAND can skip most of them when
# collecting the top hits. Far more than the MAX_RESULT_WINDOW reachable
# results, so every reachable page is still full.
ESTIMATE_ABOVE = 50_000

# Publication years searched one by one when a very broad query is sorted by date.
YEAR_SLICES = range(1949, 2101)

SORTS = ("relevance", "date", "date_asc")
# "kind" says what an item is (a document, a consultation, a powers-list row…: search.kinds).
FACET_FIELDS = ("subject_category", "document_type", "statutory_category", "validity", "kind")


@dataclass(frozen=True)
class SearchDoc:
    """What the index knows about one published item.

    ``unit_ids`` holds the publishing unit and all its ancestors, so that a
    filter on a unit includes its sub-units. Dotted category codes ("01.02")
    are also indexed under their parents ("01").
    """

    id: int
    title: str
    published_on: date
    document_number: str = ""
    index_number: str = ""
    summary: str = ""
    body: str = ""
    attachments_text: str = ""
    unit_ids: tuple[int, ...] = ()
    subject_category: str = ""
    document_type: str = ""
    statutory_category: str = ""
    validity: str = ""
    kind: str = "document"


@dataclass(frozen=True)
class Filters:
    """Every non-empty field narrows the results (values within one are OR)."""

    unit_ids: tuple[int, ...] = ()
    subject_categories: tuple[str, ...] = ()
    document_types: tuple[str, ...] = ()
    statutory_categories: tuple[str, ...] = ()
    validities: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    # Publication dates as ordinals (date.toordinal()); 0 leaves that end open.
    day_from: int = 0
    day_to: int = 0

    def is_empty(self) -> bool:
        return not any(getattr(self, f) for f in self.__dataclass_fields__)


@dataclass(frozen=True)
class Hit:
    id: int
    score: float
    title_html: str
    snippet_html: str
    document_number_html: str
    index_number: str
    published_on: date
    kind: str = "document"


@dataclass(frozen=True)
class SearchResult:
    """``total_is_estimate``: the total of a very broad query is estimated from
    the term dictionary (pages show it as "约 N 条"); it is never below
    ESTIMATE_ABOVE."""

    total: int
    hits: list[Hit]
    page: int
    page_size: int
    terms: list[str] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    page_out_of_range: bool = False
    total_is_estimate: bool = False

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))


def _build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("id", stored=True, indexed=True, fast=True)
    # Units (u) and listed words (w) need no positions; bigrams (b) need
    # them for phrases. The title alone is kept for suggestions.
    for name in ("all", "title"):
        sb.add_text_field(f"{name}_u", tokenizer_name="whitespace", index_option="freq")
        sb.add_text_field(f"{name}_b", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("all_w", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("index_number", tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("unit_ids", indexed=True, fast=True)
    for name in FACET_FIELDS:
        sb.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    sb.add_unsigned_field("year", indexed=True, fast=True)
    sb.add_unsigned_field("day", fast=True)
    sb.add_bytes_field("payload", stored=True)
    return sb.build()


def freshness_factor(day_ordinal: int) -> float:
    """Score multiplier in [1, 1 + MAX_FRESHNESS_BOOST]; newer is higher."""
    age = (day_ordinal - FRESHNESS_EPOCH) / FRESHNESS_SPAN_DAYS
    return 1.0 + MAX_FRESHNESS_BOOST * min(1.0, max(0.0, age))


def to_tantivy(doc: SearchDoc) -> tantivy.Document:
    """Convert a SearchDoc into a tantivy document (public for the benchmark)."""
    t = tantivy.Document()
    t.add_unsigned("id", doc.id)
    title = analysis.units(doc.title)
    title_units, title_bigrams, _words = analysis.index_streams([(title, 1)], words=False)
    unigrams, bigrams, words = analysis.index_streams(
        [
            (title, TITLE_BOOST),
            (analysis.units(doc.document_number), NUMBER_BOOST),
            *((analysis.units(part), 1) for part in (doc.summary, doc.body, doc.attachments_text)),
        ]
    )
    for field_name, stream in (
        ("all_u", unigrams),
        ("all_b", bigrams),
        ("all_w", words),
        ("title_u", title_units),
        ("title_b", title_bigrams),
    ):
        if stream:
            t.add_text(field_name, stream)
    if doc.index_number:
        t.add_text("index_number", analysis.normalize_index_number(doc.index_number))
    for unit_id in doc.unit_ids:
        t.add_unsigned("unit_ids", unit_id)
    for name in FACET_FIELDS:
        for value in _with_parents(getattr(doc, name)):
            t.add_text(name, value)
    t.add_unsigned("year", doc.published_on.year)
    t.add_unsigned("day", doc.published_on.toordinal())
    payload = {
        "title": doc.title,
        "number": doc.document_number,
        "index_number": doc.index_number,
        "parts": [doc.summary, doc.body, doc.attachments_text],
        "day": doc.published_on.toordinal(),
        "kind": doc.kind,
    }
    t.add_bytes("payload", json.dumps(payload, ensure_ascii=False).encode())
    return t


def _with_parents(code: str) -> list[str]:
    """A dotted code and its parents ("01.02" → "01", "01.02"): filtering by a category
    includes its sub-categories."""
    if not code:
        return []
    pieces = code.split(".")
    return [".".join(pieces[: i + 1]) for i in range(len(pieces))]


class SearchIndex:
    """A tantivy index in ``base_dir/<SCHEMA_VERSION>``.

    Reading never takes the writer lock, so web processes can search while
    the indexer process writes; writes open the writer only for the batch.
    """

    def __init__(self, base_dir: str | Path, *, create: bool = True):
        self.path = Path(base_dir) / SCHEMA_VERSION
        self.schema = _build_schema()
        if not self.exists(base_dir):
            if not create:
                raise FileNotFoundError(f"no search index at {self.path}")
            self.path.mkdir(parents=True, exist_ok=True)
        self._index = tantivy.Index(self.schema, path=str(self.path), reuse=True)

    @staticmethod
    def exists(base_dir: str | Path) -> bool:
        path = Path(base_dir) / SCHEMA_VERSION
        return path.is_dir() and tantivy.Index.exists(str(path))

    # -- writing ---------------------------------------------------------

    def index_documents(
        self,
        docs: Iterable[SearchDoc],
        *,
        replace_all: bool = False,
        heap_size: int = 256_000_000,
        num_threads: int = 0,
    ) -> int:
        """Add or replace documents in one commit; returns how many.

        With ``replace_all`` the index first forgets every document — readers
        keep seeing the old contents until the single commit at the end.
        """
        count = 0
        with self._writer(heap_size, num_threads) as writer:
            if replace_all:
                writer.delete_all_documents()
            for doc in docs:
                if not replace_all:
                    writer.delete_documents_by_query(self._id_query(doc.id))
                writer.add_document(to_tantivy(doc))
                count += 1
        return count

    def apply(self, *, upserts: Iterable[SearchDoc] = (), deletes: Iterable[int] = ()) -> None:
        """Delete and add/replace documents in one commit."""
        with self._writer(50_000_000, 1) as writer:
            for doc_id in deletes:
                writer.delete_documents_by_query(self._id_query(doc_id))
            for doc in upserts:
                writer.delete_documents_by_query(self._id_query(doc.id))
                writer.add_document(to_tantivy(doc))

    @contextmanager
    def _writer(self, heap_size: int, num_threads: int):
        """A writer for one batch: committed at the end, rolled back on any error, and
        readers reloaded so that the next search sees the commit."""
        writer = self._index.writer(heap_size=heap_size, num_threads=num_threads)
        try:
            yield writer
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        self._index.reload()

    def _id_query(self, doc_id: int) -> tantivy.Query:
        # delete_documents_by_term turns a Python int into an i64 term, which
        # never matches this u64 field; a term query types it correctly.
        return tantivy.Query.term_query(self.schema, "id", doc_id)

    def delete(self, doc_id: int) -> None:
        self.apply(deletes=[doc_id])

    # -- reading ---------------------------------------------------------

    def reload(self) -> None:
        """See every commit made so far, by any process (tantivy otherwise notices another
        process's commit on its own only after a short delay)."""
        self._index.reload()

    @property
    def doc_count(self) -> int:
        return self._index.searcher().num_docs

    def search(
        self,
        query: str,
        filters: Filters | None = None,
        sort: str = "relevance",
        page: int = 1,
        page_size: int = 10,
        *,
        facets: bool = False,
    ) -> SearchResult:
        """Search; never raises on any user input.

        An empty or punctuation-only query with filters lists the filtered
        documents newest first; with no filters either it finds nothing.
        """
        filters = filters or Filters()
        terms = parse(query)
        page_size = min(max(1, as_int(page_size, 10)), MAX_PAGE_SIZE)
        page = max(1, as_int(page, 1))
        if not terms and filters.is_empty():
            return SearchResult(total=0, hits=[], page=page, page_size=page_size)
        # One searcher for the whole request: the term statistics that shape
        # the query and the hits come from the same index generation.
        searcher = self._index.searcher()
        text_query, estimate = self._text_query(searcher, terms, query)
        if not filters.is_empty():
            estimate = None
        full_query = _with_filters(self.schema, text_query, filters)
        if sort not in SORTS:
            sort = "relevance"
        if not terms and sort == "relevance":
            sort = "date"
        offset = (page - 1) * page_size
        count = estimate is None
        if offset + page_size > MAX_RESULT_WINDOW:
            total = estimate if not count else searcher.search(full_query, 1).count
            return SearchResult(
                total=total,
                hits=[],
                page=page,
                page_size=page_size,
                page_out_of_range=True,
                total_is_estimate=not count,
            )
        if sort == "relevance":
            total, ranked = _ranked_by_relevance(searcher, full_query, offset, page_size, count)
        elif not count:
            total = estimate
            ranked = self._by_date_in_year_slices(
                searcher, full_query, offset, page_size, newest_first=sort == "date"
            )
        else:
            order = tantivy.Order.Desc if sort == "date" else tantivy.Order.Asc
            result = searcher.search(
                full_query, page_size, count, order_by_field="day", offset=offset, order=order
            )
            total, ranked = result.count, result.hits
        if not count:
            total = estimate
        pattern = highlight.compile_terms(t.units for t in terms)
        hits = [_hit(searcher, score, address, pattern) for score, address in ranked]
        return SearchResult(
            total=total,
            hits=hits,
            page=page,
            page_size=page_size,
            terms=[t.text for t in terms],
            facets=self._facets(searcher, text_query, filters) if facets else {},
            page_out_of_range=not hits and total > 0,
            total_is_estimate=not count,
        )

    def matching_ids(self, query: str, filters: Filters | None = None) -> set[int]:
        """Every matching document id, unranked (for audits and recall checks)."""
        terms = parse(query)
        filters = filters or Filters()
        if not terms and filters.is_empty():
            return set()
        searcher = self._index.searcher()
        text_query, _estimate = self._text_query(searcher, terms, query)
        full_query = _with_filters(self.schema, text_query, filters)
        total = searcher.search(full_query, 1).count
        if not total:
            return set()
        result = searcher.search(full_query, total, count=False, order_by_field="day")
        addresses = [address for _value, address in result.hits]
        return set(searcher.fast_field_values("id", addresses))

    def indexed_days(self) -> dict[int, int]:
        """Every indexed document id with the day ordinal it was indexed as published on
        (for the consistency check: what the index holds, read from fast fields only)."""
        searcher = self._index.searcher()
        if not searcher.num_docs:
            return {}
        result = searcher.search(tantivy.Query.all_query(), searcher.num_docs, count=False)
        addresses = [address for _score, address in result.hits]
        ids = searcher.fast_field_values("id", addresses)
        days = searcher.fast_field_values("day", addresses)
        return dict(zip(ids, days, strict=True))

    def facets_without_filters(self, query: str) -> dict[str, dict[str, int]]:
        """Counts per filter value for ``query`` alone: which filters give results."""
        terms = parse(query)
        if not terms:
            return {}
        searcher = self._index.searcher()
        text_query, _estimate = self._text_query(searcher, terms, query)
        return self._facets(searcher, text_query, Filters())

    def suggest(self, query: str, limit: int = SUGGESTIONS) -> list[str]:
        """Titles sharing the most bigrams (or characters) with the query."""
        seq = [u for t in parse(query) for u in t.units]
        if not seq:
            return []
        if len(seq) == 1:
            field_name, grams = "title_u", seq
        else:
            field_name, grams = "title_b", sorted(set(analysis.bigrams(seq)))
        clauses = [
            (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, field_name, g))
            for g in grams[:64]
        ]
        needed = max(1, math.ceil(len(clauses) / 2))
        q = tantivy.Query.boolean_query(clauses, minimum_number_should_match=needed)
        searcher = self._index.searcher()
        titles: list[str] = []
        for _score, address in searcher.search(q, limit * 3, count=False).hits:
            title = json.loads(searcher.doc(address).get_first("payload"))["title"]
            if title not in titles:
                titles.append(title)
        return titles[:limit]

    def _by_date_in_year_slices(
        self,
        searcher: tantivy.Searcher,
        query: tantivy.Query,
        offset: int,
        limit: int,
        *,
        newest_first: bool,
    ) -> list:
        """One page by date of a very broad query, one publication year at a time.

        Sorting by a fast field visits every match; the newest year alone
        usually fills the page, at a fraction of the cost. Years outside
        YEAR_SLICES form one slice at either end, so nothing is skipped.
        """
        low, high = YEAR_SLICES[0], YEAR_SLICES[-1]
        slices = [
            tantivy.Query.range_query(
                self.schema,
                "year",
                tantivy.FieldType.Unsigned,
                lower_bound=high + 1,
                use_inverted_index=True,
            ),
            *(
                tantivy.Query.term_query(self.schema, "year", y, "basic")
                for y in reversed(YEAR_SLICES)
                if searcher.doc_freq("year", y)
            ),
            tantivy.Query.range_query(
                self.schema,
                "year",
                tantivy.FieldType.Unsigned,
                upper_bound=low - 1,
                use_inverted_index=True,
            ),
        ]
        if not newest_first:
            slices.reverse()
        order = tantivy.Order.Desc if newest_first else tantivy.Order.Asc
        needed = offset + limit
        hits: list = []
        for year_query in slices:
            sliced = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, query), (tantivy.Occur.Must, year_query)]
            )
            found = searcher.search(
                sliced, needed - len(hits), False, order_by_field="day", order=order
            )
            hits.extend(found.hits)
            if len(hits) >= needed:
                break
        return hits[offset:needed]

    # -- query building --------------------------------------------------
    #
    # One term is one term query (or phrase) on the combined field; several
    # terms intersect them. A term absent from the term dictionary makes the
    # whole text query empty without searching.

    def _text_query(
        self, searcher: tantivy.Searcher, terms: Sequence[Term], raw: str
    ) -> tuple[tantivy.Query, int | None]:
        """The query for the terms (all must match) or the exact index number,
        and an estimated total when the query is one very common term."""
        if not terms:
            return tantivy.Query.all_query(), None
        per_term = [self._term_query(searcher, t.units) for t in terms]
        estimate = None
        if not all(per_term):
            text_query = None
        elif len(per_term) == 1:
            text_query, df = per_term[0]
            # A term's document frequency counts deleted documents until
            # their segment is merged: an estimate, if a close one.
            if df is not None and df > ESTIMATE_ABOVE:
                estimate = df
        else:
            text_query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, q) for q, _df in per_term]
            )
        exact = self._index_number_query(searcher, raw)
        if exact is None:
            return text_query or tantivy.Query.empty_query(), estimate
        if text_query is None:
            return exact, None
        combined = [(tantivy.Occur.Should, text_query), (tantivy.Occur.Should, exact)]
        return tantivy.Query.boolean_query(combined), None

    def _index_number_query(self, searcher: tantivy.Searcher, raw: str) -> tantivy.Query | None:
        index_number = analysis.normalize_index_number(raw or "")
        if not index_number or len(index_number) > 64:
            return None
        if not searcher.doc_freq("index_number", index_number):
            return None
        return tantivy.Query.boost_query(
            tantivy.Query.term_query(self.schema, "index_number", index_number, "basic"),
            INDEX_NUMBER_BOOST,
        )

    def _term_query(
        self, searcher: tantivy.Searcher, seq: Sequence[str]
    ) -> tuple[tantivy.Query, int | None] | None:
        """The query for one unit sequence and its document frequency (None for
        a phrase); None when no document can contain it."""
        if len(seq) <= 2 or analysis.is_word(seq):
            suffix = "u" if len(seq) == 1 else "b" if len(seq) == 2 else "w"
            field_name, term = f"all_{suffix}", "".join(seq)
            df = searcher.doc_freq(field_name, term)
            if not df:
                return None
            return tantivy.Query.term_query(self.schema, field_name, term, "freq"), df
        cover = analysis.cover(list(seq))
        if not all(searcher.doc_freq("all_b", pair) for _offset, pair in cover):
            return None
        return tantivy.Query.phrase_query(self.schema, "all_b", cover), None

    def _facets(
        self, searcher: tantivy.Searcher, text_query: tantivy.Query, filters: Filters
    ) -> dict[str, dict[str, int]]:
        query = _with_filters(self.schema, text_query, filters)
        aggs = {name: {"terms": {"field": name, "size": 50}} for name in FACET_FIELDS}
        aggs["year"] = {"terms": {"field": "year", "size": 50}}
        raw = searcher.aggregate(query, aggs)
        return {
            name: {str(b["key"]): b["doc_count"] for b in raw.get(name, {}).get("buckets", [])}
            for name in aggs
        }


def _ranked_by_relevance(searcher, query, offset: int, page_size: int, count: bool = True):
    """BM25 hits of one page, re-ranked by the freshness factor.

    tantivy's own score weighting (weight_by_field) made broad queries
    several times slower; re-ranking the top block in Python costs nothing.
    """
    block_end = (offset + page_size + RERANK_BLOCK - 1) // RERANK_BLOCK * RERANK_BLOCK
    result = searcher.search(query, block_end, count)
    days = searcher.fast_field_values("day", [address for _score, address in result.hits])
    boosted = [
        (score * freshness_factor(day or 0), address)
        for (score, address), day in zip(result.hits, days, strict=True)
    ]
    # Each block is re-ranked on its own: a deeper page fetches more blocks but never
    # reorders an earlier one, so paging shows every match exactly once.
    ranked = []
    for start in range(0, len(boosted), RERANK_BLOCK):
        ranked += sorted(boosted[start : start + RERANK_BLOCK], key=lambda pair: -pair[0])
    return result.count, ranked[offset : offset + page_size]


def _with_filters(schema: tantivy.Schema, query: tantivy.Query, filters: Filters) -> tantivy.Query:
    clauses = [(tantivy.Occur.Must, query)]
    for field_name, given, valid in (
        ("unit_ids", filters.unit_ids, _valid_ids(filters.unit_ids)),
        ("subject_category", filters.subject_categories, _strings(filters.subject_categories)),
        ("document_type", filters.document_types, _strings(filters.document_types)),
        (
            "statutory_category",
            filters.statutory_categories,
            _strings(filters.statutory_categories),
        ),
        ("validity", filters.validities, _strings(filters.validities)),
        ("kind", filters.kinds, _strings(filters.kinds)),
        ("year", filters.years, [v for v in _valid_ids(filters.years) if v < 10_000]),
    ):
        if not given:
            continue
        # A filter whose values are all unusable matches nothing rather than
        # everything. Term queries, not a term-set query: that one builds a
        # bitset of all its documents on every search.
        terms = [tantivy.Query.term_query(schema, field_name, v, "basic") for v in valid]
        if not terms:
            matching = tantivy.Query.empty_query()
        elif len(terms) == 1:
            matching = terms[0]
        else:
            matching = tantivy.Query.boolean_query([(tantivy.Occur.Should, t) for t in terms])
        clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(matching, 0.0)))
    if filters.day_from or filters.day_to:
        # A range over the fast "day" column: no schema change, no re-indexing.
        days = tantivy.Query.range_query(
            schema,
            "day",
            tantivy.FieldType.Unsigned,
            max(0, as_int(filters.day_from, 0)),
            as_int(filters.day_to, 0) or 2**63,
        )
        clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(days, 0.0)))
    if len(clauses) == 1:
        return query
    return tantivy.Query.boolean_query(clauses)


def _valid_ids(values) -> list[int]:
    return [v for v in values if isinstance(v, int) and 0 <= v < 2**64]


def _strings(values) -> list[str]:
    return [str(v) for v in values]


def _hit(searcher: tantivy.Searcher, score, address, pattern) -> Hit:
    stored = searcher.doc(address)
    payload = json.loads(stored.get_first("payload"))
    return Hit(
        id=stored.get_first("id"),
        score=float(score),
        title_html=highlight.mark(payload["title"], pattern),
        snippet_html=highlight.snippet(payload["parts"], pattern),
        document_number_html=highlight.mark(payload["number"], pattern),
        index_number=payload["index_number"],
        published_on=date.fromordinal(payload["day"]),
        kind=payload.get("kind", "document"),
    )


def as_int(value, default: int) -> int:
    """Page numbers and sizes from user input; anything unusable becomes the default."""
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default
