"""The link checker: private addresses refused after DNS resolution, bounded time and size,
internal links resolved against the URL map; broken links become findings."""

import contextlib
import datetime
import http.server
import threading
import time

import pytest

from gongkai.oversight import links
from gongkai.oversight.links import Refused, fetch


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (the stdlib's name)
        if self.path == "/ok":
            self._send(200, b"fine")
        elif self.path == "/big":
            self._send(200, b"x" * (5 * 1024 * 1024))
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, b"late")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
        else:
            self._send(404, b"no")

    def _send(self, status, body):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _loopback_allowed(ip):
    return ip.is_loopback


def test_the_default_client_refuses_the_local_server(server):
    with pytest.raises(Refused, match="内部网络"):
        fetch(server + "/ok")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://10.1.2.3/",
        "http://192.168.0.1/admin",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_private_loopback_and_link_local_addresses_are_refused(url):
    def never_resolve(host, port):
        raise AssertionError("a literal address is not looked up")

    with pytest.raises(Refused):
        fetch(url, resolver=never_resolve)


def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting():
    def rebinding(host, port):
        return ["93.184.216.34", "10.0.0.7"]  # one public, one private: refused

    with pytest.raises(Refused, match="10.0.0.7"):
        fetch("http://intranet.example.com/", resolver=rebinding)


def test_other_schemes_are_refused():
    for url in ("file:///etc/passwd", "ftp://example.com/", "gopher://x/"):
        with pytest.raises(Refused):
            fetch(url)


def test_a_local_server_when_loopback_is_allowed(server):
    assert fetch(server + "/ok", allow=_loopback_allowed).ok
    assert fetch(server + "/moved", allow=_loopback_allowed).ok
    missing = fetch(server + "/missing", allow=_loopback_allowed)
    assert not missing.ok and "404" in missing.reason


def test_time_and_size_are_bounded(server):
    started = time.monotonic()
    slow = fetch(server + "/slow", allow=_loopback_allowed, timeout=1)
    assert not slow.ok and time.monotonic() - started < 2.5
    started = time.monotonic()
    assert fetch(server + "/big", allow=_loopback_allowed, max_bytes=1024).ok
    assert time.monotonic() - started < 2


def test_a_redirect_to_a_private_address_is_refused(server):
    class _Redirect(_Handler):
        def do_GET(self):  # noqa: N802
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/secret")
            self.end_headers()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        with pytest.raises(Refused, match="10.0.0.1"):
            fetch(url, allow=lambda ip: ip.is_loopback)
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.django_db
def test_broken_links_in_published_documents(at, unit_a, government, editor_a, reviewer_a):
    from gongkai.oversight import services
    from gongkai.publishing import workflow
    from gongkai.publishing.tests.factories import published

    at(2026, 11, 2)
    kept = published(editor_a, reviewer_a, unit_a, title="仍然有效的文件")
    gone = published(editor_a, reviewer_a, unit_a, title="后来撤回的文件")
    body = (
        f'<p>见<a href="/documents/{kept.pk}/">此文</a>、<a href="/documents/{gone.pk}/">旧文</a>'
        '和<a href="http://10.0.0.2/x">内网</a>。</p>'
    )
    doc = published(editor_a, reviewer_a, unit_a, title="有链接的文件", body_html=body)
    assert links.broken_links(government) == [
        p for p in links.broken_links(government) if "10.0.0.2" in p.key
    ]
    workflow.withdraw(actor=reviewer_a, document=gone, reason="内容过时")
    found = links.broken_links(government, fetcher=fetch)
    assert sorted(p.key for p in found) == sorted(
        f"link:{doc.pk}:{href}" for href in (f"/documents/{gone.pk}/", "http://10.0.0.2/x")
    )
    at(2026, 12, 3)
    run = services.run_inspection(government, datetime.date(2026, 12, 3), link_problems=found)
    assert run.findings.filter(indicator__code="broken_link").count() == 2
