"""The demo district's lists are made through the import and review workflow."""

import io

import pytest

from gongkai.audit.models import AuditEvent
from gongkai.lists import demo, services
from gongkai.lists.models import ListVersion, PublicList


@pytest.fixture
def demo_district(db):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def test_demo_lists_are_imported_reviewed_and_revised(demo_district):
    demo.load(io.StringIO())
    published = PublicList.objects.published()
    assert set(published.values_list("unit__code", "kind")) == {
        (code, kind) for code, lists in demo.DEMO.items() for kind in lists
    }
    market = published.get(unit__code="scjgj", kind="powers")
    assert market.current.number == 2 and market.current.note == demo.REVISION_NOTE
    assert services.changes_in(market.current).summary == "新增 1 项，修改 1 项"
    # Every version went through an editor's import and another person's publication.
    for version in ListVersion.objects.published():
        imported = AuditEvent.objects.for_target(version).get(action="lists.import")
        published_by = AuditEvent.objects.for_target(version).get(action="lists.publish")
        assert imported.actor.username.endswith("-editor")
        assert published_by.actor.username.endswith("-reviewer")
    catalogue = published.get(unit__code="scjgj", kind="functions").current
    assert catalogue.entries.get(key="ZN-02").data["powers"] == "CF-001、QZ-001"


def test_loading_twice_adds_nothing(demo_district):
    demo.load(io.StringIO())
    count = ListVersion.objects.count()
    demo.load(io.StringIO())
    assert ListVersion.objects.count() == count
