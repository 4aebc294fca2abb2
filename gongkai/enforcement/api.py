"""Published enforcement decisions as data, with the party masked exactly as on the page."""

from datetime import date

from ninja import Field, Query, Router, Schema

from gongkai.api.choices import choice

from .models import Decision, DecisionKind, PartyKind

router = Router(tags=["行政执法公示"])


class EnforcementDecisionOut(Schema):
    id: int
    unit: str
    unit_name: str
    kind: choice(DecisionKind.choices, "决定类别")
    number: str
    title: str
    party_kind: choice(PartyKind.choices, "当事人类型")
    party: str
    party_identifier: str
    facts: str
    basis: str
    result: str
    decided_on: date
    published_on: date
    due_on: date = Field(description="应公示的最后一天（决定之日起按工作日历计算的公示期限）")
    is_late: bool = Field(description="逾期公示：公示日期晚于应公示日期")
    public_until: date | None
    url: str


class EnforcementDecisionFilters(Schema):
    kind: choice(DecisionKind.choices, "决定类别", checked=True) | None = None
    unit: str | None = None


@router.get(
    "/enforcement-decisions", response=list[EnforcementDecisionOut], summary="公示中的行政执法决定"
)
def decisions(request, filters: Query[EnforcementDecisionFilters]):
    found = Decision.objects.published().select_related("unit")
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.unit:
        found = found.filter(unit__code=filters.unit)
    return [_out(d) for d in found[:500]]


def _out(d):
    party, identifier = d.shown_party
    return {
        "id": d.pk,
        "unit": d.unit.code,
        "unit_name": d.unit.full_name,
        "kind": d.kind,
        "number": d.number,
        "title": d.title,
        "party_kind": d.party_kind,
        "party": party,
        "party_identifier": identifier,
        "facts": d.facts,
        "basis": d.basis,
        "result": d.outcome,
        "decided_on": d.decided_on,
        "published_on": d.published_on,
        "due_on": d.due_on,
        "is_late": d.is_late,
        "public_until": d.public_until,
        "url": f"/enforcement/{d.pk}/",
    }
