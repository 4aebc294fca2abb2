"""Paths reversed once per process instead of once per link.

A URL's path depends only on the URL map, the script prefix and, for a page of one record,
the record's number; Django's `reverse()` works it out again at every call (tens of
microseconds), and a public page has dozens of fixed links plus one per listed record. Here
each pattern is reversed once with a marker number and the number is put in its place.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse

# Any number: only its place in the reversed path is used.
_MARKER = 987654321


def fixed(name: str) -> str:
    """`reverse(name)` of a pattern that takes no argument."""
    return _reversed(name, get_urlconf(), get_script_prefix())


def with_number(name: str, number: int) -> str:
    """`reverse(name, args=[number])` of a pattern whose one argument is an integer."""
    before, after = _halves(name, get_urlconf(), get_script_prefix())
    return f"{before}{int(number)}{after}"


# The URL map and the script prefix are arguments so that a request with its own URL map, or
# a deployment under a sub-path, never gets another one's path; a test that changes the
# default URL map forgets them all.
@functools.lru_cache(maxsize=512)
def _reversed(name: str, urlconf, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


@functools.lru_cache(maxsize=512)
def _halves(name: str, urlconf, prefix: str) -> tuple[str, str]:
    path = reverse(name, args=[_MARKER], urlconf=urlconf)
    before, _marker, after = path.partition(str(_MARKER))
    return before, after


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()
        _halves.cache_clear()
