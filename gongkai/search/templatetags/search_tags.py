"""Rendering the engine's highlighted text.

The engine HTML-escapes titles and snippets and adds nothing but ``<mark>``; this filter
checks exactly that before marking the text safe, and escapes anything else whole."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

_MARK_TAG = re.compile(r"</?mark>")


@register.filter
def highlighted(value):
    text = str(value or "")
    if re.search(r"[<>\"']", _MARK_TAG.sub("", text)):
        return escape(text)
    return mark_safe(text)  # noqa: S308 -- escaped text with <mark> only, checked above
