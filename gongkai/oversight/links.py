"""Broken links in published documents, internal and external.

External links are fetched with a client that cannot be turned against the platform's own
network (SSRF): only http and https; the host is resolved once and every address it resolves
to must be public (no private, loopback, link-local, multicast, reserved or unspecified
address); the connection goes to that checked address (so a second DNS answer cannot swap
it); redirects are followed a few times, each checked the same way; time and bytes read are
bounded. Internal links (paths on this site) are resolved against the URL map instead of
fetched."""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.urls import Resolver404, resolve, reverse
from lxml import html as lxml_html

from gongkai.publishing.models import Document

from .rules import Problem

TIMEOUT_SECONDS = 5
MAX_BYTES = 64 * 1024
MAX_REDIRECTS = 3
MAX_LINKS = 5000


class Refused(Exception):
    """The URL may not be fetched (the message says why, in Chinese)."""


@dataclass(frozen=True)
class Outcome:
    ok: bool
    reason: str = ""


def public_address(ip) -> bool:
    return ip.is_global and not ip.is_multicast


def _resolve(host, port):
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def _checked_address(host, port, resolver, allow):
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    try:
        found = [str(literal)] if literal else resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise Refused(f"域名无法解析（{host}）") from exc
    if not found:
        raise Refused(f"域名无法解析（{host}）")
    addresses = [ipaddress.ip_address(a.split("%")[0]) for a in found]
    for address in addresses:
        if not allow(address):
            raise Refused(f"地址 {address} 属于内部网络，不予访问")
    return str(addresses[0])


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, address, port, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, address, port, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(
    url, *, resolver=_resolve, allow=public_address, timeout=TIMEOUT_SECONDS, max_bytes=MAX_BYTES
):
    """Fetch `url` safely and say whether it answers. Raises Refused for a URL that must not
    be fetched; network failures and error statuses are a not-ok Outcome."""
    deadline = time.monotonic() + timeout * (MAX_REDIRECTS + 1)
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise Refused("只检查 http 和 https 链接")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _checked_address(parts.hostname, port, resolver, allow)
        kind = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
        remaining = max(0.5, min(timeout, deadline - time.monotonic()))
        connection = kind(parts.hostname, address, port, remaining)
        try:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request(
                "GET", path, headers={"User-Agent": "gongkai-linkcheck/1", "Accept": "*/*"}
            )
            response = connection.getresponse()
            response.read(max_bytes)  # bounded: never the whole of a large file
            status = response.status
            location = response.getheader("Location")
        except (OSError, http.client.HTTPException) as exc:
            return Outcome(False, f"无法连接（{type(exc).__name__}）")
        finally:
            connection.close()
        if status in (301, 302, 303, 307, 308) and location:
            url = urljoin(url, location)
            continue
        if status >= 400:
            return Outcome(False, f"返回 HTTP {status}")
        return Outcome(True)
    return Outcome(False, "重定向次数过多")


def internal(path) -> Outcome:
    """A path on this site: does it name a page? (Documents must also exist and be public.)"""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return Outcome(False, "站内页面不存在")
    document = match.kwargs.get("pk") if match.view_name == "publishing:document" else None
    if document is not None and not Document.objects.published().filter(pk=document).exists():
        return Outcome(False, "站内文件不存在、已撤回或未公开")
    return Outcome(True)


def links_in(body_html):
    if not body_html or not body_html.strip():
        return []
    tree = lxml_html.fromstring(body_html)
    return [href.strip() for href in tree.xpath("//a/@href") if href.strip()]


def broken_links(government, *, fetcher=fetch):
    """Broken links in the published documents of `government`'s units."""
    checked = {}
    problems = []
    documents = Document.objects.published().filter(unit__government=government).order_by("id")
    for document in documents:
        for href in links_in(document.body_html):
            if href.startswith(("mailto:", "tel:", "#")):
                continue
            if href not in checked:
                if len(checked) >= MAX_LINKS:
                    break
                checked[href] = _check(href, fetcher)
            outcome = checked[href]
            if not outcome.ok:
                problems.append(
                    Problem(
                        document.unit_id,
                        f"link:{document.pk}:{href}"[:300],
                        f"《{document.title}》中的链接 {href} 无法访问：{outcome.reason}",
                        None,
                        reverse("console-publishing:detail", args=[document.pk]),
                    )
                )
    return problems


def _check(href, fetcher):
    if href.startswith("/") and not href.startswith("//"):
        return internal(href)
    if href.startswith("//"):
        href = "https:" + href
    try:
        return fetcher(href)
    except Refused as exc:
        return Outcome(False, str(exc))
