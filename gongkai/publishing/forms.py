import re

from django import forms

from gongkai.accounts import scoping
from gongkai.core.forms import within_upload_limit
from gongkai.core.widgets import DateInput
from gongkai.units.models import Unit

from . import docnumber
from . import vocabularies as v
from .models import Column, Content, Guide, LinkKind, Revision
from .sanitize import ALLOWED_TAGS

# The body's textarea becomes a rich-text editor when JavaScript runs (portal/static/gongkai/
# body-editor.js); the editor keeps pasted content within the tags the server keeps anyway.
BODY_WIDGET = forms.Textarea(
    attrs={"rows": 16, "data-rich-text": "", "data-allowed-tags": " ".join(sorted(ALLOWED_TAGS))}
)

# What the editor types: every content field except the text derived from the body, the
# interpreted policy (entered by its index number) and the column (chosen, not typed as an id).
CONTENT_FORM_FIELDS = [
    "column" if name == "column_id" else name
    for name in Content.CONTENT_FIELDS
    if name not in ("body_text", "interprets_id")
]
_SPLIT = re.compile(r"[\s,，、；;]+")
LINKABLE_RULE = (
    "只能修改、废止、替代或解读本单位的文件和本单位联合发布的文件；"
    "人民政府还可以是其所属部门的文件。"
)


class RevisionForm(forms.ModelForm):
    """The editor's form for a draft. Links and interpreted policies are entered by index
    number (索引号), which staff know and can copy from the portal."""

    co_issuers = forms.ModelMultipleChoiceField(
        label="联合发文单位",
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    interprets_index = forms.CharField(label="解读的政策（索引号）", required=False, max_length=80)
    amends = forms.CharField(label="修改的文件（索引号）", required=False, max_length=400)
    repeals = forms.CharField(label="废止的文件（索引号）", required=False, max_length=400)
    replaces = forms.CharField(label="替代的文件（索引号）", required=False, max_length=400)

    class Meta:
        model = Revision
        fields = CONTENT_FORM_FIELDS
        widgets = {
            "date_written": DateInput(),
            "effective_date": DateInput(),
            "expiry_date": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body_html": BODY_WIDGET,
        }
        help_texts = {
            "doc_number": "如 东府办发〔2024〕7号；其他括号会自动更正为六角括号〔〕。",
            "body_html": "用正文上方的按钮设置加粗、列表和链接；粘贴的内容只保留段落、标题、"
            "列表、表格和链接，脚本和样式会被去掉。浏览器未启用脚本时，这里是 HTML 文本框。",
        }

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["co_issuers"].queryset = Unit.objects.active().exclude(pk=unit.pk)
        self.fields["column"].queryset = Column.objects.filter(unit=unit)
        self.fields["statutory_category"].choices = [("", "---------")] + v.statutory_choices_for(
            unit.kind
        )
        self.fields["title"].required = True

    def _documents_by_index(self, field):
        numbers = [n for n in _SPLIT.split(self.cleaned_data.get(field) or "") if n]
        found = {
            d.index_number: d
            for d in scoping.linkable_documents(self.unit)
            .filter(index_number__in=numbers)
            .only("id", "index_number")
        }
        missing = [n for n in numbers if n not in found]
        if missing:
            raise forms.ValidationError(
                f"找不到索引号为 {'、'.join(missing)} 的可关联文件：{LINKABLE_RULE}"
            )
        return [found[n] for n in numbers]

    def clean_amends(self):
        return self._documents_by_index("amends")

    def clean_repeals(self):
        return self._documents_by_index("repeals")

    def clean_replaces(self):
        return self._documents_by_index("replaces")

    def clean_interprets_index(self):
        documents = self._documents_by_index("interprets_index")
        if len(documents) > 1:
            raise forms.ValidationError("只能填写一个索引号。")
        return documents[0] if documents else None

    def content(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in CONTENT_FORM_FIELDS}
        data["column_id"] = data.pop("column").pk if data.get("column") else None
        interprets = self.cleaned_data.get("interprets_index")
        data["interprets_id"] = interprets.pk if interprets else None
        for name in (
            "doc_number",
            "keywords",
            "summary",
            "body_html",
            "withholding_reason",
            "statutory_category",
            "subject",
            "doc_type",
        ):
            data[name] = data.get(name) or ""
        return data

    def doc_number_warnings(self) -> tuple[str, ...]:
        """What normalising the typed 文号 corrected, to tell the editor after saving; a
        number that cannot be normalised is refused by the workflow, not here."""
        raw = self.cleaned_data.get("doc_number")
        if not raw:
            return ()
        try:
            return docnumber.normalise(
                raw, date_written=self.cleaned_data.get("date_written")
            ).warnings
        except docnumber.DocNumberError:
            return ()

    def co_issuer_ids(self) -> list[int]:
        return [u.pk for u in self.cleaned_data.get("co_issuers") or []]

    def links(self) -> list[dict]:
        return [
            {"kind": kind, "target": doc.pk}
            for kind in (LinkKind.AMENDS, LinkKind.REPEALS, LinkKind.REPLACES)
            for doc in self.cleaned_data.get(kind) or []
        ]

    @classmethod
    def initial_from(cls, revision: Revision) -> dict:
        initial = {name: getattr(revision, name) for name in CONTENT_FORM_FIELDS}
        initial["column"] = revision.column_id
        initial["co_issuers"] = revision.co_issuer_ids
        targets = {
            d.pk: d.index_number
            for d in scoping.linkable_documents(revision.document.unit).filter(
                pk__in=[link["target"] for link in revision.links] + [revision.interprets_id or 0]
            )
        }
        for kind in (LinkKind.AMENDS, LinkKind.REPEALS, LinkKind.REPLACES):
            initial[kind] = " ".join(
                targets.get(link["target"]) or "" for link in revision.links if link["kind"] == kind
            )
        initial["interprets_index"] = targets.get(revision.interprets_id, "")
        return initial


class UnitChoiceForm(forms.Form):
    unit = forms.ModelChoiceField(label="发布单位", queryset=Unit.objects.none())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        if units.count() == 1:
            self.fields["unit"].initial = units.first()


class ImportForm(UnitChoiceForm):
    file = forms.FileField(label="Word 文档（DOCX）", validators=[within_upload_limit])


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="附件（PDF、DOCX、XLSX、OFD 或图片）", validators=[within_upload_limit]
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}), max_length=500)


class ReviewForm(forms.Form):
    # Written by the reviewer, never pre-filled: the opinion is the reviewer's own finding.
    confidentiality_result = forms.CharField(
        label="保密审查意见",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="写明审查了哪些内容（正文、附件、元数据）和结论，例如是否涉及国家秘密、工作秘密、商业秘密或个人隐私。",
    )
    disclosure_confirmed = forms.BooleanField(label="已核对公开属性和法定公开事项")


class PublishForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label="定时发布（留空则立即发布）",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class OverrideForm(forms.Form):
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)
    reason = forms.CharField(label="放行理由", max_length=500)


class GuideForm(forms.ModelForm):
    class Meta:
        model = Guide
        fields = [
            "arrangement",
            "obtaining",
            "applying",
            "application_place",
            "remedies",
            "index_pattern",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("arrangement", "obtaining", "applying", "remedies")
        }

    def clean_index_pattern(self):
        pattern = self.cleaned_data["index_pattern"]
        try:
            sample = pattern.format(unit_code="X", year=2024, month="01", sequence=1)
        except (KeyError, IndexError, ValueError):
            raise forms.ValidationError(
                "索引号格式只能使用 {unit_code} {year} {month} {sequence}。"
            ) from None
        if "{sequence" not in pattern or "{year" not in pattern or len(sample) > 80:
            raise forms.ValidationError(
                "索引号格式须包含 {year} 和 {sequence}，且不超过 80 个字符。"
            )
        return pattern


class ColumnForm(forms.Form):
    name = forms.CharField(label="栏目名称", max_length=60)
    slug = forms.SlugField(label="栏目代码（用于网址）", max_length=40)
    statutory_category = forms.ChoiceField(
        label="对应法定公开事项", required=False, choices=[("", "（无）")] + v.STATUTORY_CHOICES
    )


class ExpressionForm(forms.Form):
    phrase = forms.CharField(label="用语", max_length=60)
    suggestion = forms.CharField(label="建议改为", max_length=120, required=False)
    note = forms.CharField(label="说明", max_length=200, required=False)
    is_active = forms.BooleanField(label="启用", required=False, initial=True)


class ListingFilterForm(forms.Form):
    """Filters of public listings; every value lives in the query string (stable URLs)."""

    SORTS = [
        ("-published", "发布日期（新→旧）"),
        ("published", "发布日期（旧→新）"),
        ("-written", "成文日期（新→旧）"),
        ("title", "标题"),
    ]

    year = forms.IntegerField(label="年份", required=False, min_value=1949, max_value=2100)
    subject = forms.ChoiceField(label="主题分类", required=False)
    type = forms.ChoiceField(label="文种", required=False)
    validity = forms.ChoiceField(label="有效性", required=False)
    sort = forms.ChoiceField(label="排序", required=False, choices=SORTS)

    def __init__(self, *args, **kwargs):
        from .models import Validity

        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = [("", "全部")] + v.TOP_SUBJECTS
        self.fields["type"].choices = [("", "全部")] + v.DOCUMENT_TYPE_CHOICES
        self.fields["validity"].choices = [("", "全部")] + Validity.choices
