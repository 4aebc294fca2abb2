from django.utils.functional import SimpleLazyObject

from gongkai.publishing.models import Document


def urgent_notices(request):
    """Live urgent releases for the banner on every public page; queried only by templates
    that show the banner (the console's pages do not)."""
    return {
        "urgent_notices": SimpleLazyObject(
            lambda: list(
                Document.objects.urgent()
                .only("id", "title", "urgent_since")
                .order_by("-urgent_since", "-id")
            )
        )
    }
