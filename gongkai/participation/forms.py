from django import forms

from gongkai.core.forms import within_upload_limit

from .models import Audience, Disposition, HiddenReason, Stakeholder


class ConsultationForm(forms.Form):
    title = forms.CharField(label="草案名称", max_length=200)
    draft_text = forms.CharField(
        label="草案全文",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="每段一行。公众可以针对某一段发表意见，段落按行编号。",
    )
    explanation = forms.CharField(label="起草说明", widget=forms.Textarea(attrs={"rows": 5}))
    starts_on = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    is_major = forms.BooleanField(label="属于重大行政决策", required=False)
    short_period_reason = forms.CharField(
        label="征求意见期限少于30个自然日的理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="重大行政决策草案征求意见一般不少于30个自然日；缩短的，须写明理由。",
    )
    audiences = forms.MultipleChoiceField(
        label="重点征求对象", choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    decision = forms.ModelChoiceField(
        label="所属重大行政决策事项（选填）",
        queryset=None,
        required=False,
        empty_label="不属于目录中的决策事项",
        help_text="选择后按重大行政决策草案处理。",
    )

    def __init__(self, decisions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="草案附件（PDF、OFD、Word、WPS、Excel 或文本）", validators=[within_upload_limit]
    )


class CommentForm(forms.Form):
    paragraph = forms.TypedChoiceField(
        label="针对段落", required=False, coerce=int, empty_value=None
    )
    text = forms.CharField(
        label="意见内容", max_length=3000, widget=forms.Textarea(attrs={"rows": 8})
    )
    name = forms.CharField(
        label="姓名或名称（选填）",
        max_length=60,
        required=False,
        help_text="公开时只显示姓氏，如“张*”。",
    )
    contact = forms.CharField(
        label="联系方式（选填）",
        max_length=100,
        required=False,
        help_text="电话或电子邮箱，仅供工作人员联系您，不公开。",
    )

    def __init__(self, paragraphs, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].choices = [("", "整体意见（不针对某一段）")] + [
            (str(n), f"第{n}段：{text[:24]}{'…' if len(text) > 24 else ''}")
            for n, text in enumerate(paragraphs, 1)
        ]


class HideForm(forms.Form):
    reason = forms.ChoiceField(label="不予公开理由", choices=HiddenReason.choices)


class DispositionForm(forms.Form):
    disposition = forms.ChoiceField(label="处理结果", choices=Disposition.choices)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 2}))


class FeedbackReportForm(forms.Form):
    final_document = forms.ModelChoiceField(
        label="正式文件（选填）",
        queryset=None,
        required=False,
        empty_label="尚无正式文件",
        help_text="意见采纳情况链接正式文件；正式文件印发后可重新生成。",
    )
    summary = forms.CharField(
        label="总体说明（选填）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="各组意见的处理结果和理由由系统按已作出的答复生成，不需要另写。",
    )

    def __init__(self, documents, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["final_document"].queryset = documents


class StakeholderForm(forms.Form):
    field = forms.CharField(label="领域", max_length=60, help_text="如：食品经营、建筑业、物流。")
    name = forms.CharField(label="名称", max_length=120)
    kind = forms.ChoiceField(label="类型", choices=Stakeholder.Kind.choices)
    contact = forms.CharField(label="联系人及联系方式（选填）", max_length=200, required=False)


class InviteForm(forms.Form):
    stakeholder = forms.ModelChoiceField(label="邀请对象", queryset=None)
    method = forms.CharField(label="邀请方式", max_length=60, help_text="如：函件、座谈会、电话。")

    def __init__(self, stakeholders, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stakeholder"].queryset = stakeholders


class StakeholderCommentForm(forms.Form):
    text = forms.CharField(
        label="反馈意见", max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
