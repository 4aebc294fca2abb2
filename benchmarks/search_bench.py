"""Search engine benchmark: indexing speed, index size, query latency, recall.

    python benchmarks/search_bench.py --docs 1000000 --index-dir var/bench-index

Documents are cut from real Chinese law texts when the shared corpus folder
(``../shared/corpus/laws`` beside the project root, or ``--corpus``) exists,
otherwise from generated text. Recall is checked against a brute-force scan
of the first ``--recall-docs`` documents. See benchmarks/README.md.
"""

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tantivy  # noqa: E402

from gongkai.search import analysis, engine  # noqa: E402
from gongkai.search.engine import Filters, SearchDoc, SearchIndex, to_tantivy  # noqa: E402
from gongkai.search.query import parse  # noqa: E402

NUMBER_PREFIXES = ("国发", "国办发", "青政发", "青政办发", "市监发", "环发", "财预", "教基")
SUBJECTS = (
    "综合政务",
    "国民经济管理",
    "财政金融",
    "城乡建设",
    "农业农村",
    "卫生健康",
    "教育",
    "公安安全司法",
)
TYPES = ("通知", "意见", "决定", "公告", "通告", "办法", "规定", "报告")
CATEGORIES = ("规范性文件", "规划计划", "财政信息", "行政许可", "人事信息", "")
VALIDITIES = ("有效", "失效", "废止", "修改", "")
UNIT_COUNT = 60
FILLER = (
    "政府信息公开工作要点通知关于印发做好年度规划建设管理服务保障"
    + "人民群众生活环境安全生产监督检查"
)


@dataclass
class Corpus:
    paragraphs: list[str]
    titles: list[str]  # law title for each paragraph


def load_corpus(folder: Path | None, rng: random.Random) -> Corpus:
    if folder and folder.is_dir():
        paragraphs: list[str] = []
        titles: list[str] = []
        for path in sorted(folder.rglob("*.md")):
            title = path.stem.split("(")[0]
            for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
                line = line.strip()
                if len(line) > 10 and not line.startswith(("#", "<!--")):
                    paragraphs.append(line)
                    titles.append(title)
        if paragraphs:
            return Corpus(paragraphs, titles)
    # Generated fallback: random strings over a small alphabet of common characters.
    paragraphs = [
        "".join(rng.choice(FILLER) for _ in range(rng.randint(20, 120))) for _ in range(50_000)
    ]
    titles = ["".join(rng.choice(FILLER) for _ in range(12)) for _ in range(50_000)]
    return Corpus(paragraphs, titles)


def unit_tree(rng: random.Random) -> dict[int, tuple[int, ...]]:
    """Unit id → the unit and its ancestors (a small government tree)."""
    parents: dict[int, int | None] = {1: None}
    for unit in range(2, UNIT_COUNT + 1):
        parents[unit] = rng.randint(1, max(1, unit // 3))
    chains = {}
    for unit in parents:
        chain, cur = [], unit
        while cur is not None:
            chain.append(cur)
            cur = parents[cur]
        chains[unit] = tuple(chain)
    return chains


def make_docs(corpus: Corpus, count: int, seed: int) -> Iterator[SearchDoc]:
    rng = random.Random(seed)
    chains = unit_tree(rng)
    n = len(corpus.paragraphs)
    start_day = date(2000, 1, 1).toordinal()
    for i in range(count):
        p = (i * 7919) % n
        size = 3 + i % 4
        body = "\n".join(corpus.paragraphs[p : p + size])
        day = date.fromordinal(start_day + (i * 37) % 9400)
        prefix = NUMBER_PREFIXES[i % len(NUMBER_PREFIXES)]
        attachments = ""
        if i % 10 == 3:
            q = (i * 104729) % n
            attachments = "\n".join(corpus.paragraphs[q : q + 2])
        yield SearchDoc(
            id=i + 1,
            title=f"关于{corpus.titles[p]}的{TYPES[i % len(TYPES)]}",
            published_on=day,
            document_number=f"{prefix}〔{day.year}〕{i % 997 + 1}号",
            index_number=f"000014349/{day.year}-{i + 1:07d}",
            summary=corpus.paragraphs[(p + size) % n][:60] if i % 3 == 0 else "",
            body=body,
            attachments_text=attachments,
            unit_ids=chains[1 + i % UNIT_COUNT],
            subject_category=SUBJECTS[i % len(SUBJECTS)],
            document_type=TYPES[i % len(TYPES)],
            statutory_category=CATEGORIES[i % len(CATEGORIES)],
            validity=VALIDITIES[i % len(VALIDITIES)],
        )


# -- brute force --------------------------------------------------------------


def _seq_key(text: str) -> str:
    return "\x1f" + "\x1f".join(analysis.units(text)) + "\x1f"


@dataclass
class BruteDoc:
    id: int
    raw_parts: tuple[str, ...]
    unit_parts: tuple[str, ...]
    index_number: str
    doc: SearchDoc


def brute_doc(doc: SearchDoc) -> BruteDoc:
    parts = (doc.title, doc.document_number, doc.summary, doc.body, doc.attachments_text)
    return BruteDoc(
        doc.id,
        parts,
        tuple(_seq_key(p) for p in parts),
        analysis.normalize_index_number(doc.index_number),
        doc,
    )


def brute_force(sample: list[BruteDoc], query: str, filters: Filters) -> set[int]:
    """The specification, evaluated naively over every sample document."""
    index_number = analysis.normalize_index_number(query)
    keys = ["\x1f" + "\x1f".join(t.units) + "\x1f" for t in parse(query)]
    found = set()
    for bd in sample:
        if not _filters_match(bd.doc, filters):
            continue
        exact = bool(bd.index_number) and bd.index_number == index_number
        if exact or (keys and all(any(k in p for p in bd.unit_parts) for k in keys)):
            found.add(bd.id)
    return found


def _filters_match(doc: SearchDoc, f: Filters) -> bool:
    checks = (
        (f.unit_ids, lambda: set(f.unit_ids) & set(doc.unit_ids)),
        (f.subject_categories, lambda: doc.subject_category in f.subject_categories),
        (f.document_types, lambda: doc.document_type in f.document_types),
        (f.statutory_categories, lambda: doc.statutory_category in f.statutory_categories),
        (f.validities, lambda: doc.validity in f.validities),
        (f.years, lambda: doc.published_on.year in f.years),
    )
    return all(check() for values, check in checks if values)


# -- queries ------------------------------------------------------------------


def query_set(sample: list[BruteDoc], rng: random.Random) -> list[tuple[str, str, Filters]]:
    """(kind, query, filters) — fixed words plus substrings cut from the sample."""
    none = Filters()
    qs: list[tuple[str, str, Filters]] = []
    for word in ("人民政府", "管理", "应当", "国家", "法律责任", "规定"):
        qs.append(("common", word, none))
    for word in ("法", "罚", "鑫", "环境", "营商", "知识", "社保", "疫苗"):
        qs.append(("short (1-2 chars)", word, none))
    cjk = re.compile(r"[\u4e00-\u9fff]{20,}")
    bodies = [bd.doc.body for bd in sample if cjk.search(bd.doc.body)]
    for _ in range(8):
        text = cjk.search(rng.choice(bodies)).group()
        start = rng.randrange(0, len(text) - 4)
        qs.append(("rare (4 chars)", text[start : start + 4], none))
    for _ in range(8):
        text = cjk.search(rng.choice(bodies)).group()
        length = min(len(text), rng.randint(10, 20))
        qs.append(("phrase (10-20 chars)", text[:length], none))
    for words in ("环境 保护", "人民政府 应当 监督", '"县级以上 人民政府"', "安全 生产 责任"):
        qs.append(("several words", words, none))
    for _ in range(3):
        number = rng.choice(sample).doc.document_number
        for typed in (
            number,
            number.replace("〔", "[").replace("〕", "]"),
            number.replace("〔", "（").replace("〕", "）"),
        ):
            qs.append(("document number", typed, none))
        qs.append(("document number part", number[number.index("〔") :], none))
    for _ in range(3):
        qs.append(("index number", rng.choice(sample).doc.index_number, none))
    for word in ("人民政府", "管理", "环境", "罚款"):
        qs.append(("with filters", word, Filters(unit_ids=(2,))))
        qs.append(("with filters", word, Filters(years=(2015, 2016), subject_categories=("教育",))))
    return qs


# -- measurements -------------------------------------------------------------


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def compare_tokenization(docs: list[SearchDoc]) -> None:
    """Whitespace-joined text (used) vs Python-built token objects."""

    def tokens_doc(doc: SearchDoc) -> tantivy.Document:
        t = tantivy.Document()
        t.add_unsigned("id", doc.id)
        seq = analysis.units(doc.body)
        t.add_pre_tokenized_text(
            "all_u",
            tantivy.PreTokenizedString(
                doc.body, [tantivy.Token(u, i, 0, 0) for i, u in enumerate(seq)]
            ),
        )
        t.add_pre_tokenized_text(
            "all_b",
            tantivy.PreTokenizedString(
                doc.body, [tantivy.Token(b, i, 0, 0) for i, b in enumerate(analysis.bigrams(seq))]
            ),
        )
        return t

    def whitespace_doc(doc: SearchDoc) -> tantivy.Document:
        return to_tantivy(
            SearchDoc(id=doc.id, title="", published_on=doc.published_on, body=doc.body)
        )

    for label, convert in (
        ("whitespace-joined text", whitespace_doc),
        ("pre-tokenized Token objects", tokens_doc),
    ):
        with tempfile.TemporaryDirectory() as tmp:
            index = SearchIndex(tmp)
            writer = index._index.writer(heap_size=128_000_000)
            t0 = time.perf_counter()
            for doc in docs:
                writer.add_document(convert(doc))
            writer.commit()
            writer.wait_merging_threads()
            elapsed = time.perf_counter() - t0
        print(f"  {label:30s} {len(docs) / elapsed:8.0f} docs/s (body only)")


class HitTimer:
    """Times the building of hits (stored-field fetch and highlighting) inside
    SearchIndex.search(), so that the engine's own time can be reported."""

    def __init__(self) -> None:
        self.ms = 0.0
        self._original = engine._hit

        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return self._original(*args, **kwargs)
            finally:
                self.ms += (time.perf_counter() - t) * 1000

        engine._hit = timed

    def restore(self) -> None:
        engine._hit = self._original


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--index-dir", default="var/bench-index")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "laws"))
    parser.add_argument(
        "--recall-docs", type=int, default=100_000, help="brute-force scan over the first N docs"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument(
        "--reuse", action="store_true", help="skip indexing when the index already has --docs docs"
    )
    parser.add_argument("--compare-tokenization", action="store_true")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    index_dir = Path(args.index_dir)
    t0 = time.perf_counter()
    corpus = load_corpus(Path(args.corpus), rng)
    loaded = time.perf_counter() - t0
    print(f"corpus: {len(corpus.paragraphs):,} paragraphs loaded in {loaded:.1f}s")
    python = sys.version.split()[0]
    print(f"machine: {os.cpu_count()} cores; {tantivy.__version__}; python {python}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")

    if args.compare_tokenization:
        print("tokenization (5,000 docs):")
        compare_tokenization(list(make_docs(corpus, 5000, args.seed)))

    reuse = (
        args.reuse
        and SearchIndex.exists(index_dir)
        and SearchIndex(index_dir).doc_count == args.docs
    )
    if not reuse:
        shutil.rmtree(index_dir, ignore_errors=True)
        index = SearchIndex(index_dir)
        t0 = time.perf_counter()
        count = index.index_documents(make_docs(corpus, args.docs, args.seed), replace_all=True)
        elapsed = time.perf_counter() - t0
        print(f"indexed {count:,} docs in {elapsed:.1f}s = {count / elapsed:,.0f} docs/s")
    index = SearchIndex(index_dir)
    print(f"index: {index.doc_count:,} docs, {dir_size(index.path) / 2**20:,.0f} MiB on disk")

    sample = [brute_doc(d) for d in make_docs(corpus, min(args.docs, args.recall_docs), args.seed)]
    queries = query_set(sample, rng)

    for _kind, q, f in queries:  # warm the page cache
        index.search(q, f)
    timer = HitTimer()
    timings: dict[str, list[tuple[float, float]]] = {}
    runs = [(kind, q, f, "relevance") for _ in range(args.repeat) for kind, q, f in queries]
    runs += [("sorted by date", q, f, "date") for _kind, q, f in queries[:10]]
    estimated = set()
    slowest: dict[tuple[str, str, bool], float] = {}
    for kind, q, f, sort in runs:
        timer.ms = 0.0
        t = time.perf_counter()
        result = index.search(q, f, sort=sort)
        ms = (time.perf_counter() - t) * 1000
        timings.setdefault(kind, []).append((ms, ms - timer.ms))
        key = (q, sort, not f.is_empty())
        slowest[key] = max(ms, slowest.get(key, 0.0))
        if result.total_is_estimate:
            estimated.add(q)
    timer.restore()
    all_runs = [pair for values in timings.values() for pair in values]
    print(
        f"\nquery latency ({len(all_runs)} runs), ms: SearchIndex.search() including fetching"
        " and highlighting the 10 hits, and the engine alone (query, count, rank) without them:"
    )
    print(f"  {'kind':24s} {'p50':>7s} {'p95':>7s} {'max':>7s} | {'eng p50':>7s} {'eng p95':>7s}")
    for kind, values in [*timings.items(), ("ALL", all_runs)]:
        full = [v[0] for v in values]
        engine_only = [v[1] for v in values]
        print(
            f"  {kind:24s} {percentile(full, 50):7.2f} {percentile(full, 95):7.2f} "
            f"{max(full):7.2f} | {percentile(engine_only, 50):7.2f} "
            f"{percentile(engine_only, 95):7.2f}"
        )
    full = [v[0] for v in all_runs]
    print(f"  ALL p99 {percentile(full, 99):.2f}; estimated totals for: {sorted(estimated)}")
    worst = sorted(slowest.items(), key=lambda item: -item[1])[:8]
    print(
        "  slowest (max ms): "
        + "; ".join(
            f"{q}{' [filtered]' * filtered}{' [by date]' * (sort == 'date')} {ms:.1f}"
            for (q, sort, filtered), ms in worst
        )
    )

    limit = len(sample)
    print(f"\nrecall vs brute-force scan of the first {limit:,} docs:")
    worst_recall, extra_total, expected_total = 1.0, 0, 0
    raw_misses = 0
    for kind, q, f in queries:
        expected = brute_force(sample, q, f)
        found = {i for i in index.matching_ids(q, f) if i <= limit}
        expected_total += len(expected)
        recall = len(expected & found) / len(expected) if expected else 1.0
        worst_recall = min(worst_recall, recall)
        extra_total += len(found - expected)
        if kind in ("rare (4 chars)", "phrase (10-20 chars)", "short (1-2 chars)", "common"):
            raw = {
                bd.id
                for bd in sample
                if _filters_match(bd.doc, f) and any(q in p for p in bd.raw_parts)
            }
            raw_misses += len(raw - found)
        if recall < 1.0 or found - expected:
            print(f"  MISMATCH {kind} {q!r}: expected {len(expected)}, found {len(found)}")
    print(f"  {len(queries)} queries, {expected_total:,} expected matches")
    print(f"  recall (worst query) {worst_recall:.3f}; unexpected extra matches {extra_total}")
    print(f"  raw-substring matches missed (plain Chinese queries): {raw_misses}")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}; date: {date.today().isoformat()}")


if __name__ == "__main__":
    main()
