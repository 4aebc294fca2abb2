"""The detail page holds one form per action; each must be usable on its own."""

import re

import pytest
from django.urls import reverse


@pytest.fixture
def page(submit, unit_a, editor_a, client_of, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 3)
    url = reverse("console-applications:detail", args=[application.pk])
    return client_of(editor_a).get(url).content.decode()


def test_every_field_on_the_detail_page_has_its_own_id(page):
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) > 20
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_date_fields_default_to_today_in_the_format_the_date_picker_reads(page):
    dates = re.findall(r'<input type="date"[^>]*>', page)
    assert dates
    assert all('value="2026-09-03"' in field for field in dates if "value=" in field)
    assert any('value="2026-09-03"' in field for field in dates)
