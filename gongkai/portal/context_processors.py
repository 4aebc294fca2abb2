from django.conf import settings
from django.utils.functional import SimpleLazyObject

from gongkai.pages.context_processors import site_government


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_owner": settings.SITE_OWNER,
        "site_government": SimpleLazyObject(site_government),
    }
