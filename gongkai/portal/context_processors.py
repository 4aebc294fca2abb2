from django.conf import settings
from django.utils.functional import SimpleLazyObject

from gongkai.units.models import Unit, UnitKind


def _site_government():
    """The top government of the installation: its identifiers fill the footer."""
    return (
        Unit.objects.filter(kind=UnitKind.GOVERNMENT, parent__isnull=True, is_active=True)
        .order_by("display_order", "id")
        .first()
    )


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_owner": settings.SITE_OWNER,
        "site_government": SimpleLazyObject(_site_government),
    }
