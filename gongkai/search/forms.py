"""The search form: one validation path for the public page, the console and the API.

Every value lives in the query string, so a page of results has a stable URL. Like
haystack's SearchForm, the form runs the search it describes (`search()`), reading
published documents through `services.search_published` only.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms

from gongkai.core.widgets import DateInput
from gongkai.publishing import vocabularies as v
from gongkai.publishing.models import Document, Validity
from gongkai.units.models import Unit

from . import engine, services
from .query import MAX_QUERY_CHARS, parse

PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
SORT_CHOICES = [
    ("relevance", "相关度"),
    ("date", "发布日期（新→旧）"),
    ("date_asc", "发布日期（旧→新）"),
]
# The query-string names of the filters, in the order they appear in URLs.
FILTER_FIELDS = (
    "unit",
    "subject",
    "doc_type",
    "category",
    "validity",
    "year",
    "date_from",
    "date_to",
    "doc_number",
)
# Which filter each facet of the engine feeds, and how its values are labelled.
FACET_PARAMS = {
    "subject_category": ("subject", "主题分类", dict(v.TOP_SUBJECTS)),
    "document_type": ("doc_type", "文种", v.DOCUMENT_TYPE_LABELS),
    "statutory_category": ("category", "法定公开事项", v.STATUTORY_LABELS),
    "validity": ("validity", "有效性", dict(Validity.choices)),
    "year": ("year", "年份", None),
}
MAX_FACET_VALUES = 8


def _with_all(choices):
    return [("", "全部"), *choices]


class _SharedFields(dict):
    """The search form's fields, shared by every form instead of deep-copied into each (as
    Django does, for forms that change their fields per instance; this one never does). A form
    is built per request, and copying the fields with their hundreds of categories and
    document types was a noticeable part of a search's time."""

    def __deepcopy__(self, memo):
        return dict(self)


class SearchForm(forms.Form):
    q = forms.CharField(
        label="检索词",
        required=False,
        max_length=MAX_QUERY_CHARS,
        error_messages={
            "max_length": f"检索词最多 {MAX_QUERY_CHARS} 个字，请缩短后再试。",
            "null_characters_not_allowed": "检索词含有无法识别的控制字符，请删除后再试。",
        },
    )
    unit = forms.CharField(label="发布机构", required=False, max_length=50)
    subject = forms.ChoiceField(label="主题分类", required=False, choices=_with_all(v.TOP_SUBJECTS))
    doc_type = forms.ChoiceField(
        label="文种", required=False, choices=_with_all(v.DOCUMENT_TYPE_CHOICES)
    )
    category = forms.ChoiceField(
        label="法定公开事项", required=False, choices=_with_all(v.STATUTORY_CHOICES)
    )
    validity = forms.ChoiceField(
        label="有效性", required=False, choices=_with_all(Validity.choices)
    )
    year = forms.IntegerField(label="年份", required=False, min_value=1949, max_value=2100)
    date_from = forms.DateField(label="发布日期自", required=False, widget=DateInput())
    date_to = forms.DateField(label="发布日期至", required=False, widget=DateInput())
    doc_number = forms.CharField(
        label="文号",
        required=False,
        max_length=60,
        help_text="如“区政发〔2024〕3号”，可只填一部分，如“区政发〔2024〕”。",
    )
    sort = forms.ChoiceField(label="排序", required=False, choices=SORT_CHOICES)
    page = forms.IntegerField(label="页码", required=False, min_value=1, max_value=100_000)
    page_size = forms.IntegerField(
        label="每页条数", required=False, min_value=1, max_value=MAX_PAGE_SIZE
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "截止日期不能早于起始日期。")
        return data

    def clean_unit(self):
        code = self.cleaned_data["unit"].strip()
        if not code:
            return None
        unit = Unit.objects.filter(code=code).only("id", "code", "short_name").first()
        if unit is None:
            raise forms.ValidationError("没有这个单位。")
        return unit

    # -- reading the valid part ------------------------------------------

    def value(self, name, default=None):
        """A field's cleaned value; an invalid or missing field gives the default."""
        data = getattr(self, "cleaned_data", {})
        found = data.get(name)
        return default if found in (None, "") else found

    @property
    def query(self) -> str:
        return (self.value("q", "") or "").strip()

    @property
    def full_query(self) -> str:
        """The words, and the 文号 of the advanced search as one exact phrase."""
        number = (self.value("doc_number", "") or "").strip().replace('"', "")
        return f'{self.query} "{number}"'.strip() if number else self.query

    @property
    def has_terms(self) -> bool:
        return bool(parse(self.full_query))

    def error_messages(self) -> list[str]:
        """Each problem as one Chinese sentence naming its field."""
        return [
            f"{self.fields[name].label}：{message}" if name in self.fields else message
            for name, messages in self.errors.items()
            for message in messages
        ]

    def filters(self) -> engine.Filters:
        unit = self.value("unit")
        year = self.value("year")
        return engine.Filters(
            unit_ids=(unit.pk,) if unit else (),
            subject_categories=_one(self.value("subject")),
            document_types=_one(self.value("doc_type")),
            statutory_categories=_one(self.value("category")),
            validities=_one(self.value("validity")),
            years=(year,) if year else (),
            day_from=_ordinal(self.value("date_from")),
            day_to=_ordinal(self.value("date_to")),
        )

    def params(self, **changes) -> dict[str, str]:
        """The valid parameters, without the page, in a fixed order: stable URLs."""
        unit = self.value("unit")
        found = {"q": self.query, "unit": unit.code if unit else ""}
        for name in FILTER_FIELDS[1:]:
            found[name] = str(self.value(name, ""))
        if self.value("sort", "relevance") != "relevance":
            found["sort"] = self.value("sort")
        found.update({key: str(value) for key, value in changes.items()})
        return {k: val for k, val in found.items() if val}

    def url_query(self, **changes) -> str:
        return urlencode(self.params(**changes))

    # -- searching -------------------------------------------------------

    def search(
        self, *, filters: engine.Filters | None = None, page_size: int | None = None
    ) -> "SearchOutcome":
        """Search with the valid part of the form (invalid values are left out), or with
        `filters` given by the caller instead of the form's own."""
        query = self.full_query
        filters = self.filters() if filters is None else filters
        result, from_index, documents = services.search_published(
            query=query,
            filters=filters,
            sort=self.value("sort", "relevance"),
            page=self.value("page", 1),
            page_size=page_size or self.value("page_size", PAGE_SIZE),
        )
        outcome = SearchOutcome(
            result=result,
            from_index=from_index,
            rows=[(h, documents[h.id]) for h in result.hits],
        )
        if result.total == 0 and from_index and self.has_terms:
            index = services.published_index()
            if index is not None:
                outcome.suggestions = index.suggest(query)
                if not filters.is_empty():
                    outcome.elsewhere = self._elsewhere(index.facets_without_filters(query))
        return outcome

    def _elsewhere(self, facets) -> list[tuple[str, list[tuple[str, str, int]]]]:
        """Filter values that would give results for the query alone: (label, links)."""
        groups = []
        for facet, (param, label, labels) in FACET_PARAMS.items():
            counts = sorted(facets.get(facet, {}).items(), key=lambda kv: -kv[1])
            links = [
                (urlencode({"q": self.query, param: value}), (labels or {}).get(value, value), n)
                for value, n in counts
                if n and (labels is None or value in labels)
            ][:MAX_FACET_VALUES]
            if links:
                groups.append((label, links))
        return groups


SearchForm.base_fields = _SharedFields(SearchForm.base_fields)


@dataclass
class SearchOutcome:
    result: engine.SearchResult
    from_index: bool
    rows: list[tuple[engine.Hit, Document]]
    suggestions: list[str] = field(default_factory=list)
    elsewhere: list = field(default_factory=list)


def _ordinal(day) -> int:
    return day.toordinal() if day else 0


def _one(value) -> tuple[str, ...]:
    return (value,) if value else ()
