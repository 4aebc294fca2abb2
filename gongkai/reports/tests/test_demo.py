"""The demo district has published reports for the previous year, whenever it is loaded."""

import io

import pytest

from gongkai.reports import demo
from gongkai.reports.models import AnnualReport
from gongkai.units.models import Unit


@pytest.fixture
def demo_district(db):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.units import demo as units_demo

    for module in (units_demo, accounts_demo):
        module.load(io.StringIO())


def test_demo_publishes_every_units_report_for_the_previous_year(demo_district, at):
    at(2027, 2, 10)
    demo.load(io.StringIO())
    units = Unit.objects.active()
    published = AnnualReport.objects.published()
    assert set(published.values_list("year", flat=True)) == {2026}
    assert set(published.values_list("unit", flat=True)) == set(units.values_list("pk", flat=True))
    aggregate = published.get(unit__code=demo.GOVERNMENT_CODE)
    assert aggregate.licensing_decisions == sum(
        report.licensing_decisions for report in published.exclude(pk=aggregate.pk)
    )
    demo.load(io.StringIO())
    assert AnnualReport.objects.count() == published.count()
