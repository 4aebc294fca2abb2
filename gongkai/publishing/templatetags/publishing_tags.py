import re

from django import template
from django.utils.safestring import mark_safe

from gongkai.publishing.sanitize import clean_html

register = template.Library()


# A wide table scrolls inside its own box on a phone; the box is a labelled region with a tab
# stop so a keyboard user can scroll it too (WCAG 1.4.10, 2.1.1).
TABLE_REGION = (
    '<div class="table-scroll" role="region" aria-label="表格（可左右滑动）" tabindex="0">'
)


@register.filter
def clean_body(value):
    """Body HTML through the allow-list again at render time, so a row written by any path
    (import, admin, a migration) can never put script on the portal. Tables are wrapped in a
    scrolling region after sanitising, so the wrapper is ours and not the author's."""
    body = clean_html(value or "")
    body = re.sub(r"<table\b", TABLE_REGION + "<table", body)
    body = body.replace("</table>", "</table></div>")
    return mark_safe(body)  # noqa: S308 -- sanitised by nh3 above; the wrapper is fixed text
