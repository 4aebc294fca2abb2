"""The district-wide search page, and the console search over the user's own units, which
adds the items still being worked on (not in the index) to the published ones."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.accounts import scoping
from gongkai.console.decorators import staff_required
from gongkai.pages import dynamic
from gongkai.publishing.models import OPEN_REVISION_STATUSES
from gongkai.units.models import Unit

from . import engine, indexer
from .forms import PAGE_SIZE, SearchForm
from .query import parse

DRAFTS_PER_PAGE = 10
# How long the rendered filter choices are kept; they are keyed by the pages' generation, so a
# renamed unit shows at the next request all the same.
FILTERS_CACHE_SECONDS = 300
# How long a rendered results page is kept; any change that a page shows replaces it at once.
RESULTS_CACHE_SECONDS = 600
BRACKETS = ("〔〕", "[]", "()", "（）", "【】")


@require_GET
def results(request):
    """The same page for everyone with the same URL: cached under the render outbox's
    generation and the index's marker (pages.dynamic), so a popular query during an emergency
    is rendered once per change, and no publication or withdrawal shows late."""
    marker = indexer.read_marker()
    return dynamic.cached_page(request, "search", marker, _results, RESULTS_CACHE_SECONDS)


def _results(request, generation):
    form = SearchForm(request.GET)
    form.is_valid()
    outcome = form.search() if (form.has_terms or not form.filters().is_empty()) else None
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "errors": form.error_messages(),
            "outcome": outcome,
            # Called only when the filters are rendered, not taken from their cache.
            "units": _active_units,
            "selected_unit": form.params().get("unit", ""),
            "start": _first_number(outcome),
            "page_links": _page_links(form, outcome),
            "generation": generation,
            "filters_cache_seconds": FILTERS_CACHE_SECONDS,
        },
    )


def _active_units():
    return Unit.objects.active().only("code", "short_name")


def _first_number(outcome) -> int:
    if outcome is None:
        return 1
    return (outcome.result.page - 1) * outcome.result.page_size + 1


def _page_links(form, outcome):
    """Previous / next / last page URLs that keep every filter (stable, shareable)."""
    if outcome is None or not outcome.result.total:
        return {}
    result = outcome.result
    last = min(result.page_count, engine.MAX_RESULT_WINDOW // result.page_size)
    extra = {} if result.page_size == PAGE_SIZE else {"page_size": result.page_size}
    links = {"last": last, "first_url": form.url_query(**extra, page=1)}
    if 1 < result.page <= last:
        links["prev_url"] = form.url_query(**extra, page=result.page - 1)
    if result.page < last:
        links["next_url"] = form.url_query(**extra, page=result.page + 1)
    links["last_url"] = form.url_query(**extra, page=last)
    return links


@staff_required
def console_search(request):
    form = SearchForm(request.GET)
    form.is_valid()
    units = list(scoping.work_units(request.user).values_list("pk", flat=True))
    published = drafts = None
    if form.has_terms:
        published = form.search(
            filters=engine.Filters(unit_ids=tuple(units)), page_size=DRAFTS_PER_PAGE
        )
        drafts = Paginator(_open_revisions(request.user, form.query), DRAFTS_PER_PAGE).get_page(
            request.GET.get("dpage")
        )
    return render(
        request,
        "search/console.html",
        {
            "form": form,
            "errors": form.error_messages(),
            "published": published,
            "drafts": drafts,
            "status": indexer.status(),
            "query": form.url_query(),
        },
    )


def _open_revisions(user, query: str):
    """Versions being drafted, reviewed or scheduled in the user's units whose title, 文号
    or body contains every term (a 文号 matches however its year is bracketed)."""
    revisions = scoping.revisions(user).filter(status__in=OPEN_REVISION_STATUSES)
    for term in parse(query):
        text = term.text.strip('"“”')
        match = Q()
        for variant in _bracket_variants(text):
            match |= (
                Q(title__icontains=variant)
                | Q(doc_number__icontains=variant)
                | Q(body_text__icontains=variant)
            )
        revisions = revisions.filter(match)
    return (
        revisions.select_related("document__unit")
        .only(
            "id",
            "title",
            "doc_number",
            "status",
            "number",
            "updated_at",
            "document__id",
            "document__state",
            "document__unit__short_name",
        )
        .order_by("-updated_at", "-id")
    )


def _bracket_variants(text: str) -> list[str]:
    """`text` with its year brackets written each common way: 〔2020〕, [2020], (2020)…"""
    for opening, closing in BRACKETS:
        if opening in text and closing in text:
            return [
                text.replace(opening, other_open).replace(closing, other_close)
                for other_open, other_close in BRACKETS
            ]
    return [text]
