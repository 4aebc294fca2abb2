from django.conf import settings

FONT_SIZES = ("normal", "large", "larger")


def preferences(request):
    size = request.COOKIES.get("font_size", "normal")
    return {"font_size": size if size in FONT_SIZES else "normal"}


def site(request):
    return {"site_name": settings.SITE_NAME, "site_owner": settings.SITE_OWNER}
