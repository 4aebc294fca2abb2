"""Published responses to public concerns and press-conference records, as data. Incidents
themselves are internal and have no public endpoint."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from gongkai.publishing import vocabularies as v
from gongkai.publishing.models import Document

from .models import PressConference

router = Router(tags=["回应关切"])
LIMIT = 500


class ResponseOut(Schema):
    id: int
    title: str
    summary: str
    unit: str
    unit_name: str
    index_number: str | None
    published_at: datetime
    url: str


class DocumentRef(Schema):
    id: int
    title: str
    url: str


class PressConferenceOut(Schema):
    id: int
    title: str
    unit: str
    unit_name: str
    held_at: datetime
    place: str
    speakers: list[str]
    topics: str
    url: str


class PressConferenceDetail(PressConferenceOut):
    transcript: str
    documents: list[DocumentRef]


@router.get("/concerns/responses", response=list[ResponseOut], summary="已发布的回应关切")
def responses(request):
    found = Document.objects.published().filter(doc_type=v.RESPONSE).select_related("unit")
    return [
        {
            "id": d.pk,
            "title": d.title,
            "summary": d.summary,
            "unit": d.unit.code,
            "unit_name": d.unit.full_name,
            "index_number": d.index_number,
            "published_at": d.published_at,
            "url": d.get_absolute_url(),
        }
        for d in found[:LIMIT]
    ]


def _conference(c):
    return {
        "id": c.pk,
        "title": c.title,
        "unit": c.unit.code,
        "unit_name": c.unit.full_name,
        "held_at": c.held_at,
        "place": c.place,
        "speakers": c.speaker_lines(),
        "topics": c.topics,
        "url": c.get_absolute_url(),
    }


@router.get("/concerns/press-conferences", response=list[PressConferenceOut], summary="新闻发布会")
def press_conferences(request):
    found = PressConference.objects.published().select_related("unit")
    return [_conference(c) for c in found[:LIMIT]]


@router.get(
    "/concerns/press-conferences/{conference_id}",
    response=PressConferenceDetail,
    summary="新闻发布会记录（含文字实录和相关文件）",
)
def press_conference(request, conference_id: int):
    c = get_object_or_404(
        PressConference.objects.published().select_related("unit"), pk=conference_id
    )
    documents = Document.objects.published().filter(pk__in=c.documents.values("pk"))
    return {
        **_conference(c),
        "transcript": c.transcript,
        "documents": [
            {"id": d.pk, "title": d.title, "url": d.get_absolute_url()} for d in documents
        ],
    }
