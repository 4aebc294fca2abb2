"""决策公开 as data: the published catalogues of major decisions and each decision with its
steps and links."""

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from gongkai.api.choices import choice

from .models import Catalogue, Decision, DecisionState, StepKind
from .presentation import decision_links

router = Router(tags=["决策公开"])


class StepOut(Schema):
    kind: choice(StepKind.choices, "决策程序")
    label: str
    required: bool
    planned_on: date | None
    done_on: date | None
    note: str


class DecisionSummary(Schema):
    id: int
    number: int
    title: str
    unit: str
    unit_name: str
    state: choice(DecisionState.choices, "进展")
    url: str


class DecisionOut(DecisionSummary):
    government: str
    year: int
    legal_basis: str
    summary: str
    planned_on: date | None
    decided_on: date | None
    published_on: date | None
    adjustment_reason: str
    withdrawal_reason: str
    steps: list[StepOut]
    document_url: str | None
    interpretation_urls: list[str]
    consultation_urls: list[str]


class CatalogueSummary(Schema):
    government: str
    government_name: str
    year: int
    published_on: date
    decisions: int
    url: str


class CatalogueOut(CatalogueSummary):
    note: str
    items: list[DecisionSummary]


def _catalogue(c, count, items=None):
    out = {
        "government": c.government.code,
        "government_name": c.government.full_name,
        "year": c.year,
        "published_on": c.published_on,
        "decisions": count,
        "url": c.get_absolute_url(),
        "note": c.note,
    }
    if items is not None:
        out["items"] = [_summary(d) for d in items]
    return out


def _summary(d):
    return {
        "id": d.pk,
        "number": d.number,
        "title": d.title,
        "unit": d.unit.code,
        "unit_name": d.unit.full_name,
        "state": d.state,
        "url": d.get_absolute_url(),
    }


@router.get(
    "/decision-catalogues", response=list[CatalogueSummary], summary="已公布的重大行政决策事项目录"
)
def catalogues(request):
    found = Catalogue.objects.published().select_related("government")
    return [_catalogue(c, c.decisions.count()) for c in found]


@router.get(
    "/decision-catalogues/{code}/{year}", response=CatalogueOut, summary="一份目录及其决策事项"
)
def catalogue(request, code: str, year: int):
    found = get_object_or_404(
        Catalogue.objects.published().select_related("government"),
        government__code=code,
        year=year,
    )
    items = list(Decision.objects.published().filter(catalogue=found).select_related("unit"))
    return _catalogue(found, len(items), items)


@router.get("/major-decisions/{decision_id}", response=DecisionOut, summary="一项重大行政决策")
def decision(request, decision_id: int):
    d = get_object_or_404(
        Decision.objects.published().select_related("catalogue__government", "unit", "document"),
        pk=decision_id,
    )
    links = decision_links(d)
    return {
        **_summary(d),
        "government": d.catalogue.government.code,
        "year": d.catalogue.year,
        "legal_basis": d.legal_basis,
        "summary": d.summary,
        "planned_on": d.planned_on,
        "decided_on": d.decided_on,
        "published_on": d.published_on,
        "adjustment_reason": d.adjustment_reason,
        "withdrawal_reason": d.withdrawal_reason,
        "steps": [
            {
                "kind": s.kind,
                "label": s.get_kind_display(),
                "required": s.required,
                "planned_on": s.planned_on,
                "done_on": s.done_on,
                "note": s.note,
            }
            for s in d.steps.all()
        ],
        "document_url": links["document"].get_absolute_url() if links["document"] else None,
        "interpretation_urls": [x.get_absolute_url() for x in links["interpretations"]],
        "consultation_urls": [x.get_absolute_url() for x in links["consultations"]],
    }
