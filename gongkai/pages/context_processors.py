from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from gongkai.publishing.models import Document
from gongkai.units.models import Unit, UnitKind

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


SITE_GOVERNMENT_KEY = "pages:site-government"
# The footer's identifiers change a few times in a site's life; a page rendered by the
# application shows a change within this many seconds. The renderer forgets it before it
# renders a change (forget_cached_parts), so a static copy never keeps an old footer.
SITE_GOVERNMENT_SECONDS = 300


def _load_site_government():
    """The top government of the installation: its identifiers fill the footer."""
    return (
        Unit.objects.filter(kind=UnitKind.GOVERNMENT, parent__isnull=True, is_active=True)
        .order_by("display_order", "id")
        .first()
    )


def site_government():
    return cache.get_or_set(SITE_GOVERNMENT_KEY, _load_site_government, SITE_GOVERNMENT_SECONDS)


def forget_cached_parts():
    """The parts of every page this process keeps in its cache. With the in-process cache the
    renderer's copies would otherwise keep what it cached before the change it renders: an
    urgent banner missing from every page, a government's old identifiers in every footer."""
    cache.delete_many([URGENT_NOTICES_KEY, SITE_GOVERNMENT_KEY])
