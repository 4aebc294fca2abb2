"""Whole-request benchmark: ``GET /api/v1/search`` over an index built by search_bench.py.

    python benchmarks/search_bench.py --docs 1000000 --index-dir var/bench-index
    python benchmarks/api_bench.py --index-dir var/bench-index

Runs the unfiltered queries of search_bench's query set through Django's test client:
URL routing, the form, the engine, the database check that drops withdrawn hits, loading
the hit documents and serialising the JSON. The documents the queries return on their
first page are created in a scratch SQLite database (minimal published rows with the
index's ids), so every hit is serialised as on a real site. See benchmarks/README.md.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--index-dir", default="var/bench-index")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "laws"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="gongkai-api-bench-")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="gongkai.settings",
        DATA_DIR=scratch,
        DATABASE_URL=f"sqlite:///{scratch}/bench.sqlite3",
        SEARCH_INDEX_DIR=str(Path(args.index_dir).resolve()),
    )
    import django

    django.setup()
    import search_bench
    from django.core.management import call_command
    from django.test import Client

    from gongkai.accounts.tests.factories import UserFactory
    from gongkai.publishing import vocabularies as v
    from gongkai.publishing.models import Document, DocumentState
    from gongkai.search import indexer
    from gongkai.search.engine import SearchIndex
    from gongkai.units.tests.factories import GovernmentFactory

    index = SearchIndex(args.index_dir, create=False)
    print(f"index: {index.doc_count:,} documents")
    call_command("migrate", verbosity=0)
    indexer.write_marker(0)

    rng = random.Random(args.seed)
    corpus = search_bench.load_corpus(Path(args.corpus), rng)
    sample = [search_bench.brute_doc(d) for d in search_bench.make_docs(corpus, 100_000, args.seed)]
    queries = [q for _kind, q, f in search_bench.query_set(sample, rng) if f.is_empty()]

    unit, author = GovernmentFactory(), UserFactory()
    ids = {hit.id for q in queries for hit in index.search(q).hits}
    Document.objects.bulk_create(
        Document(
            pk=i,
            unit=unit,
            created_by=author,
            title=f"文件{i}",
            state=DocumentState.PUBLISHED,
            disclosure=v.PROACTIVE,
        )
        for i in sorted(ids)
    )
    print(f"{len(queries)} unfiltered queries; {len(ids)} hit documents created in the database")

    client = Client()
    for q in queries:  # warm-up
        client.get("/api/v1/search", {"q": q})
    timings, serialised = [], 0
    for _ in range(args.repeat):
        for q in queries:
            t = time.perf_counter()
            response = client.get("/api/v1/search", {"q": q})
            timings.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (q, response.content[:200])
            serialised += len(response.json()["hits"])
    p = search_bench.percentile
    print(
        f"GET /api/v1/search, {len(timings)} requests, ms: p50 {p(timings, 50):.2f}, "
        f"p95 {p(timings, 95):.2f}, p99 {p(timings, 99):.2f}, max {max(timings):.2f}; "
        f"{serialised / len(timings):.1f} hits serialised per request"
    )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
