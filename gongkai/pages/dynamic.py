"""Whole dynamic public pages kept in the cache, for pages that have no static copy only because
they take a query string (the search results): every reader without a personal cookie gets the
same page for the same URL, so under an emergency's load one rendering serves thousands.

A page is cached under the render outbox's generation (the highest `RenderOperation` id), which
grows in the same transaction as anything a public page shows (a publication, a withdrawal, a
unit renamed, an urgent banner), plus whatever else the caller's page depends on (`version`).
A change therefore never shows late: the next request after its commit misses the cache.
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

from .models import RenderOperation
from .serving import is_personal

# Django's messages framework keeps pending messages in this cookie (then the session): a page
# that would show one is personal.
MESSAGES_COOKIE = "messages"


def generation() -> int:
    """Grows whenever anything that public pages show changes (one indexed look-up, written
    in SQL: building the equivalent queryset cost more than running it, on every page)."""
    table = connection.ops.quote_name(RenderOperation._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {table}")  # noqa: S608 -- the model's own table
        return cursor.fetchone()[0] or 0


def is_shared(request) -> bool:
    """Whether the page for this request is the one every other reader of the URL gets."""
    if request.method not in ("GET", "HEAD") or is_personal(request.COOKIES):
        return False
    return MESSAGES_COOKIE not in request.COOKIES


def cached_page(request, name: str, version, render, seconds: int) -> HttpResponse:
    """The page `render(request, generation)` makes, from the cache when this URL was rendered
    under the same generation and `version`. Read `version` before anything the page shows, so
    a change that commits in between only makes the cached page newer than its key, never
    older. `render` may cache parts of the page under the generation it is given; it is given
    None for a personal reader, whose page is rendered whole."""
    if not is_shared(request):
        return render(request, None)
    current = generation()
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = f"pages:dynamic:{name}:{current}:{version}:{url}"
    found = cache.get(key)
    if found is not None:
        content, content_type = found
        return HttpResponse(content, content_type=content_type)
    response = render(request, current)
    if response.status_code == 200 and not response.cookies and not response.streaming:
        cache.set(key, (response.content, response["Content-Type"]), seconds)
    return response
