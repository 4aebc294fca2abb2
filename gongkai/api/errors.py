"""Every API error is JSON with a Chinese ``detail``, whatever raised it: the request's own
validation (422, with the field and what is wrong with it), not found (404), refused (403),
too many requests (429). Anything unexpected goes on to Django, which logs it and answers
with portal.errors.server_error: JSON under /api/, and the traceback never leaves."""

import json

import ninja.parser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

# pydantic's error types, said in Chinese; anything else is "取值无效".
_TYPES = {
    "missing": "必须填写",
    "string_type": "应为文本",
    "string_unicode": "应为有效的 Unicode 文本",
    "string_too_long": "过长",
    "string_too_short": "过短",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_type": "应为日期（YYYY-MM-DD）",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "datetime_parsing": "应为日期时间",
    "enum": "不是可选的值之一",
    "literal_error": "不是可选的值之一",
    "json_invalid": "不是有效的 JSON",
    "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象",
    "list_type": "应为列表",
    "greater_than_equal": "过小",
    "less_than_equal": "过大",
    "value_error": "取值无效",
}


def _field(loc):
    # ("body", "payload", "tracking_number") → "tracking_number"; the request part is noise.
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "请求"


def _message(error):
    bounds = error.get("ctx") or {}
    if error.get("type") == "less_than_equal" and "le" in bounds:
        return f"不能大于 {bounds['le']}"
    if error.get("type") == "greater_than_equal" and "ge" in bounds:
        return f"不能小于 {bounds['ge']}"
    return _TYPES.get(error.get("type"), "取值无效")


def validation_messages(errors):
    return [{"field": _field(e.get("loc", ())), "message": _message(e)} for e in errors]


class Parser(ninja.parser.Parser):
    """JSON bodies as ninja reads them, refusing text no database or file can store: a lone
    surrogate (``"\\ud800"``) is valid JSON but not valid Unicode, and would fail deep in a
    service with a 500."""

    def parse_body(self, request):
        data = super().parse_body(request)
        try:
            json.dumps(data, ensure_ascii=False).encode()
        except UnicodeEncodeError:
            raise ValidationError(
                [{"loc": ("body",), "type": "string_unicode", "msg": "lone surrogate"}]
            ) from None
        return data


def install(api):
    def respond(request, detail, status, **extra):
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        messages = validation_messages(exc.errors)
        said = "；".join(f"{m['field']}：{m['message']}" for m in messages)
        return respond(request, f"请求参数有误：{said}", 422, errors=messages)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, "没有找到请求的内容。", 404)

    @api.exception_handler(PermissionDenied)
    def refused(request, exc):
        text = str(exc)
        return respond(request, text if text and not text.isascii() else "无权执行此操作。", 403)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(request, "需要有效的 API 令牌。", 401)

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        return respond(request, "请求过于频繁，请稍后再试。", 429)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        text = str(exc)
        if text.isascii():  # ninja's own English sentences
            text = {
                400: "请求内容无法解析：请发送有效的 UTF-8 JSON。",
                401: "需要有效的 API 令牌。",
                403: "无权执行此操作。",
                404: "没有找到请求的内容。",
                429: "请求过于频繁，请稍后再试。",
            }.get(exc.status_code, "请求无法处理。")
        return respond(request, text, exc.status_code)
