from django import forms

from gongkai.units.models import Unit

from . import format as fmt
from .models import ENTERED_FIELDS, NARRATIVE_FIELDS
from .workflow import CONFIDENTIALITY_CLEARED

TEXTAREA = forms.Textarea(attrs={"rows": 8, "cols": 80})


class GenerateForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=Unit.objects.none())
    year = forms.IntegerField(label="年度", error_messages={"invalid": "年度必须是数字。"})

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ReportForm(forms.Form):
    """Figures are plain text here; the workflow parses them so the messages are the same
    wherever a figure comes from."""

    figures_source = forms.CharField(
        label="数据来源说明",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="例如：行政许可数量来自区政务服务平台统计，截至12月31日。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, name in ENTERED_FIELDS.items():
            unit = "（万元）" if key in fmt.TABLE2_DECIMAL_CELLS else "（件）"
            self.fields[name] = forms.CharField(
                label=fmt.TABLE2_LABELS[key] + unit, required=False, max_length=30
            )
        for key, name in NARRATIVE_FIELDS.items():
            self.fields[name] = forms.CharField(
                label=fmt.SECTION_HEADINGS[key], required=False, widget=TEXTAREA
            )

    def figures(self):
        return {key: self.cleaned_data[name] for key, name in ENTERED_FIELDS.items()}

    def narratives(self):
        return {key: self.cleaned_data[name] for key, name in NARRATIVE_FIELDS.items()}


class ReviewForm(forms.Form):
    """The workflow decides whether the confidentiality result is needed (on approval only)."""

    decision = forms.ChoiceField(
        label="审核决定",
        choices=[("approve", "审核通过"), ("return", "退回修改")],
        widget=forms.RadioSelect,
        error_messages={"required": "请选择审核决定。", "invalid_choice": "请选择审核决定。"},
    )
    confidentiality_result = forms.CharField(
        label="保密审查意见（审核通过时必填）",
        required=False,
        max_length=300,
        initial=CONFIDENTIALITY_CLEARED,
        error_messages={"max_length": "保密审查意见不能超过%(limit_value)d字。"},
    )
    comment = forms.CharField(
        label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class NewVersionForm(forms.Form):
    reason = forms.CharField(label="修订原因", widget=forms.Textarea(attrs={"rows": 3}))
