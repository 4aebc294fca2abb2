"""Every public page that is the same for every reader, and which of them a change touches.

This is the one place that knows the static part of the site: the renderer writes exactly
these pages (`all_pages`), and a change re-renders only the pages `affected` names. Pages
that depend on the reader or on a query (search, application forms and status, filtered
listings, the console, the API) are not here and are always answered by the application.
"""

import datetime

from django.urls import reverse

from gongkai.concerns.models import PressConference
from gongkai.core.clock import local_today
from gongkai.decisions.models import Catalogue, Hearing, Meeting
from gongkai.decisions.models import Decision as MajorDecision
from gongkai.enforcement.models import Decision as EnforcementDecision
from gongkai.interaction.models import FaqEntry, Question
from gongkai.lists.models import ListVersion, PublicList
from gongkai.lists.schemas import SCHEMAS as LIST_SCHEMAS
from gongkai.publishing import vocabularies as v
from gongkai.publishing.models import Document, DocumentLink
from gongkai.reports.models import AnnualReport
from gongkai.units.models import Unit

from .models import RenderOperation

Subject = RenderOperation.Subject


def site_pages() -> list[str]:
    """Pages that list across units: they change with any publication or unit change."""
    return [
        reverse("portal:home"),
        reverse("portal:directory"),
        reverse("publishing:policies"),
        reverse("publishing:contingency-plans"),
        reverse("publishing:sitemap"),
        reverse("publishing:robots"),
    ]


def furniture_pages() -> list[str]:
    """The portal's furniture: the human site map (every unit and its column), 联系我们 (each
    government's openness office) and the accessibility statement. Documents do not show on
    them; units do."""
    return [
        reverse("portal:site-map"),
        reverse("portal:contact"),
        reverse("portal:accessibility"),
    ]


def report_index_page() -> str:
    """Every published annual report by year (its ?year= views are dynamic)."""
    return reverse("reports:index")


def applying_pages() -> list[str]:
    """The 申请须知 with its flow chart: it explains the application policy in force (the
    received date of an online application on a non-working day, fees stopping the clock)."""
    return [reverse("applications:notice")]


def unit_pages(code: str) -> list[str]:
    """A unit's column: its overview, four parts and its feed."""
    return [
        reverse("portal:unit", args=[code]),
        reverse("portal:column-guide", args=[code]),
        reverse("portal:column-rules", args=[code]),
        reverse("portal:column-statutory", args=[code]),
        reverse("portal:column-reports", args=[code]),
        reverse("publishing:feed-unit", args=[code]),
    ]


def list_site_pages() -> list[str]:
    """The lists' index, and per kind its page across units and its feed."""
    pages = [reverse("lists:index"), reverse("lists:halls")]
    for kind in LIST_SCHEMAS:
        pages += [reverse("lists:kind", args=[kind]), reverse("lists:feed", args=[kind])]
    return pages


def list_unit_pages(code: str) -> list[str]:
    """A unit's published lists: each current list, its history and every version."""
    pages = []
    kinds = PublicList.objects.published().filter(unit__code=code).values_list("kind", flat=True)
    for kind in kinds:
        pages += [
            reverse("lists:unit", args=[kind, code]),
            reverse("lists:history", args=[kind, code]),
        ]
    numbers = ListVersion.objects.published().filter(public_list__unit__code=code)
    for kind, number in numbers.values_list("public_list__kind", "number"):
        pages.append(reverse("lists:version", args=[kind, code, number]))
    return pages


def decision_pages() -> list[str]:
    """决策公开: the index, each published catalogue of major decisions and each decision in it,
    the hearings and the open meetings with their feeds (a hearing's registration form is not:
    it answers whether registration is open today). Their changes enqueue the decisions subject
    (few pages, changed rarely)."""
    pages = [
        reverse("decisions:index"),
        reverse("decisions:hearings"),
        reverse("decisions:hearings-feed"),
        reverse("decisions:meetings"),
        reverse("decisions:meetings-feed"),
    ]
    for pk in Hearing.objects.published().values_list("pk", flat=True):
        pages.append(reverse("decisions:hearing", args=[pk]))
    for pk in Meeting.objects.published().values_list("pk", flat=True):
        pages.append(reverse("decisions:meeting", args=[pk]))
    for code, year in Catalogue.objects.published().values_list("government__code", "year"):
        pages.append(reverse("decisions:catalogue", args=[code, year]))
    decisions = MajorDecision.objects.published().values_list(
        "catalogue__government__code", "catalogue__year", "number"
    )
    pages += [reverse("decisions:decision", args=list(key)) for key in decisions]
    return pages


def consultation_list_pages() -> list[str]:
    """The consultations' list and the feed of those open for comment: both change with the
    date alone too (a draft's period starts and ends)."""
    return [reverse("participation:list"), reverse("participation:feed")]


def consultation_pages(code: str) -> list[str]:
    """The consultations' list pages and the pages of a unit's published consultations (the
    draft, its comment groups and, once closed, the feedback report). The comment form is
    dynamic."""
    return [*consultation_list_pages(), *consultation_unit_pages(code)]


def consultation_unit_pages(code: str) -> list[str]:
    from gongkai.participation.models import Consultation

    pages = []
    found = Consultation.objects.published().filter(unit__code=code)
    for pk in found.values_list("pk", flat=True).order_by("pk"):
        pages.append(reverse("participation:detail", args=[pk]))
    return pages


def enforcement_site_pages() -> list[str]:
    """The enforcement decisions' public list and its feed (行政执法公示)."""
    return [reverse("enforcement:list"), reverse("enforcement:feed")]


def enforcement_page(decision_id: int) -> str:
    return reverse("enforcement:detail", args=[decision_id])


def enforcement_unit_pages(unit_id: int) -> list[str]:
    """Every decision of the unit that was ever published: the public ones are rendered, the
    revoked or expired ones answer 404 and their copies are removed."""
    ids = EnforcementDecision.objects.filter(
        unit_id=unit_id, published_at__isnull=False
    ).values_list("id", flat=True)
    return [enforcement_page(i) for i in ids]


def flagged_list_pages() -> list[str]:
    """The lists whose rows are flagged by the date alone (a milestone passing unmet, an
    answer or a rectification falling due): their page across units and each unit's."""
    kinds = [kind for kind, schema in LIST_SCHEMAS.items() if schema.extra.get("variance")]
    published = PublicList.objects.published().filter(kind__in=kinds)
    return [reverse("lists:kind", args=[kind]) for kind in kinds] + [
        reverse("lists:unit", args=[kind, code])
        for kind, code in published.values_list("kind", "unit__code").order_by("kind", "unit")
    ]


def dated_pages(since: str) -> list[str]:
    """Pages that change with the date alone, once the China date has moved on from `since`
    (ISO date of the renderer's last run): the site pages (the policy library as of today),
    the enforcement list and feed, the consultations open for comment, the decisions whose
    publication period ended since, and the lists that flag what is late."""
    pages = site_pages() + enforcement_site_pages() + consultation_list_pages()
    pages += flagged_list_pages()
    ended = EnforcementDecision.objects.filter(
        published_at__isnull=False,
        public_until__gte=datetime.date.fromisoformat(since),
        public_until__lt=local_today(),
    ).values_list("id", flat=True)
    return pages + [enforcement_page(i) for i in ended]


def interaction_pages() -> list[str]:
    """政民互动: the list of published questions and answers (its ?q= views are dynamic) and its
    feed, each published question, and the FAQ of every unit that has one."""
    pages = [reverse("interaction:index"), reverse("interaction:feed")]
    for pk in Question.objects.published().values_list("id", flat=True).order_by("id"):
        pages.append(reverse("interaction:detail", args=[pk]))
    return pages + _faq_pages()


def _faq_pages() -> list[str]:
    # Every unit that ever had an entry: a page whose last entry was retired says so.
    codes = FaqEntry.objects.values_list("unit__code", flat=True).distinct()
    return [reverse("interaction:faq", args=[code]) for code in sorted(codes)]


def concerns_pages(*, withdrawn=False) -> list[str]:
    """回应关切: the published responses (documents of the 回应 kind), the press conferences
    and each published conference's record (with `withdrawn`, also those withdrawn, whose
    copies a change must remove)."""
    pages = [reverse("concerns:responses"), reverse("concerns:press-list")]
    conferences = PressConference.objects.published()
    if withdrawn:
        conferences = PressConference.objects.exclude(state="draft")
    for pk in conferences.values_list("pk", flat=True).order_by("pk"):
        pages.append(reverse("concerns:press", args=[pk]))
    return pages


def document_pages(document_id: int) -> list[str]:
    return [
        reverse("publishing:document", args=[document_id]),
        reverse("publishing:document-print", args=[document_id]),
    ]


def report_page(code: str, year: int) -> str:
    return reverse("reports:report", args=[code, year])


def category_feed(category: str) -> str:
    return reverse("publishing:feed-category", args=[category])


def all_pages() -> list[str]:
    """Every static page as the database stands now (for a full rebuild)."""
    pages = site_pages() + furniture_pages() + applying_pages() + [report_index_page()]
    pages += interaction_pages()
    pages += [category_feed(key) for key in v.STATUTORY_LABELS]
    pages += list_site_pages()
    pages += decision_pages()
    pages += enforcement_site_pages()
    public = EnforcementDecision.objects.published().values_list("id", flat=True)
    pages += [enforcement_page(i) for i in public]
    pages += concerns_pages()
    for code in Unit.objects.active().values_list("code", flat=True):
        pages += unit_pages(code)
        pages += list_unit_pages(code)
        pages += consultation_unit_pages(code)
    pages += consultation_list_pages()
    for code, year in AnnualReport.objects.published().values_list("unit__code", "year"):
        pages.append(report_page(code, year))
    for document_id in Document.objects.public().values_list("id", flat=True).order_by("id"):
        pages += document_pages(document_id)
    return pages


def affected(subject: str, object_id: int | None) -> set[str]:
    """The pages that show `subject`: what a change to it must re-render (or remove)."""
    try:
        pages_of = _AFFECTED[subject]
    except KeyError:
        raise ValueError(f"unknown render subject {subject!r}") from None
    return pages_of(object_id)


def _site_affected(_object_id) -> set[str]:
    # Site-wide settings: the application policy is explained on the 申请须知.
    return set(site_pages()) | set(applying_pages())


def _interaction_affected(question_id: int | None) -> set[str]:
    # Publications and FAQ changes name the question whose page changed: a withdrawn one
    # answers 404 and its copy is removed.
    pages = {reverse("interaction:index"), reverse("interaction:feed"), *_faq_pages()}
    if question_id is not None:
        pages.add(reverse("interaction:detail", args=[question_id]))
    return pages


def _enforcement_affected(decision_id: int) -> set[str]:
    # Published or revoked: its page (gone when revoked), the list and the feed.
    return set(enforcement_site_pages()) | {enforcement_page(decision_id)}


def _document_affected(document_id: int) -> set[str]:
    pages = set(document_pages(document_id))
    document = (
        Document.objects.filter(pk=document_id)
        .only("unit__code", "statutory_category", "interprets_id")
        .select_related("unit")
        .first()
    )
    if document is None:
        return pages
    pages.update(site_pages())
    pages.update(concerns_pages())
    for code in [document.unit.code, *document.co_issuers.values_list("code", flat=True)]:
        pages.update(unit_pages(code))
    # A consultation's page links its final document once that is published.
    pages.update(consultation_pages(document.unit.code))
    if document.statutory_category:
        pages.add(category_feed(document.statutory_category))
    # Pages of related documents name this one: the interpreted policy lists its
    # interpretations, and linked documents show each other's titles and validity.
    related = set(Document.objects.filter(interprets_id=document_id).values_list("id", flat=True))
    if document.interprets_id:
        related.add(document.interprets_id)
    related.update(
        DocumentLink.objects.filter(source_id=document_id).values_list("target_id", flat=True)
    )
    related.update(
        DocumentLink.objects.filter(target_id=document_id).values_list("source_id", flat=True)
    )
    for other in related - {document_id}:
        pages.update(document_pages(other))
    # A major decision's page names its published decision and that decision's
    # interpretations.
    linked = MajorDecision.objects.published().filter(document_id__in=related | {document_id})
    for key in linked.values_list("catalogue__government__code", "catalogue__year", "number"):
        pages.add(reverse("decisions:decision", args=list(key)))
    # A meeting's page names the interpretations of its decisions.
    meetings = Meeting.objects.published().filter(items__interpretation_id=document_id)
    for pk in meetings.values_list("pk", flat=True).distinct():
        pages.add(reverse("decisions:meeting", args=[pk]))
    return pages


def _unit_affected(unit_id: int) -> set[str]:
    unit = Unit.objects.filter(pk=unit_id).only("code", "kind").first()
    if unit is None:
        return set(site_pages()) | set(furniture_pages()) | {report_index_page()}
    if unit.is_government:
        # A government's website identifiers are in the footer of its units' pages.
        return set(all_pages())
    # A unit's name shows on its column, its documents, its reports and the site's lists;
    # a merged or deactivated unit's pages are removed (the application redirects them).
    pages = set(site_pages()) | set(unit_pages(unit.code)) | set(furniture_pages())
    pages.add(report_index_page())
    # Publishing a list enqueues its unit: its list pages and the lists' shared pages.
    pages |= set(list_site_pages()) | set(list_unit_pages(unit.code))
    # A consultation's change enqueues its unit: the list and the unit's consultations.
    pages |= set(consultation_pages(unit.code))
    # The unit's name is on its enforcement decisions too.
    pages |= set(enforcement_site_pages()) | set(enforcement_unit_pages(unit.pk))
    # The pages of the major decisions the unit is responsible for list its consultations
    # and name it.
    decisions = MajorDecision.objects.published().filter(unit=unit)
    for key in decisions.values_list("catalogue__government__code", "catalogue__year", "number"):
        pages.add(reverse("decisions:decision", args=list(key)))
    for document_id in Document.objects.public().filter(unit=unit).values_list("id", flat=True):
        pages.update(document_pages(document_id))
    for year in AnnualReport.objects.public().filter(unit=unit).values_list("year", flat=True):
        pages.add(report_page(unit.code, year))
    return pages


def _list_affected(unit_id: int) -> set[str]:
    """A unit's list published: its list pages, the lists' shared pages and its overview,
    which links its lists — not the whole site, even for a government's lists."""
    code = Unit.objects.filter(pk=unit_id).values_list("code", flat=True).first()
    if code is None:
        return set(list_site_pages())
    return (
        set(list_site_pages()) | set(list_unit_pages(code)) | {reverse("portal:unit", args=[code])}
    )


def _consultation_affected(consultation_id: int) -> set[str]:
    """The consultations' list and feed, the consultation's page and the major decision's page that
    lists it (a withdrawn or unpublished one's copy is removed: its page answers 404)."""
    from gongkai.participation.models import Consultation

    pages = {*consultation_list_pages(), reverse("participation:detail", args=[consultation_id])}
    drafted_for = Consultation.objects.filter(pk=consultation_id).values("decision_id")
    decisions = MajorDecision.objects.published().filter(pk__in=drafted_for)
    for key in decisions.values_list("catalogue__government__code", "catalogue__year", "number"):
        pages.add(reverse("decisions:decision", args=list(key)))
    return pages


def _report_affected(report_id: int) -> set[str]:
    report = AnnualReport.objects.filter(pk=report_id).select_related("unit").first()
    if report is None:
        return set()
    return {
        reverse("portal:column-reports", args=[report.unit.code]),
        report_page(report.unit.code, report.year),
        report_index_page(),
    }


_AFFECTED = {
    Subject.ALL: lambda _object_id: set(all_pages()),
    Subject.SITE: _site_affected,
    Subject.DOCUMENT: _document_affected,
    Subject.UNIT: _unit_affected,
    Subject.REPORT: _report_affected,
    Subject.ENFORCEMENT: _enforcement_affected,
    Subject.LIST: _list_affected,
    Subject.CONSULTATION: _consultation_affected,
    Subject.DECISIONS: lambda _object_id: set(decision_pages()),
    Subject.INTERACTION: _interaction_affected,
    # Press conferences published or withdrawn.
    Subject.CONCERNS: lambda _object_id: set(concerns_pages(withdrawn=True)),
}
