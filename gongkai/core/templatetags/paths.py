"""`{% fixed_url 'portal:home' %}`: the same as `{% url %}` for a pattern without arguments,
reversed once per process (`gongkai.core.paths`) — for the links every public page carries."""

from django import template

from gongkai.core import paths

register = template.Library()


@register.simple_tag
def fixed_url(name):
    return paths.fixed(name)
