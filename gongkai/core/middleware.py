"""Headers that every response carries, and the site-wide request body limit.

Django 5.2 has no Content-Security-Policy of its own; ours allows no inline script, so every
page must keep its JavaScript in static files."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        # Overrides whatever the view said: a shared cache or the browser's history must never
        # keep a copy of an access code or an applicant's personal data.
        private = shows_private_data(request, response)
        if private and "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
        return response


# Paths whose answers show an access code or personal data to whoever holds the code, and
# everything staff see (unpublished drafts, applicants' data). New private pages go here or
# call ``mark_private(response)``.
PRIVATE_PATHS = (
    "/console/",
    "/apply/receipt/",
    "/apply/status/",
    "/apply/letters/",
    "/apply/files/",
    "/api/v1/applications",
)


def mark_private(response):
    """For a view outside PRIVATE_PATHS whose answer is private all the same."""
    response.private_data = True
    return response


def shows_private_data(request, response):
    """Answers that may show an access code or personal data: the private paths, any answer to
    a form submission (the citizen's own entries come back on an error), and anything a signed-
    in member of staff sees."""
    if getattr(response, "private_data", False) or request.path.startswith(PRIVATE_PATHS):
        return True
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class RequestBodyLimitMiddleware:
    """Refuse a body larger than REQUEST_BODY_MAX_BYTES from its Content-Length alone, before
    any middleware or view reads it, so an oversized upload costs neither memory nor disk.
    (Without a Content-Length Django reads no body at all.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        limit = settings.REQUEST_BODY_MAX_BYTES
        if length < 0 or length > limit:
            return _too_large(request, limit)
        return self.get_response(request)


def _too_large(request, limit):
    message = f"请求内容过大：上传的文件和表单合计不能超过 {limit / 1048576:.0f} MB。"
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=413)
    else:
        response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
    # The unread body must not be taken for the next request on a kept-alive connection.
    response["Connection"] = "close"
    return response
