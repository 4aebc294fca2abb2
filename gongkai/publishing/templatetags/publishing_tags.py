from django import template
from django.utils.safestring import mark_safe

from gongkai.publishing.sanitize import clean_html

register = template.Library()


@register.filter
def clean_body(value):
    """Body HTML through the allow-list again at render time, so a row written by any path
    (import, admin, a migration) can never put script on the portal."""
    return mark_safe(clean_html(value or ""))  # noqa: S308 -- sanitised by nh3 just above
