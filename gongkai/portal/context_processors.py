from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from gongkai.units.models import Unit, UnitKind

# The footer's identifiers change a few times in a site's life; a page rendered by the
# application shows a change within this many seconds (static copies are re-rendered at once).
FOOTER_CACHE_SECONDS = 300


def _load_site_government():
    """The top government of the installation: its identifiers fill the footer."""
    return (
        Unit.objects.filter(kind=UnitKind.GOVERNMENT, parent__isnull=True, is_active=True)
        .order_by("display_order", "id")
        .first()
    )


def _site_government():
    return cache.get_or_set("portal:site-government", _load_site_government, FOOTER_CACHE_SECONDS)


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_owner": settings.SITE_OWNER,
        "site_government": SimpleLazyObject(_site_government),
    }
