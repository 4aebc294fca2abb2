"""Public pages of proactive disclosure: the unit's column (guide, rules, statutory content),
document pages, the district policy library, feeds, sitemap and robots.txt."""

from datetime import date

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from gongkai.accounts import scoping
from gongkai.core.clock import local_today
from gongkai.core.exports import SafeWriter
from gongkai.pages.units import unit_page
from gongkai.units.models import Unit

from . import vocabularies as v
from .forms import ListingFilterForm
from .models import (
    Column,
    Document,
    DocumentLink,
    DocumentState,
    Guide,
    RevisionStatus,
    Validity,
)

PAGE_SIZE = 20
SORT_FIELDS = {
    "-published": ("-published_at", "-id"),
    "published": ("published_at", "id"),
    "-written": ("-date_written", "-id"),
    "title": ("title", "id"),
}


def _page(request, query):
    paginator = Paginator(query, PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def _query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _filtered_listing(request, base):
    form = ListingFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    query = base.filtered(
        year=data.get("year"),
        subject=data.get("subject", ""),
        doc_type=data.get("type", ""),
        validity=data.get("validity", ""),
    )
    sort = data.get("sort") or "-published"
    query = query.for_listing()
    if sort == "-published":  # the default view puts live urgent releases on top
        return form, query.urgent_first(*SORT_FIELDS[sort])
    return form, query.order_by(*SORT_FIELDS.get(sort, SORT_FIELDS["-published"]))


@require_GET
@unit_page
def column_guide(request, unit):
    guide = Guide.objects.filter(unit=unit).first()
    return render(
        request, "publishing/column_guide.html", {"unit": unit, "part": "guide", "guide": guide}
    )


@require_GET
@unit_page
def column_rules(request, unit):
    form, query = _filtered_listing(
        request, Document.objects.published().filtered(unit=unit, part=v.PART_RULES)
    )
    return render(
        request,
        "publishing/column_rules.html",
        {
            "unit": unit,
            "part": "rules",
            "form": form,
            "page": _page(request, query),
            "query": _query_without_page(request),
        },
    )


@require_GET
@unit_page
def column_statutory(request, unit):
    """The tree of statutory items and the unit's columns, with one listing for the branch
    chosen in the query string (?category=a20.01 or ?column=slug)."""
    published = Document.objects.published().filtered(unit=unit, part=v.PART_STATUTORY)
    counts = dict(
        published.order_by()
        .values_list("statutory_category")
        .annotate(n=Count("id", distinct=True))
    )
    columns = list(Column.objects.filter(unit=unit))
    category = request.GET.get("category", "")
    column = next((c for c in columns if c.slug == request.GET.get("column")), None)
    if category and category not in v.STATUTORY_LABELS:
        raise Http404("没有这个公开事项")
    base = published.filtered(category=category, column=column)
    form, query = _filtered_listing(request, base)
    tree = [(key, label, counts.get(key, 0)) for key, label in v.statutory_choices_for(unit.kind)]
    return render(
        request,
        "publishing/column_statutory.html",
        {
            "unit": unit,
            "part": "statutory",
            "tree": tree,
            "columns": columns,
            "category": category,
            "category_label": v.STATUTORY_LABELS.get(category, ""),
            "column": column,
            "form": form,
            "page": _page(request, query),
            "query": _query_without_page(request),
        },
    )


def _public_document(pk):
    document = (
        Document.objects.public()
        .select_related("unit", "interprets")
        .prefetch_related("co_issuers")
        .filter(pk=pk)
        .first()
    )
    if document is None:
        raise Http404("没有这条政府信息")
    return document


def _document_context(document):
    revisions = list(
        document.revisions.filter(status__in=(RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED))
        .only("id", "number", "published_at", "change_note", "status")
        .order_by("-number")
    )
    current = next((r for r in revisions if r.status == RevisionStatus.PUBLISHED), None)
    attachments = list(current.attachments.all()) if current else []
    interpretations = list(
        Document.objects.published()
        .filter(interprets=document)
        .only("id", "title", "published_at")
        .order_by("published_at")
    )
    outgoing = list(
        DocumentLink.objects.filter(source=document)
        .select_related("target")
        .only("kind", "target__id", "target__title", "target__doc_number", "target__state")
    )
    incoming = list(
        DocumentLink.objects.filter(source__state=DocumentState.PUBLISHED, target=document)
        .select_related("source")
        .only("kind", "source__id", "source__title", "source__doc_number")
    )
    return {
        "document": document,
        "revisions": revisions,
        "attachments": attachments,
        "interpretations": interpretations,
        "outgoing": outgoing,
        "incoming": incoming,
    }


@require_GET
def document_detail(request, pk):
    document = _public_document(pk)
    if document.is_withdrawn:
        return render(
            request, "publishing/document_withdrawn.html", {"document": document}, status=410
        )
    return render(request, "publishing/document.html", _document_context(document))


@require_GET
def document_print(request, pk):
    document = _public_document(pk)
    if document.is_withdrawn:
        raise Http404("该信息已撤回")
    return render(request, "publishing/document_print.html", _document_context(document))


@require_GET
def document_version(request, pk, number):
    document = _public_document(pk)
    if document.is_withdrawn:
        raise Http404("该信息已撤回")
    revision = get_object_or_404(
        scoping.published_revisions().prefetch_related("attachments"),
        document=document,
        number=number,
    )
    return render(
        request, "publishing/document_version.html", {"document": document, "revision": revision}
    )


@require_GET
def attachment_download(request, pk, attachment_id):
    """Download with the original Chinese file name (RFC 5987 filename*=UTF-8'')."""
    attachment = (
        scoping.public_attachments()
        .filter(pk=attachment_id, revision__document_id=pk)
        .only("sha256", "original_name", "kind")
        .first()
    )
    if attachment is None:
        raise Http404("没有这个附件")
    from .inspection import CONTENT_TYPES

    try:
        handle = attachment.open()
    except FileNotFoundError:
        raise Http404("附件文件缺失") from None
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name)
    response["Content-Type"] = CONTENT_TYPES.get(attachment.kind, "application/octet-stream")
    return response


def _policy_date(request) -> date:
    raw = request.GET.get("on", "")
    try:
        return date.fromisoformat(raw) if raw else local_today()
    except ValueError:
        return local_today()


@require_GET
def policy_library(request):
    """规范性文件库: normative documents in force on a date, district-wide."""
    on = _policy_date(request)
    scope = request.GET.get("scope", "in_force")
    if scope == "not_yet":
        query = Document.objects.not_yet_in_force_on(on)
    else:
        scope, query = "in_force", Document.objects.in_force_on(on)
    unit = Unit.objects.filter(code=request.GET.get("unit", "")).first()
    if unit:
        query = query.filtered(unit=unit)
    subject = request.GET.get("subject", "")
    if subject in dict(v.TOP_SUBJECTS):
        query = query.filtered(subject=subject)
    keyword = request.GET.get("q", "").strip()[:50]
    if keyword:
        query = query.filter(pk__in=full_text_matches(keyword))
    query = (
        query.for_listing()
        .annotate(
            has_interpretation=Exists(
                Document.objects.published().filter(interprets=OuterRef("pk"))
            )
        )
        .order_by("-effective_date", "-id")
    )
    if request.GET.get("format") == "csv":
        return _policy_csv(query, on)
    units = (
        Unit.objects.active()
        .filter(documents__is_normative=True)
        .distinct()
        .only("code", "short_name")
    )
    return render(
        request,
        "publishing/policy_library.html",
        {
            "on": on,
            "page": _page(request, query),
            "units": units,
            "unit": unit,
            "subjects": v.TOP_SUBJECTS,
            "subject": subject,
            "keyword": keyword,
            "scope": scope,
            "query": _query_without_page(request),
        },
    )


@require_GET
def contingency_plans(request):
    """突发事件应急预案 (Art. 20 (12)): the plans in force today, across the district, so
    a reader finds the current plan without knowing which unit issued it."""
    today = local_today()
    plans = (
        Document.objects.plans_in_force_on(today)
        .for_listing()
        .order_by("unit__short_name", "-effective_date", "-id")
    )
    return render(
        request,
        "publishing/contingency_plans.html",
        {"on": today, "page": _page(request, plans), "query": _query_without_page(request)},
    )


# Normative documents are a few hundred per government; past this the library says to narrow.
FULL_TEXT_LIMIT = 1000


def full_text_matches(keyword):
    """Ids of published documents with a validity (normative documents and 规章) whose title,
    number or body match, through the search app (its index, or its database scan on a node
    without one)."""
    from gongkai.search import engine, services

    with_validity = engine.Filters(validities=tuple(Validity.values))
    ids, page = [], 1
    while len(ids) < FULL_TEXT_LIMIT:
        result, _, _ = services.search_published(
            query=keyword, filters=with_validity, page=page, page_size=engine.MAX_PAGE_SIZE
        )
        ids += [hit.id for hit in result.hits]
        if page * engine.MAX_PAGE_SIZE >= result.total:
            break
        page += 1
    return ids


def _policy_csv(query, on):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f"attachment; filename=policies-{on.isoformat()}.csv"
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
    writer = SafeWriter(response)
    writer.writerow(
        ["索引号", "标题", "文号", "发布机构", "成文日期", "施行日期", "失效日期", "有效性", "网址"]
    )
    for d in query.iterator():
        writer.writerow(
            [
                d.index_number,
                d.title,
                d.doc_number,
                d.unit.full_name,
                d.date_written,
                d.effective_date,
                d.expiry_date or "",
                Validity(d.validity_on(on)).label,
                d.get_absolute_url(),
            ]
        )
    return response


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /console/",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('publishing:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
