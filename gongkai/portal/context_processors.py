FONT_SIZES = ("normal", "large", "larger")


def preferences(request):
    size = request.COOKIES.get("font_size", "normal")
    return {"font_size": size if size in FONT_SIZES else "normal"}
