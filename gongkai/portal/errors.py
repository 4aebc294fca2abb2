"""The site's error answers, in Chinese, for DEBUG off. Under /api/ they are JSON like every
other API answer (``{"detail": ...}``); elsewhere an HTML page. The 500 page is a template of
its own that needs no database and no context processor: whatever broke may be the database."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader

MESSAGES = {
    400: ("请求有误", "您的请求无法处理，请检查输入后重试。"),
    403: ("无权访问", "您没有访问此页面的权限。"),
    404: ("页面不存在", "您要找的页面不存在或已被移除。"),
    500: ("系统暂时出错", "系统处理您的请求时出错，工作人员已收到记录，请稍后再试。"),
}


def _api(request):
    return request.path.startswith("/api/")


def _answer(request, status, message=None):
    title, default = MESSAGES[status]
    message = message or default
    if _api(request):
        return JsonResponse({"detail": message}, status=status)
    return render(request, f"{status}.html", {"title": title, "message": message}, status=status)


def bad_request(request, exception=None):
    return _answer(request, 400)


def forbidden(request, exception=None):
    # A PermissionDenied raised with a Chinese sentence says why; Django's own (CSRF) do not.
    text = str(exception) if exception else ""
    return _answer(request, 403, text if text and not text.isascii() else None)


def not_found(request, exception=None):
    return _answer(request, 404)


def server_error(request):
    title, message = MESSAGES[500]
    if _api(request):
        return JsonResponse({"detail": message}, status=500)
    html = loader.get_template("500.html").render({"title": title, "message": message})
    return HttpResponse(html, status=500, content_type="text/html; charset=utf-8")
