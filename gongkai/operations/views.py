from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def healthz(request):
    """For monitoring: 200 while the platform can serve (warnings included), 503 when not."""
    report = health.snapshot()
    return JsonResponse(
        report,
        status=503 if report["status"] == "error" else 200,
        json_dumps_params={"ensure_ascii": False},
    )
