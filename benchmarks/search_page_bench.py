"""In-process cost of the public search page and the search API when the URL is new.

    python benchmarks/search_page_bench.py --data-dir DIR [--rounds 7] [--requests 200]
                                           [--profile FILE.html]

Calls Django's WSGI handler directly — the whole middleware stack, the view, the engine, the
database and the template, as gunicorn calls it, without the network — with production
settings on a DATA_DIR where the demo district is loaded and indexed (as
`static_bench.py --data-dir DIR` leaves it, or `migrate`, `load_demo`, `rebuild_search_index`
and `collectstatic` run with the same settings). Every request carries a parameter the page
ignores and never asked before, like static_bench's "every URL new" rows, so nothing comes
from the page cache. Reports the median over rounds of the CPU time per request (process
time, so another process on a shared machine slows it less than wall-clock time) for each
query of a small set; `--profile` writes a pyinstrument profile of the search page (needs
`pip install pyinstrument`, not a dependency). See benchmarks/README.md.
"""

import argparse
import base64
import io
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# On the demo district: 通知, 2024 and 关于 印发 fill a page of 20 results (also sorted by
# date), 安全生产 gives 15, 森林防火 and 无此词语 find nothing (the page then looks for
# suggestions).
QUERIES = (
    {"q": "通知"},
    {"q": "安全生产"},
    {"q": "2024"},
    {"q": "关于 印发"},
    {"q": "森林防火"},
    {"q": "通知", "sort": "date"},
    {"q": "无此词语"},
)


def configure(data_dir: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="gongkai.settings",
        GONGKAI_ENV="production",
        SECRET_KEY="benchmark-only-secret-key-benchmark-only-secret-key",
        DATA_ENCRYPTION_KEY=base64.urlsafe_b64encode(b"benchmark-only-data-key-32-bytes").decode(),
        LOOKUP_HASH_KEY=base64.urlsafe_b64encode(b"benchmark-only-lookup-key-32byte").decode(),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATA_DIR=data_dir,
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("DATABASE_URL", None)


class Caller:
    """Calls the WSGI application the way gunicorn does, one new URL at a time."""

    def __init__(self):
        from django.core.wsgi import get_wsgi_application

        self.app = get_wsgi_application()
        self.counter = 0

    def get(self, path: str, query: dict) -> bytes:
        self.counter += 1
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": urlencode({**query, "n": f"{os.getpid()}-{self.counter}"}),
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8170",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_ACCEPT_ENCODING": "br, gzip",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        status = []
        body = self.app(environ, lambda s, headers, exc_info=None: status.append(s))
        content = b"".join(body)
        body.close()
        if not status[0].startswith("200"):
            raise SystemExit(f"{path}?{query}: {status[0]}")
        return content


def per_request_ms(caller: Caller, path: str, query: dict, requests: int) -> float:
    start = time.process_time()
    for _ in range(requests):
        caller.get(path, query)
    return (time.process_time() - start) * 1000 / requests


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=200, help="per query and round")
    parser.add_argument("--profile", help="write a pyinstrument profile (HTML) of the page")
    args = parser.parse_args()
    configure(args.data_dir)
    import django

    django.setup()
    caller = Caller()
    pages = {"search page": "/search/", "API search": "/api/v1/search"}
    for path in pages.values():
        for query in QUERIES:
            caller.get(path, query)  # opens the index, loads the word list
    if args.profile:
        from pyinstrument import Profiler

        with Profiler(interval=0.001) as profiler:
            for _ in range(args.requests):
                caller.get("/search/", QUERIES[0])
        Path(args.profile).write_text(profiler.output_html())
        print(profiler.output_text(unicode=True, show_all=False))
        return
    load = os.getloadavg()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {load[0]:.2f}")
    print("| page | query | CPU ms per request (median of rounds) | min |")
    print("|---|---|---:|---:|")
    for name, path in pages.items():
        for query in QUERIES:
            rounds = [
                per_request_ms(caller, path, query, args.requests) for _ in range(args.rounds)
            ]
            shown = " ".join(f"{key}={value}" for key, value in query.items())
            median, least = statistics.median(rounds), min(rounds)
            print(f"| {name} | {shown} | {median:.2f} | {least:.2f} |")


if __name__ == "__main__":
    main()
