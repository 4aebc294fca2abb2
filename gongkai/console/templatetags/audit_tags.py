from django import template

from gongkai.console.audit_sentences import sentence

register = template.Library()


@register.filter
def audit_sentence(event):
    """An audit event as a Chinese sentence (escaped by the template like any text)."""
    return sentence(event)
