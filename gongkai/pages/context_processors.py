from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from gongkai.publishing.models import Document

URGENT_NOTICES_KEY = "pages:urgent-notices"
# Another node (with the in-process cache) shows a new banner within this many seconds; with
# a shared cache (REDIS_URL) every node shows it at once, as the key is dropped on commit.
URGENT_NOTICES_SECONDS = 30


def _urgent_notices():
    return list(
        Document.objects.urgent().only("id", "title", "urgent_since").order_by("-urgent_since")
    )


def urgent_notices(request):
    """Live urgent releases for the banner on every public page; looked up only by templates
    that show the banner (the console's pages do not), and kept briefly in the cache."""
    return {
        "urgent_notices": SimpleLazyObject(
            lambda: cache.get_or_set(URGENT_NOTICES_KEY, _urgent_notices, URGENT_NOTICES_SECONDS)
        )
    }


def forget_urgent_notices():
    cache.delete(URGENT_NOTICES_KEY)
