from django import forms

from .models import Level, ReferringOffice, Source

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class MomentInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def moment_field(label, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=DATETIME_FORMATS,
        widget=MomentInput,
        help_text=help_text,
        error_messages={"invalid": "请按“年-月-日 时:分”填写时间。"},
    )


class IncidentForm(forms.Form):
    title = forms.CharField(label="舆情事项", max_length=200)
    summary = forms.CharField(label="舆情概要", widget=forms.Textarea(attrs={"rows": 4}))
    source = forms.ChoiceField(label="来源", choices=Source.choices)
    source_detail = forms.CharField(
        label="来源说明", max_length=300, required=False, help_text="如媒体名称、网址、信访件编号。"
    )
    level = forms.ChoiceField(
        label="级别",
        choices=Level.choices,
        help_text="按属地管理、分级负责：一般由乡镇（街道），较大由县（区），重大由市，特别重大由省负责。",
    )
    territory_unit = forms.ModelChoiceField(label="属地", queryset=None)
    detected_at = moment_field("发现时间")
    contact_name = forms.CharField(
        label="反映人", max_length=40, required=False, help_text="加密保存，页面上遮蔽显示。"
    )
    contact_phone = forms.CharField(label="反映人电话", max_length=40, required=False)
    referring_office = forms.ChoiceField(
        label="转办机关（上级转办时填写）",
        choices=[("", "—")] + ReferringOffice.choices,
        required=False,
    )
    referral_number = forms.CharField(label="转办单号", max_length=100, required=False)
    referral_due = moment_field(
        "转办报告时限", required=False, help_text="留空时按本地规定的默认时限计算。"
    )

    def __init__(self, territories, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory_unit"].queryset = territories


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label="承办单位", queryset=None)
    note = forms.CharField(label="交办说明", max_length=300, required=False)

    def __init__(self, units, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RelevelForm(forms.Form):
    level = forms.ChoiceField(label="新的级别", choices=Level.choices)
    reason = forms.CharField(label="调整理由", max_length=300)


class FirstResponseForm(forms.Form):
    text = forms.CharField(label="首次回应内容", widget=forms.Textarea(attrs={"rows": 3}))
    channel = forms.CharField(label="回应渠道", max_length=100)
    at = moment_field("回应时间", required=False, help_text="留空为现在。")


class LinkResponseForm(forms.Form):
    document = forms.ModelChoiceField(label="回应文件", queryset=None)

    def __init__(self, documents, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", max_length=300)


class EscalateForm(forms.Form):
    note = forms.CharField(label="督办理由", max_length=300)


class ReportForm(forms.Form):
    report = forms.CharField(label="办理情况报告", widget=forms.Textarea(attrs={"rows": 4}))


class PressConferenceForm(forms.Form):
    unit = forms.ModelChoiceField(label="主办单位", queryset=None)
    title = forms.CharField(label="发布会名称", max_length=200)
    held_at = moment_field("举行时间")
    place = forms.CharField(label="地点", max_length=200, required=False)
    speakers = forms.CharField(
        label="发布人", widget=forms.Textarea(attrs={"rows": 3}), help_text="每行一位：姓名、职务。"
    )
    topics = forms.CharField(label="发布主题", widget=forms.Textarea(attrs={"rows": 2}))
    transcript = forms.CharField(label="文字实录", widget=forms.Textarea(attrs={"rows": 10}))
    documents = forms.ModelMultipleChoiceField(label="相关文件", queryset=None, required=False)
    incidents = forms.ModelMultipleChoiceField(label="回应的舆情", queryset=None, required=False)

    def __init__(self, units, documents, incidents, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["documents"].queryset = documents
        self.fields["incidents"].queryset = incidents


class ResponseFilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False, max_length=50)
