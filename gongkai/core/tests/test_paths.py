"""Links reversed once per process (gongkai.core.paths) are the links Django's reverse()
gives, under whatever script prefix the site is served."""

import pytest
from django.urls import get_script_prefix, reverse, set_script_prefix

from gongkai.core import paths


@pytest.mark.parametrize("name", ["portal:home", "portal:directory", "search:results"])
def test_a_fixed_link_is_the_reversed_one(name):
    assert paths.fixed(name) == reverse(name)
    assert paths.fixed(name) == reverse(name)  # and again, from the process's memory


@pytest.mark.parametrize("number", [1, 42, 987654321, 10**12])
def test_a_link_with_a_number_is_the_reversed_one(number):
    expected = reverse("publishing:document", args=[number])
    assert paths.with_number("publishing:document", number) == expected


def test_under_a_script_prefix_the_links_carry_it():
    assert paths.fixed("portal:home") == "/"
    assert paths.with_number("publishing:document", 7) == "/documents/7/"
    previous = get_script_prefix()
    set_script_prefix("/gongkai/")
    try:
        assert paths.fixed("portal:home") == "/gongkai/"
        assert paths.with_number("publishing:document", 7) == "/gongkai/documents/7/"
    finally:
        set_script_prefix(previous)
    assert paths.fixed("portal:home") == "/"
