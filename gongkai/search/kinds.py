"""What the site search finds: publishing documents and, beside them, the other things the
public may read — consultations, hearings, meetings, answered questions, press conferences,
the rows of the public lists and published enforcement decisions.

Each *source* knows one model's public face: which of its items anyone may read now, what of
an item is indexed (only what its public page shows: masked copies, never personal data or
unpublished text), and how a hit is listed. An item is indexed under a key that keeps the
sources apart in the one index (`key`); documents keep their own ids as keys. The outbox
(`IndexOperation.kind`) names the source of each change.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse

from gongkai.core.clock import local_date

from . import sources
from .engine import SearchDoc

# Item ids stay below 2**40; the source's code sits above them.
KEY_BITS = 40
DOCUMENT = "document"


def key(source: str, pk: int) -> int:
    return (SOURCES[source].code << KEY_BITS) | pk


def split(index_key: int) -> tuple[str, int]:
    return _BY_CODE[index_key >> KEY_BITS], index_key & ((1 << KEY_BITS) - 1)


@dataclass(frozen=True)
class Listed:
    """A hit that is not a document, with the attributes the results page and the API read
    of a document left blank."""

    pk: int
    kind: str
    title: str
    url: str
    unit: object
    published_on: date
    doc_number: str = ""
    index_number: str = ""
    doc_type: str = ""
    doc_type_label: str = ""
    validity: str = ""
    validity_label: str = ""
    date_written: date | None = None

    def get_absolute_url(self) -> str:
        return self.url


class Source:
    """One model's public face. Subclasses say which items are public, what is indexed of an
    item and where its page is; batches cost a fixed number of queries."""

    name = ""
    code = 0
    kind = ""
    # The path from the model to the unit it belongs to.
    unit_path = "unit"
    related = ("unit",)

    def public(self):
        raise NotImplementedError

    def of_units(self, unit_ids):
        """Items of these units that may be in the index (whatever the units' state now)."""
        return self.public().model.objects.filter(**{f"{self.unit_path}__in": unit_ids})

    def fields(self, item, batch) -> dict:
        raise NotImplementedError

    def published_on(self, item) -> date:
        raise NotImplementedError

    def url(self, item) -> str:
        return item.get_absolute_url()

    def batch_data(self, items) -> dict:
        """Whatever `fields` needs beyond the items themselves, for a batch at once."""
        return {}

    def kind_of(self, item) -> str:
        return self.kind

    # -- reading batches ---------------------------------------------------

    def _queryset(self):
        return self.public().select_related(*self.related)

    def load(self, pks: Iterable[int]) -> dict[int, SearchDoc]:
        """The public items among `pks` as index entries, keyed by item id."""
        return {d.id: d for d in self.search_docs(self._queryset().filter(pk__in=list(pks)))}

    def iterate(self, batch_size: int = 500) -> Iterator[SearchDoc]:
        last = 0
        while True:
            batch = list(self._queryset().filter(pk__gt=last).order_by("pk")[:batch_size])
            if not batch:
                return
            yield from self.search_docs(batch)
            last = batch[-1].pk

    def count(self) -> int:
        return self.public().count()

    def search_docs(self, items) -> list[SearchDoc]:
        items = list(items)
        batch = self.batch_data(items)
        parents = _parents()
        return [
            SearchDoc(
                id=item.pk,
                published_on=self.published_on(item),
                unit_ids=sources._with_ancestors([self.unit_of(item).pk], parents),
                kind=self.kind_of(item),
                **self.fields(item, batch),
            )
            for item in items
        ]

    def listed(self, pks: Iterable[int]) -> dict[int, Listed]:
        """The public items among `pks`, as the results list them: one query."""
        items = self._queryset().filter(pk__in=list(pks))
        return {
            item.pk: Listed(
                pk=item.pk,
                kind=self.kind_of(item),
                title=self.list_title(item),
                url=self.url(item),
                unit=self.unit_of(item),
                published_on=self.published_on(item),
                doc_number=self.number(item),
            )
            for item in items
        }

    def list_title(self, item) -> str:
        return str(item)

    def number(self, item) -> str:
        return ""

    def unit_of(self, item):
        for part in self.unit_path.split("__"):
            item = getattr(item, part)
        return item


def _parents() -> dict[int, int | None]:
    from gongkai.units.models import Unit

    return dict(Unit.objects.values_list("id", "parent_id"))


def _lines(*parts) -> str:
    return "\n".join(p for p in parts if p)


class Consultations(Source):
    name = kind = "consultation"
    code = 1

    def public(self):
        from gongkai.participation.models import Consultation

        return Consultation.objects.published()

    def batch_data(self, items):
        """The groups the public page shows (those with a comment shown) with their
        dispositions: the representative text, the result and its reason — never names."""
        from gongkai.participation.models import CommentGroup, Moderation

        groups: dict[int, list[str]] = {}
        shown = (
            CommentGroup.objects.filter(
                consultation__in=[i.pk for i in items], comments__moderation=Moderation.SHOWN
            )
            .distinct()
            .order_by("number")
        )
        for group in shown:
            answer = ""
            if group.disposition:
                answer = f"{group.get_disposition_display()}：{group.reason}"
            groups.setdefault(group.consultation_id, []).append(
                _lines(group.representative, answer)
            )
        return groups

    def fields(self, item, batch):
        return {
            "title": item.title,
            "summary": item.explanation,
            "body": item.draft_text,
            "attachments_text": _lines(item.feedback_summary, *batch.get(item.pk, [])),
        }

    def published_on(self, item):
        return local_date(item.opened_at) if item.opened_at else item.starts_on

    def url(self, item):
        return reverse("participation:detail", args=[item.pk])

    def list_title(self, item):
        return item.title


class Hearings(Source):
    name = kind = "hearing"
    code = 2

    def public(self):
        from gongkai.decisions.models import Hearing

        return Hearing.objects.published()

    def fields(self, item, batch):
        from gongkai.decisions.models import HearingState

        held = item.state == HearingState.HELD
        return {
            "title": item.subject,
            "summary": item.description,
            "body": _lines(item.place, item.how_to_register),
            "attachments_text": item.outcome if held else "",
        }

    def published_on(self, item):
        return item.announced_on or local_date(item.held_at)

    def list_title(self, item):
        return item.subject


class Meetings(Source):
    name = kind = "meeting"
    code = 3

    def public(self):
        from gongkai.decisions.models import Meeting

        return Meeting.objects.published()

    def batch_data(self, items):
        from gongkai.decisions.models import AgendaItem

        agenda: dict[int, list] = {}
        for item in AgendaItem.objects.filter(meeting__in=[i.pk for i in items]).order_by(
            "meeting", "number"
        ):
            agenda.setdefault(item.meeting_id, []).append(item)
        return agenda

    def fields(self, item, batch):
        from gongkai.decisions.models import MeetingState

        items = batch.get(item.pk, [])
        held = item.state == MeetingState.HELD
        return {
            "title": item.title,
            "summary": item.place,
            "body": _lines(*(i.title for i in items)),
            "attachments_text": _lines(*(i.outcome for i in items)) if held else "",
        }

    def published_on(self, item):
        return item.results_on or item.announced_on or item.held_on

    def list_title(self, item):
        return item.title


class Questions(Source):
    """Answered questions and letters published with the asker's consent: the masked copies
    staff published (public_*), never the original text or the asker's details."""

    name = kind = "question"
    code = 4
    related = ("unit", "government")

    def public(self):
        from gongkai.interaction.models import Question

        return Question.objects.published()

    def of_units(self, unit_ids):
        from gongkai.interaction.models import Question

        return Question.objects.filter(Q(unit__in=unit_ids) | Q(government__in=unit_ids))

    def fields(self, item, batch):
        return {
            "title": item.public_subject,
            "summary": item.public_text,
            "body": item.public_answer,
        }

    def unit_of(self, item):
        # Answered by a unit, or (before assignment) by the government itself.
        return item.unit or item.government

    def published_on(self, item):
        return local_date(item.published_at) if item.published_at else item.answered_on

    def url(self, item):
        return reverse("interaction:detail", args=[item.pk])

    def list_title(self, item):
        return item.public_subject


class PressConferences(Source):
    name = kind = "press"
    code = 5

    def public(self):
        from gongkai.concerns.models import PressConference

        return PressConference.objects.published()

    def fields(self, item, batch):
        return {
            "title": item.title,
            "summary": item.topics,
            "body": _lines(item.speakers, item.transcript),
        }

    def published_on(self, item):
        return local_date(item.published_at) if item.published_at else local_date(item.held_at)

    def list_title(self, item):
        return item.title


# Lists whose rows name people (enforcement officers): searched on their own page only.
UNSEARCHED_LISTS = frozenset({"officers"})


class ListEntries(Source):
    """Rows of the lists' versions now in force; a new version replaces them all."""

    name = "list_entry"
    code = 6
    unit_path = "version__public_list__unit"
    related = ("version__public_list__unit",)

    def public(self):
        from gongkai.lists.models import Entry

        return Entry.objects.published().exclude(version__public_list__kind__in=UNSEARCHED_LISTS)

    def of_units(self, unit_ids):
        from gongkai.lists.models import Entry, PublicList

        current = PublicList.objects.filter(unit__in=unit_ids).values("current")
        return Entry.objects.filter(version__in=current)

    def kind_of(self, item):
        return item.version.public_list.kind

    def fields(self, item, batch):
        return {"title": self.list_title(item), "body": item.search_text}

    def list_title(self, item):
        data = item.data
        for column in ("name", "title", "function", "finding"):
            if data.get(column):
                return str(data[column])[:100]
        return item.key

    def published_on(self, item):
        return local_date(item.version.published_at)

    def url(self, item):
        public_list = item.version.public_list
        page = reverse("lists:unit", args=[public_list.kind, public_list.unit.code])
        return f"{page}?{urlencode({'q': item.key})}"


class EnforcementDecisions(Source):
    """Published decisions within their publication period; the party is indexed only when
    it is not a natural person (whose name the public page masks)."""

    name = kind = "enforcement"
    code = 7

    def public(self):
        from gongkai.enforcement.models import Decision

        return Decision.objects.published()

    def of_units(self, unit_ids):
        return super().of_units(unit_ids).exclude(published_at=None)

    def fields(self, item, batch):
        from gongkai.enforcement.models import PartyKind

        party = "" if item.party_kind == PartyKind.NATURAL_PERSON else item.shown_party[0]
        return {
            "title": item.title,
            "document_number": item.number,
            "summary": _lines(item.get_kind_display(), party),
            "body": _lines(item.facts, item.basis, item.outcome),
        }

    def published_on(self, item):
        return item.published_on or local_date(item.published_at)

    def url(self, item):
        return reverse("enforcement:detail", args=[item.pk])

    def list_title(self, item):
        return item.title

    def number(self, item):
        return item.number

    def expired(self, today, lookback_days: int):
        """Decisions whose publication period ended within the last `lookback_days` days."""
        from datetime import timedelta

        from gongkai.enforcement.models import Decision

        return Decision.objects.exclude(published_at=None).filter(
            public_until__lt=today, public_until__gte=today - timedelta(days=lookback_days)
        )


@dataclass(frozen=True)
class ListedUnit:
    """What a results list shows of a document hit's unit."""

    code: str
    short_name: str
    full_name: str


class Documents:
    """Publishing documents, read as before through `sources` (their own key space)."""

    name = kind = DOCUMENT
    code = 0
    # What the results page, the console's search and the API show of a document hit: only
    # these columns, read as rows (building twenty documents and their units cost twice the
    # query).
    LISTED_FIELDS = (
        "pk",
        "title",
        "published_at",
        "doc_number",
        "index_number",
        "doc_type",
        "validity",
        "date_written",
        "unit__code",
        "unit__short_name",
        "unit__full_name",
    )

    def listed(self, pks: Iterable[int]) -> dict[int, Listed]:
        """The published documents among `pks` (found by key, see `published_among`)."""
        from gongkai.publishing.models import Document, validity_label
        from gongkai.publishing.vocabularies import DOCUMENT_TYPE_LABELS

        rows = Document.objects.order_by().published_rows_among(pks, self.LISTED_FIELDS)
        return {
            row["pk"]: Listed(
                pk=row["pk"],
                kind=DOCUMENT,
                title=row["title"],
                url=Document.url_of(row["pk"]),
                unit=ListedUnit(row["unit__code"], row["unit__short_name"], row["unit__full_name"]),
                published_on=local_date(row["published_at"]),
                doc_number=row["doc_number"],
                index_number=row["index_number"] or "",
                doc_type=row["doc_type"],
                doc_type_label=DOCUMENT_TYPE_LABELS.get(row["doc_type"], ""),
                validity=row["validity"],
                validity_label=validity_label(row["validity"]),
                date_written=row["date_written"],
            )
            for row in rows
        }

    def load(self, pks):
        return sources.load_search_docs(pks)

    def iterate(self, batch_size: int = 500):
        return sources.iter_search_docs(batch_size)

    def count(self) -> int:
        return sources.published_count()


_ALL = (
    Documents(),
    Consultations(),
    Hearings(),
    Meetings(),
    Questions(),
    PressConferences(),
    ListEntries(),
    EnforcementDecisions(),
)
SOURCES = {s.name: s for s in _ALL}
_BY_CODE = {s.code: s.name for s in _ALL}
# Sources other than documents (which follow publishing's own signal).
ITEM_SOURCES = tuple(s for s in _ALL if s.name != DOCUMENT)


def _list_labels() -> dict[str, str]:
    from gongkai.lists.schemas import SCHEMAS

    return {k: s.label for k, s in SCHEMAS.items() if k not in UNSEARCHED_LISTS}


# Every kind a hit can be, in the order the kind filter offers them.
LABELS = {
    DOCUMENT: "文件",
    "consultation": "征求意见",
    "hearing": "听证",
    "meeting": "会议",
    "question": "问答",
    "press": "新闻发布会",
    **_list_labels(),
    "enforcement": "执法公示",
}
