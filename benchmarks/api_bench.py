"""Whole-request benchmark: ``GET /api/v1/search`` over an index built by search_bench.py.

    python benchmarks/search_bench.py --docs 1000000 --index-dir var/bench-index
    python benchmarks/api_bench.py --index-dir var/bench-index

Runs the headline (citizen) queries of search_bench — plus ``--queries FILE`` — through
Django's test client: URL routing, the form, the engine, the database check that drops
withdrawn hits, loading the hit documents and serialising the JSON. The scratch database
(SQLite, or ``--database-url`` for a scratch PostgreSQL database) holds the whole corpus:
one published row per indexed document, with its title, number, summary and date, so the
database side works at the corpus's size. Cold (first request of each query) and warm runs
are reported apart; ``--json OUT`` writes the figures. See benchmarks/README.md.
"""

import argparse
import base64
import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime
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
    parser.add_argument("--queries", help="more headline queries, one per line")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--database-url", default="", help="a scratch database (default SQLite)")
    parser.add_argument(
        "--data-dir",
        help="keep the SQLite database here and reuse it when it already holds the corpus",
    )
    args = parser.parse_args()

    scratch = args.data_dir or tempfile.mkdtemp(prefix="gongkai-api-bench-")
    Path(scratch).mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()
    # Production settings, as a deployment runs: DEBUG off (no query log), persistent
    # database connections.
    os.environ.update(
        DJANGO_SETTINGS_MODULE="gongkai.settings",
        GONGKAI_ENV="production",
        SECRET_KEY="benchmark-only-secret-key-benchmark-only-secret-key",
        # Fresh keys each run: production refuses fixed or development keys.
        DATA_ENCRYPTION_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        LOOKUP_HASH_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        DATA_DIR=scratch,
        DATABASE_URL=args.database_url or f"sqlite:///{scratch}/bench.sqlite3",
        SEARCH_INDEX_DIR=str(Path(args.index_dir).resolve()),
    )
    import django

    django.setup()
    import search_bench
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from gongkai.accounts.tests.factories import UserFactory
    from gongkai.core.clock import CHINA
    from gongkai.publishing import vocabularies as v
    from gongkai.publishing.models import Document, DocumentState
    from gongkai.search import indexer
    from gongkai.search.engine import SearchIndex
    from gongkai.units.tests.factories import GovernmentFactory

    index = SearchIndex(args.index_dir, create=False)
    print(f"index: {index.doc_count:,} documents")
    call_command("migrate", verbosity=0)
    indexer.write_marker(0)

    corpus = search_bench.load_corpus(Path(args.corpus), random.Random(args.seed))
    queries = [q for _kind, q, _f in search_bench.citizen_set(args.queries)]

    t0, created = time.perf_counter(), 0
    batch = []
    existing = Document.objects.count()
    if existing == index.doc_count:
        print(f"database: reusing {existing:,} documents in {scratch}")
        created = existing
    elif existing:
        raise SystemExit(f"{scratch} holds {existing:,} documents, the index {index.doc_count:,}")
    else:
        unit, author = GovernmentFactory(), UserFactory()
    for doc in search_bench.make_docs(corpus, index.doc_count - created, args.seed):
        published = datetime.combine(doc.published_on, datetime.min.time(), tzinfo=CHINA)
        batch.append(
            Document(
                pk=doc.id,
                unit=unit,
                created_by=author,
                title=doc.title[:300],
                doc_number=doc.document_number[:100],
                index_number=doc.index_number,
                summary=doc.summary,
                state=DocumentState.PUBLISHED,
                disclosure=v.PROACTIVE,
                published_at=published,
                first_published_at=published,
            )
        )
        if len(batch) == 5000:
            Document.objects.bulk_create(batch)
            created += len(batch)
            batch = []
    if batch:
        Document.objects.bulk_create(batch)
        created += len(batch)
    print(f"database: {created:,} published documents, ready in {time.perf_counter() - t0:.0f}s")
    print(f"{len(queries)} headline queries")

    client = Client()
    cold = []
    for q in queries:
        t = time.perf_counter()
        client.get("/api/v1/search", {"q": q})
        cold.append((time.perf_counter() - t) * 1000)
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
        f"GET /api/v1/search, warm, {len(timings)} requests, ms: p50 {p(timings, 50):.2f}, "
        f"p95 {p(timings, 95):.2f}, p99 {p(timings, 99):.2f}, max {max(timings):.2f}; "
        f"{serialised / len(timings):.1f} hits serialised per request"
    )
    print(f"cold (first request of each query): p50 {p(cold, 50):.2f}, p95 {p(cold, 95):.2f}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    if args.json:
        report = {
            "docs": index.doc_count,
            "database_rows": created,
            "p50_ms": round(p(timings, 50), 3),
            "p95_ms": round(p(timings, 95), 3),
            "p99_ms": round(p(timings, 99), 3),
            "cold_p95_ms": round(p(cold, 95), 3),
            "requests": len(timings),
            "cold_p50_ms": round(p(cold, 50), 3),
            "load_average_start": [round(x, 2) for x in load_start],
            "load_average_end": [round(x, 2) for x in os.getloadavg()],
            "utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
            "machine": f"{os.cpu_count()} cores, database {connection.vendor}",
        }
        Path(args.json).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
