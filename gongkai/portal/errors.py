from django.shortcuts import render


def forbidden(request, exception=None):
    message = str(exception) if exception and str(exception) else "您没有访问此页面的权限。"
    return render(
        request, "portal/error.html", {"title": "无权访问", "message": message}, status=403
    )


def not_found(request, exception=None):
    return render(
        request,
        "portal/error.html",
        {"title": "页面不存在", "message": "您要找的页面不存在或已被移除。"},
        status=404,
    )
