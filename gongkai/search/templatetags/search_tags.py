"""Rendering the engine's highlighted text, and the items of the results list.

The engine HTML-escapes titles and snippets and adds nothing but ``<mark>``; the filter
checks exactly that before marking the text safe, and escapes anything else whole."""

import html
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from gongkai.search import kinds

register = template.Library()

_MARK_TAG = re.compile(r"</?mark>")


@register.filter
def highlighted(value):
    text = str(value or "")
    if re.search(r"[<>\"']", _MARK_TAG.sub("", text)):
        return escape(text)
    return mark_safe(text)  # noqa: S308 -- escaped text with <mark> only, checked above


@register.simple_tag
def result_items(rows):
    """The `<li>` of each (hit, document or other item) of a page of results. Written here
    rather than as a loop in the template, and with the standard library's escaping rather
    than format_html (whose lazy-string wrappers cost more than the escaping): a page's twenty
    items of a dozen values each were a fifth of a new search's time in the template engine."""
    return mark_safe("".join(_item(hit, d) for hit, d in rows))  # noqa: S308 -- escaped below


def _item(hit, d) -> str:
    meta = (
        f"{_text(kinds.LABELS.get(hit.kind, ''))} · {_text(d.unit.short_name)}"
        f" · 发布日期 {hit.published_on.isoformat()}"
    )
    if d.doc_number:
        meta += f" · 文号 {highlighted(hit.document_number_html)}"
    if d.validity:
        meta += f" · {_text(d.validity_label)}"
    if d.doc_type:
        meta += f" · {_text(d.doc_type_label)}"
    if d.index_number:
        meta += f" · 索引号 {_text(d.index_number)}"
    return (
        f'\n  <li>\n    <h2><a href="{_text(d.get_absolute_url())}">{highlighted(hit.title_html)}'
        f'</a></h2>\n    <p class="snippet">{highlighted(hit.snippet_html)}</p>'
        f'\n    <p class="meta muted">{meta}</p>\n  </li>'
    )


def _text(value) -> str:
    return html.escape(str(value))
