"""Serving the static copies from the application, for `make run` and any node without nginx.

It answers exactly as the shipped nginx configuration does (`deploy/nginx/gongkai.conf`): a
GET or HEAD with no query string and no personal cookie gets the copy when there is one, in
brotli or gzip when the reader accepts it; everything else goes on to the views. Personal
cookie (a staff session) makes the page per-request, so staff always get the page from the
views. A reader's display settings (display_* cookies) do not: /display.css carries them, so
the same copy serves every reader.
"""

import mimetypes
import re

from django.http import FileResponse
from django.utils.cache import patch_vary_headers

from . import renderer

# Keep in step with the `map $http_cookie $gongkai_personal` block of the nginx configuration.
PERSONAL_COOKIE = re.compile(r"^sessionid$")
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
TYPES = {".atom": "application/atom+xml", ".xml": "application/xml", ".txt": "text/plain"}


def is_personal(cookies) -> bool:
    return any(PERSONAL_COOKIE.match(name) for name in cookies)


def static_copy(request) -> FileResponse | None:
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    if request.META.get(renderer.RENDERING_KEY) or is_personal(request.COOKIES):
        return None
    found = next((f for f in renderer.candidates(request.path) if f.is_file()), None)
    if found is None:
        return None
    accepted = request.headers.get("Accept-Encoding", "")
    content_type = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0] or "text/html"
    variants = [(e, found.with_name(found.name + ext)) for e, ext in ENCODINGS if e in accepted]
    for encoding, path in [*variants, (None, found)]:
        try:
            handle = path.open("rb")
        except FileNotFoundError:  # not written for this page, or removed just now
            continue
        response = FileResponse(handle, content_type=f"{content_type}; charset=utf-8")
        if encoding:
            response["Content-Encoding"] = encoding
        patch_vary_headers(response, ["Accept-Encoding", "Cookie"])
        return response
    return None


class StaticCopyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return static_copy(request) or self.get_response(request)
