"""Static publishing benchmark: Debian's nginx with the shipped configuration in front of
gunicorn (production settings), measured side by side with wrk in one run.

    python benchmarks/static_bench.py [--duration 3] [--connections 64] [--port 8170]

Sets up a scratch production installation of the demo district (SQLite in a temporary
DATA_DIR, `load_demo`, `collectstatic`, `rebuild_pages`, the search index), starts gunicorn
and nginx (deploy/nginx/gongkai.conf with this run's ports and folders, over IPv4 and IPv6)
and a second nginx server that serves one document page's copy as a plain file: the limit.
Then runs wrk against each page for a few seconds and prints req/s, p50, p99 and the ratio to
the limit as a Markdown table. Needs Debian's nginx, libnginx-mod-http-brotli-static and wrk
(`apt-get install nginx libnginx-mod-http-brotli-static wrk`). Every process it starts is
stopped when it ends. See benchmarks/README.md.
"""

import argparse
import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable

# The "today" figures of issue 13 (wrk, 16 connections, 2 gunicorn workers, same demo).
BEFORE = {"document page": 140, "home": 160, "unit column": 380, "search": 90}


def run(*args, env, **kwargs):
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)


def wait_for(port, host="127.0.0.1", seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answers on {host}:{port}")


# Every request a URL never asked before (an extra parameter the page ignores): what a page
# costs when nothing can come from a cache.
UNIQUE_URLS = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "&n=" .. math.random(1, 1000000000) .. "-" .. counter)
end
"""


def wrk(url, *, duration, connections, threads=2, script=None):
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "--timeout",
            "10s",
            "-H",
            "Accept-Encoding: br, gzip",
            *(["-s", str(script)] if script else []),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    failed = re.findall(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    errors = sum(map(int, failed)) + (sum(map(int, sockets.groups())) if sockets else 0)
    return rate, _ms(latency["50"]), _ms(latency["99"]), errors


def _ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=3, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=8170, help="nginx; +1 the limit, +2 gunicorn")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--nginx-workers", default="auto", help="nginx worker_processes (Debian: auto)"
    )
    parser.add_argument("--only", help="measure only the pages whose name contains this")
    parser.add_argument(
        "--data-dir",
        help="reuse a DATA_DIR where the demo is already loaded and indexed (kept afterwards)",
    )
    args = parser.parse_args()
    for tool in ("nginx", "wrk"):
        if not shutil.which(tool):
            raise SystemExit(
                f"needs Debian's {tool}: apt-get install nginx libnginx-mod-http-brotli-static wrk"
            )

    scratch = Path(args.data_dir or tempfile.mkdtemp(prefix="gongkai-static-bench-"))
    site_port, limit_port, app_port = args.port, args.port + 1, args.port + 2
    env = {
        **os.environ,
        "GONGKAI_ENV": "production",
        "SECRET_KEY": "benchmark-only-secret-key-benchmark-only-secret-key",
        "DATA_ENCRYPTION_KEY": base64.urlsafe_b64encode(
            b"benchmark-only-data-key-32-bytes"
        ).decode(),
        "LOOKUP_HASH_KEY": base64.urlsafe_b64encode(b"benchmark-only-lookup-key-32byte").decode(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,[::1]",
        "SECURE_SSL_REDIRECT": "false",
        "DATA_DIR": str(scratch),
        "SITE_URL": f"http://127.0.0.1:{site_port}",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    started = []
    try:
        print("setting up the demo district (production settings) …", file=sys.stderr)
        if not args.data_dir:
            run("migrate", "--noinput", env=env, stdout=subprocess.DEVNULL)
            run("load_demo", env=env, stdout=subprocess.DEVNULL)
            run("rebuild_search_index", env=env, stdout=subprocess.DEVNULL)
        run("collectstatic", "--noinput", env=env, stdout=subprocess.DEVNULL)
        # Renders every page on a fresh DATA_DIR, only what is pending on a reused one.
        run("run_renderer", "--once", env=env, stdout=subprocess.DEVNULL)
        pages = scratch / "pages"
        from_db = subprocess.run(
            [
                PY,
                "manage.py",
                "shell",
                "--no-imports",
                "-c",
                "from gongkai.publishing.models import Document;"
                "from gongkai.units.models import Unit;"
                "d = Document.objects.published().order_by('-published_at').first();"
                "print(d.pk, d.unit.code)",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        document_id, unit_code = from_db[0], from_db[1]
        limit_root = scratch / "limit"
        limit_root.mkdir(exist_ok=True)
        shutil.copy(pages / "documents" / document_id / "index.html", limit_root / "index.html")

        started.append(
            subprocess.Popen(
                [
                    str(Path(PY).parent / "gunicorn"),
                    "gongkai.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{app_port}",
                    "--workers",
                    str(args.workers),
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            )
        )
        wait_for(app_port)
        nginx_dir = scratch / "nginx"
        nginx_dir.mkdir(exist_ok=True)
        site = (ROOT / "deploy" / "nginx" / "gongkai.conf").read_text()
        for default, actual in {
            "listen 80;": f"listen 127.0.0.1:{site_port};",
            "listen [::]:80;": f"listen [::1]:{site_port};",
            "root /srv/gongkai/pages;": f"root {pages};",
            "alias /srv/gongkai/static/;": f"alias {scratch / 'static'}/;",
            "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
            "access_log /var/log/nginx/gongkai-access.log": f"access_log {nginx_dir}/access.log",
        }.items():
            site = site.replace(default, actual)
        (nginx_dir / "gongkai.conf").write_text(site)
        (nginx_dir / "nginx.conf").write_text(f"""
worker_processes {args.nginx_workers};
pid {nginx_dir}/nginx.pid;
user root;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {{ worker_connections 4096; }}
http {{
  include /etc/nginx/mime.types;
  # As the shipped server logs (buffered), so the limit pays for its log line too.
  access_log {nginx_dir}/limit-access.log combined buffer=64k flush=5s;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path {nginx_dir}/body;
  proxy_temp_path {nginx_dir}/proxy;
  fastcgi_temp_path {nginx_dir}/fastcgi;
  uwsgi_temp_path {nginx_dir}/uwsgi;
  scgi_temp_path {nginx_dir}/scgi;
  include {nginx_dir}/gongkai.conf;
  # The limit: the same document page as a plain file, nothing else.
  server {{
    listen 127.0.0.1:{limit_port};
    root {limit_root};
    location = / {{ try_files /index.html =404; }}
  }}
}}
""")
        started.append(
            subprocess.Popen(
                [
                    "nginx",
                    "-p",
                    str(nginx_dir),
                    "-c",
                    str(nginx_dir / "nginx.conf"),
                    "-e",
                    str(nginx_dir / "error.log"),
                    "-g",
                    "daemon off;",
                ]
            )
        )
        wait_for(site_port)
        wait_for(site_port, host="::1")
        site_url = f"http://127.0.0.1:{site_port}"
        targets = [
            ("limit: nginx, plain file", f"http://127.0.0.1:{limit_port}/"),
            ("document page", f"{site_url}/documents/{document_id}/"),
            ("document page over IPv6", f"http://[::1]:{site_port}/documents/{document_id}/"),
            ("home", f"{site_url}/"),
            ("unit column", f"{site_url}/units/{unit_code}/statutory/"),
            ("search", f"{site_url}/search/?q=%E9%80%9A%E7%9F%A5"),
            ("search, every URL new (no cache)", f"{site_url}/search/?q=%E9%80%9A%E7%9F%A5"),
            ("application status", f"{site_url}/apply/status/"),
            ("API search", f"{site_url}/api/v1/search?q=%E9%80%9A%E7%9F%A5"),
            ("API search, every URL new", f"{site_url}/api/v1/search?q=%E9%80%9A%E7%9F%A5"),
            ("API documents list", f"{site_url}/api/v1/documents?limit=20"),
            ("API one document", f"{site_url}/api/v1/documents/{document_id}"),
        ]
        unique = nginx_dir / "unique-urls.lua"
        unique.write_text(UNIQUE_URLS)
        load_start = os.getloadavg()
        rows, limit = [], None
        for name, url in targets:
            if args.only and args.only not in name and not name.startswith("limit"):
                continue
            script = unique if "every URL new" in name else None
            # Warm-up: each gunicorn worker opens the search index and loads its word list
            # on its first search.
            wrk(url, duration=3, connections=4, script=script)
            rate, p50, p99, errors = wrk(
                url, duration=args.duration, connections=args.connections, script=script
            )
            limit = limit or rate
            rows.append((name, rate, p50, p99, errors))
        load_end = os.getloadavg()
        print(
            f"\n{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores; "
            f"load average {load_start[0]:.2f} / {load_start[1]:.2f} / {load_start[2]:.2f} "
            f"before, {load_end[0]:.2f} / {load_end[1]:.2f} / {load_end[2]:.2f} after (1/5/15 min)"
        )
        print(
            f"wrk -t2 -c{args.connections} -d{args.duration}s, gunicorn {args.workers} workers, "
            f"nginx worker_processes {args.nginx_workers}, Accept-Encoding: br, gzip\n"
        )
        print(
            "| page | req/s | p50 ms | p99 ms | of the limit | before (issue 13, -c16) | errors |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, rate, p50, p99, errors in rows:
            before = BEFORE.get(name.split(" over")[0].split(",")[0], "")
            print(
                f"| {name} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {rate / limit:.0%} "
                f"| {before} | {errors} |"
            )
    finally:
        for process in reversed(started):
            process.send_signal(signal.SIGTERM if process.args[0] != "nginx" else signal.SIGQUIT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        if not args.data_dir:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
