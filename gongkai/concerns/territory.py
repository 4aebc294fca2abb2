"""Territory and tier (属地管理、分级负责): which unit answers for an incident.

The unit tree knows governments and the units under them but not their tier, so the tier is
derived here: sub-districts, towns and zones are the township tier (乡镇、街道); a people's
government is a county (区县) unless governments sit under it (then a city, 市), or
governments with governments under them (a province, 省); every other unit has its
government's tier. An incident's level names the tier that answers for it; the responsible
unit is the territory's own government or the nearest one above it at that tier (or the
highest on this platform when that tier is not on it)."""

from django.db import models

from gongkai.units.models import Unit, UnitKind


class Tier(models.IntegerChoices):
    TOWNSHIP = 1, "乡镇（街道）级"
    COUNTY = 2, "县（区）级"
    CITY = 3, "市级"
    PROVINCE = 4, "省级"


TOWNSHIP_KINDS = frozenset({UnitKind.SUBDISTRICT, UnitKind.TOWN, UnitKind.ZONE})
# The units an incident may be located in: a territory is a government or a township.
TERRITORY_KINDS = TOWNSHIP_KINDS | {UnitKind.GOVERNMENT}


def _child_governments(unit):
    return Unit.objects.filter(kind=UnitKind.GOVERNMENT, parent__government=unit).exclude(
        pk=unit.pk
    )


def tier_of(unit) -> Tier:
    if unit.kind in TOWNSHIP_KINDS:
        return Tier.TOWNSHIP
    if unit.kind != UnitKind.GOVERNMENT:
        return tier_of(unit.government)
    below = list(_child_governments(unit))
    if not below:
        return Tier.COUNTY
    if any(_child_governments(g).exists() for g in below):
        return Tier.PROVINCE
    return Tier.CITY


def government_above(unit):
    """The territory one step up: a township's government, a government's parent government
    (None at the top of the platform)."""
    if unit.kind in TOWNSHIP_KINDS:
        return unit.government
    government = unit if unit.kind == UnitKind.GOVERNMENT else unit.government
    if government.parent_id is None:
        return None
    return government.parent.government


def responsible_unit(territory, tier: Tier):
    """The territory itself when its tier is at least `tier`, else the nearest government
    above it at `tier` (or the highest one on the platform)."""
    unit = territory
    while tier_of(unit) < tier:
        above = government_above(unit)
        if above is None:
            break
        unit = above
    return unit


def office_of(government):
    """The government's office (政府办公室) when it has one on the platform, else itself."""
    office = (
        Unit.objects.active()
        .filter(government=government, kind=UnitKind.GOVERNMENT_OFFICE)
        .order_by("display_order", "pk")
        .first()
    )
    return office or government


def escalation_target(unit):
    """Where a late incident goes: from a township to its government; from a department (or
    public enterprise) to its government's office; from a government or its office to the
    government above. None when there is nothing above on the platform."""
    if unit.kind in TOWNSHIP_KINDS:
        return unit.government
    if unit.kind in (UnitKind.DEPARTMENT, UnitKind.PUBLIC_ENTERPRISE):
        return office_of(unit.government)
    above = government_above(unit)
    return office_of(above) if above is not None else None
