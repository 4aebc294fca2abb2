from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from gongkai.lists import rules

register = template.Library()


@register.filter
def power_codes(value):
    return rules.split_codes(value)


@register.filter
def evidence_items(value):
    return rules.evidence_items(value)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key, "")


@register.filter
def row_label(row, schema):
    return f"{row.get(schema.key, '')} {rules.row_name(schema, row)}".strip()


@register.filter
def is_basis(key):
    return key in rules.BASIS_COLUMNS


@register.filter
def link_laws(value, laws):
    """The text, escaped, line breaks kept, each 《title》 of a law or rule published on the
    platform a link to it."""
    text = conditional_escape(value or "")
    for title in rules.law_titles(value):
        url = (laws or {}).get(title)
        if url:
            escaped = conditional_escape(f"《{title}》")
            text = text.replace(escaped, format_html('<a href="{}">{}</a>', url, f"《{title}》"))
    return mark_safe(text.replace("\n", "<br>"))  # noqa: S308 (escaped above)


@register.inclusion_tag("lists/_entry.html")
def entry_block(entry, powers, unit_code, laws=None, documents=None):
    entry.name = rules.row_name(entry.version.schema, entry.data)
    entry.depth = getattr(entry, "depth", 0)
    entry.depth_range = range(entry.depth)
    entry.rollup = getattr(entry, "rollup", "")
    entry.variance = getattr(entry, "variance", "")
    return {
        "entry": entry,
        "powers": powers,
        "unit_code": unit_code,
        "laws": laws,
        "documents": documents,
    }


@register.inclusion_tag("lists/_unit_lists.html")
def unit_lists(unit):
    """The unit's published lists, for its column's overview."""
    from gongkai.lists.models import PublicList

    found = PublicList.objects.published().filter(unit=unit).order_by("kind")
    return {"unit": unit, "lists": list(found)}
