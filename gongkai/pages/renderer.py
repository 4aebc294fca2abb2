"""Rendering the static copies of public pages, and applying the render outbox to them.

Each node keeps its copies in `pages_dir()` (laid out as the URLs are, so nginx's `try_files`
and the application's own `serving` middleware find them) and, beside them, a marker saying up
to which `RenderOperation` it has applied the log — the same pattern as the search indexer.
A page is rendered by the application itself (its URL through Django's request handler, as an
anonymous reader with no query string), so the copy is byte for byte what the view answers. A
page that no longer answers 200 (withdrawn: 410, merged unit: redirect, gone: 404) has its
copy removed, so the request falls through to the application, which answers it.

Every file is written to a temporary name in the same folder and renamed over the old one, so
a reader gets the old page or the new one, never half of either. The gzip and brotli copies are
written before the page itself and removed after it.
"""

import gzip
import io
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import brotli
from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest

from gongkai.core.clock import local_now, local_today

from . import registry
from .context_processors import forget_cached_parts
from .models import RenderOperation

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
RENDERING_KEY = "gongkai.rendering"  # marks the renderer's own requests in the WSGI environ
COMPRESSED = {".gz": lambda data: gzip.compress(data, 9, mtime=0), ".br": brotli.compress}
MARKER_NAME = ".applied.json"


def pages_dir() -> Path:
    configured = getattr(settings, "PAGES_DIR", "")
    return Path(configured) if configured else Path(settings.DATA_DIR) / "pages"


def file_for(path: str, content_type: str = "text/html") -> Path:
    """Where the copy of a URL path lives: `/a/b/` → `a/b/index.html` (an Atom feed:
    `index.atom`), and a path naming a file (`/sitemap.xml`) → that file."""
    relative = path.lstrip("/")
    if relative == "" or relative.endswith("/"):
        name = "index.atom" if content_type.startswith("application/atom+xml") else "index.html"
        relative += name
    return pages_dir() / relative


def candidates(path: str) -> list[Path]:
    """The files that may hold the copy of a URL path, in the order nginx tries them."""
    if path.endswith("/"):
        return [file_for(path), file_for(path, "application/atom+xml")]
    return [file_for(path)]


# ---------------------------------------------------------------- one page


_handler = None


def _get_handler() -> BaseHandler:
    global _handler
    if _handler is None:
        _handler = BaseHandler()
        _handler.load_middleware()
    return _handler


def _request(path: str) -> WSGIRequest:
    site = urlsplit(settings.SITE_URL)
    secure = site.scheme == "https"
    host = site.netloc or "localhost"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": site.hostname or "localhost",
        "SERVER_PORT": str(site.port or (443 if secure else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": site.scheme or "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        RENDERING_KEY: True,
    }
    if secure:
        environ["HTTP_X_FORWARDED_PROTO"] = "https"
    return WSGIRequest(environ)


def render(path: str) -> tuple[bytes, str] | None:
    """The page as an anonymous reader gets it, with its content type; None when the page
    has no static copy now (it does not answer 200, or it answered with a cookie)."""
    response = _get_handler().get_response(_request(path))
    if response.status_code != 200 or response.streaming:
        return None
    if response.cookies:
        logger.warning("%s sets a cookie: it stays dynamic and gets no static copy", path)
        return None
    return response.content, response["Content-Type"]


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def _remove(target: Path) -> None:
    for variant in [target, *(target.with_name(target.name + ext) for ext in COMPRESSED)]:
        variant.unlink(missing_ok=True)


def publish_page(path: str) -> Path | None:
    """Render one page and bring its copy up to date; returns the file, or None if removed."""
    rendered = render(path)
    if rendered is None:
        for target in candidates(path):
            _remove(target)
        return None
    content, content_type = rendered
    target = file_for(path, content_type)
    for ext, compress in COMPRESSED.items():
        _write_atomically(target.with_name(target.name + ext), compress(content))
    _write_atomically(target, content)
    return target


# ---------------------------------------------------------------- the outbox


def read_marker() -> dict | None:
    try:
        marker = json.loads((pages_dir() / MARKER_NAME).read_text())
        return {"applied_upto": int(marker["applied_upto"]), "day": str(marker["day"])}
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return None


def write_marker(applied_upto: int, day: str) -> None:
    _write_atomically(
        pages_dir() / MARKER_NAME,
        json.dumps({"applied_upto": applied_upto, "day": day}).encode(),
    )


def latest_operation_id() -> int:
    return RenderOperation.objects.order_by("-id").values_list("id", flat=True).first() or 0


def run_once(limit: int = BATCH_SIZE) -> int:
    """Apply up to `limit` pending operations; returns how many pages were rendered.

    Pages that show the date (the policy library as of today, the enforcement decisions in
    their publication period) are rendered again once the China date has moved on since the
    last run. Without a marker (never built) nothing is
    done: `rebuild` comes first.
    """
    marker = read_marker()
    if marker is None:
        return 0
    today = local_today().isoformat()
    ops = list(
        RenderOperation.objects.filter(id__gt=marker["applied_upto"])
        .order_by("id")
        .values_list("id", "subject", "object_id")[:limit]
    )
    if ops:
        forget_cached_parts()
    pages, everything = set(), set()
    for _op_id, subject, object_id in ops:
        if subject == RenderOperation.Subject.ALL:
            everything = set(registry.all_pages())
        else:
            pages |= registry.affected(subject, object_id)
    if today != marker["day"]:
        pages |= set(registry.dated_pages(marker["day"]))
    # The pages a change names come first: an urgent release's own page and its column
    # are out before the banner reaches every other page.
    for path in [*sorted(pages), *sorted(everything - pages)]:
        publish_page(path)
    pages |= everything
    if ops or today != marker["day"]:
        write_marker(ops[-1][0] if ops else marker["applied_upto"], today)
    return len(pages)


def rebuild(progress=None) -> int:
    """Render every static page and remove every copy that is no longer a page; returns the
    number of pages. Operations recorded meanwhile are applied afterwards by `run_once`."""
    start_marker = latest_operation_id()
    forget_cached_parts()
    pages = registry.all_pages()
    kept = set()
    for done, path in enumerate(pages, start=1):
        target = publish_page(path)
        if target is not None:
            kept.add(target)
        if progress is not None:
            progress(done, len(pages))
    _remove_stale(kept)
    write_marker(start_marker, local_today().isoformat())
    return len(pages)


def _remove_stale(kept: set[Path]) -> None:
    root = pages_dir()
    for ext in (".html", ".atom", ".xml", ".txt"):
        for found in root.rglob(f"*{ext}"):
            if found not in kept:
                _remove(found)


# ---------------------------------------------------------------- the console


@dataclass(frozen=True)
class RenderStatus:
    built: bool
    applied_upto: int
    pending: int
    lag_seconds: float

    @property
    def message(self) -> str:
        if not self.built:
            return "静态页面尚未生成：公众页面由应用直接生成，请运行 manage.py rebuild_pages。"
        if self.pending:
            return f"静态页面待生成 {self.pending} 项，最早的一项已等待 {self.lag_seconds:.0f} 秒。"
        return "静态页面已是最新。"


def status() -> RenderStatus:
    """How this node's copies stand against the render outbox (for the console)."""
    marker = read_marker()
    applied = marker["applied_upto"] if marker else 0
    pending = RenderOperation.objects.filter(id__gt=applied)
    oldest = pending.order_by("id").values_list("created_at", flat=True).first()
    lag = (local_now() - oldest).total_seconds() if oldest else 0.0
    return RenderStatus(marker is not None, applied, pending.count(), max(lag, 0.0))
