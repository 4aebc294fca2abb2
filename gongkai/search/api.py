"""Full-text search of published items as JSON: the same form, filters and results as the
public search page — documents and the other public items (search.kinds), each hit with its
`kind`."""

from datetime import date

from ninja import Query, Router, Schema
from ninja.errors import HttpError

from gongkai.api.choices import choice
from gongkai.publishing import vocabularies as v
from gongkai.publishing.models import Validity

from . import kinds
from .forms import PAGE_SIZE, SearchForm


def _form_choices(name, description):
    """The search form's own choices ("" = 全部), so the schema cannot drift from the form."""
    return choice(SearchForm.base_fields[name].choices, description)


router = Router(tags=["检索"])


class SearchParams(Schema):
    # Strings, so that a bad value gets the form's Chinese message instead of a bare 422.
    q: str = ""
    unit: str = ""
    kind: _form_choices("kind", "类别（文件、征求意见、听证、会议、问答、清单、执法公示等）") = ""
    subject: _form_choices("subject", "主题分类（一级）") = ""
    doc_type: _form_choices("doc_type", "文种或体裁") = ""
    category: _form_choices("category", "法定主动公开事项") = ""
    validity: _form_choices("validity", "有效性") = ""
    year: str = ""
    sort: _form_choices("sort", "排序") = "relevance"
    page: str = "1"
    page_size: str = str(PAGE_SIZE)


class SearchHit(Schema):
    # The item's id within its kind (a document's id for kind "document").
    id: int
    kind: choice(kinds.LABELS.items(), "类别")
    kind_label: str
    url: str
    title: str
    title_html: str
    snippet_html: str
    unit: str
    unit_name: str
    published_on: date
    date_written: date | None
    doc_number: str
    doc_number_html: str
    index_number: str
    doc_type: choice(v.DOCUMENT_TYPE_CHOICES, "文种或体裁", blank="不适用（非文件）")
    validity: choice(Validity.choices, "有效性", blank="不适用（非规范性文件）")
    validity_label: str


class SearchPage(Schema):
    q: str
    total: int
    total_is_estimate: bool
    page: int
    page_size: int
    page_count: int
    page_out_of_range: bool
    from_index: bool
    hits: list[SearchHit]
    suggestions: list[str]


@router.get(
    "/search",
    response=SearchPage,
    summary="全文检索主动公开的政府信息",
    openapi_extra={"responses": {400: {"description": "参数有误（中文说明在 detail 中）"}}},
)
def search(request, params: Query[SearchParams]):
    """Searches documents' titles, bodies, attachments, 文号 (any bracket style) and 索引号,
    and the other published items: consultations, hearings, meetings, answered questions,
    press conferences, the public lists' rows and enforcement decisions (`kind` of each hit).
    Several words all have to match; quoted text is one phrase. Filters: `kind`, `unit` (a
    unit code; its sub-units are included), `subject`, `doc_type`, `category` (法定公开事项,
    `a20.01` for normative documents), `validity` (these four match documents only), `year`.
    `sort` is `relevance`, `date` or `date_asc`;
    `page_size` is at most 50. `title_html`, `snippet_html` and `doc_number_html` are
    HTML-escaped text in which matches are wrapped in `<mark>`."""
    form = SearchForm(params.dict())
    if not form.is_valid():
        raise HttpError(400, "；".join(form.error_messages()))
    if not form.has_terms and form.filters().is_empty():
        raise HttpError(400, "请输入检索词（只有标点符号无法检索），或至少选择一个筛选条件。")
    outcome = form.search()
    result = outcome.result
    return {
        "q": form.query,
        "total": result.total,
        "total_is_estimate": result.total_is_estimate,
        "page": result.page,
        "page_size": result.page_size,
        "page_count": result.page_count,
        "page_out_of_range": result.page_out_of_range,
        "from_index": outcome.from_index,
        "hits": [_hit(hit, document) for hit, document in outcome.rows],
        "suggestions": outcome.suggestions,
    }


def _hit(hit, d) -> dict:
    return {
        "id": d.pk,
        "kind": hit.kind,
        "kind_label": kinds.LABELS.get(hit.kind, ""),
        "url": d.get_absolute_url(),
        "title": d.title,
        "title_html": hit.title_html,
        "snippet_html": hit.snippet_html,
        "unit": d.unit.code,
        "unit_name": d.unit.full_name,
        "published_on": hit.published_on,
        "date_written": d.date_written,
        "doc_number": d.doc_number,
        "doc_number_html": hit.document_number_html,
        "index_number": d.index_number or "",
        "doc_type": d.doc_type,
        "validity": d.validity,
        "validity_label": d.validity_label,
    }
