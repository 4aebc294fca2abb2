from django import forms

from .models import (
    AttendeeKind,
    MeetingKind,
    ParticipantKind,
    SelectionRule,
    StepKind,
)
from .workflow import PREPARATORY_STEPS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CatalogueForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    title = forms.CharField(label="决策事项", max_length=200)
    unit = forms.ModelChoiceField(label="承办单位", queryset=None, empty_label="请选择")
    legal_basis = forms.CharField(label="决策依据", widget=forms.Textarea(attrs={"rows": 2}))
    summary = forms.CharField(
        label="主要内容", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    planned_on = forms.DateField(label="计划完成时间", required=False, widget=DATE)
    reason = forms.CharField(
        label="目录调整理由",
        required=False,
        max_length=300,
        help_text="目录公布后新增事项时填写。",
    )

    def __init__(self, units, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        for kind in StepKind.values:
            label = StepKind(kind).label
            if kind != StepKind.COLLECTIVE:
                self.fields[f"step_{kind}_required"] = forms.BooleanField(
                    label=f"需{label}", required=False, initial=True
                )
            self.fields[f"step_{kind}"] = forms.DateField(
                label=f"{label}计划时间", required=False, widget=DATE
            )

    def step_fields(self):
        return [
            (
                StepKind(kind).label,
                self[f"step_{kind}_required"] if kind != StepKind.COLLECTIVE else None,
                self[f"step_{kind}"],
            )
            for kind in StepKind.values
        ]

    def workflow_arguments(self):
        data = self.cleaned_data
        steps = {
            kind: {
                "required": kind == StepKind.COLLECTIVE or data.get(f"step_{kind}_required"),
                "planned_on": data.get(f"step_{kind}"),
            }
            for kind in StepKind.values
        }
        keys = ("title", "unit", "legal_basis", "summary", "planned_on", "reason")
        return {**{k: data[k] for k in keys}, "steps": steps}


class StepForm(forms.Form):
    kind = forms.ChoiceField(
        label="程序", choices=[(k, StepKind(k).label) for k in PREPARATORY_STEPS]
    )
    done_on = forms.DateField(label="完成时间", widget=DATE)
    note = forms.CharField(label="履行情况", widget=forms.Textarea(attrs={"rows": 3}))


class StepPlanForm(forms.Form):
    kind = forms.ChoiceField(label="程序", choices=StepKind.choices)
    required = forms.BooleanField(label="需履行", required=False, initial=True)
    planned_on = forms.DateField(label="计划时间", required=False, widget=DATE)
    reason = forms.CharField(
        label="调整理由", required=False, max_length=300, help_text="目录公布后调整时填写。"
    )


class DecidedForm(forms.Form):
    decided_on = forms.DateField(label="决定日期", widget=DATE)
    note = forms.CharField(
        label="集体讨论决定情况", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class PublishForm(forms.Form):
    document = forms.ModelChoiceField(label="公布的决策文件", queryset=None, empty_label="请选择")

    def __init__(self, documents, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=300)


class HearingForm(forms.Form):
    subject = forms.CharField(label="听证事项", max_length=200)
    decision = forms.ModelChoiceField(
        label="重大行政决策事项", queryset=None, required=False, empty_label="（不关联）"
    )
    description = forms.CharField(
        label="听证内容和方案说明", widget=forms.Textarea(attrs={"rows": 4})
    )
    held_at = forms.DateTimeField(
        label="举行时间",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(label="地点", max_length=200)
    registration_opens = forms.DateField(label="报名开始日期", widget=DATE)
    registration_closes = forms.DateField(label="报名截止日期", widget=DATE)
    how_to_register = forms.CharField(
        label="报名方式和条件", widget=forms.Textarea(attrs={"rows": 3})
    )
    seats = forms.IntegerField(label="公众参加人名额", min_value=1, max_value=500)
    rule = forms.ChoiceField(label="遴选方式", choices=SelectionRule.choices)

    def __init__(self, decisions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class SelectForm(forms.Form):
    seed = forms.CharField(
        label="抽签种子（随机抽签时可填写，如公证员当场产生的数字；不填由系统随机产生）",
        max_length=64,
        required=False,
    )


class HearingRecordForm(forms.Form):
    record_text = forms.CharField(label="听证笔录", widget=forms.Textarea(attrs={"rows": 8}))
    outcome = forms.CharField(
        label="听证结果和意见采纳情况", widget=forms.Textarea(attrs={"rows": 4})
    )


class RegistrationForm(forms.Form):
    kind = forms.ChoiceField(label="报名身份", choices=ParticipantKind.choices)
    name = forms.CharField(label="姓名", max_length=50)
    phone = forms.CharField(
        label="联系电话",
        max_length=20,
        help_text="用于通知是否入选；页面上只显示遮蔽后的号码。",
    )
    organisation = forms.CharField(label="工作单位或所在社区", max_length=200, required=False)
    viewpoint = forms.CharField(
        label="拟发表的意见要点",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label="会议类型", choices=MeetingKind.choices)
    title = forms.CharField(label="会议名称", max_length=200)
    held_on = forms.DateField(label="召开日期", widget=DATE)
    place = forms.CharField(label="地点", max_length=200, required=False)


class AgendaItemForm(forms.Form):
    title = forms.CharField(label="议题", max_length=200)
    decision = forms.ModelChoiceField(
        label="重大行政决策事项", queryset=None, required=False, empty_label="（不关联）"
    )
    needs_interpretation = forms.BooleanField(label="需发布解读", required=False, initial=True)

    def __init__(self, decisions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions


class AgendaItemEditForm(AgendaItemForm):
    reason = forms.CharField(
        label="调整理由", required=False, max_length=300, help_text="议题发布后调整时填写。"
    )


class OutcomeCorrectionForm(forms.Form):
    outcome = forms.CharField(label="会议决定", widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label="更正理由", max_length=300)


class AttendeeForm(forms.Form):
    kind = forms.ChoiceField(label="身份", choices=AttendeeKind.choices)
    name = forms.CharField(label="姓名", max_length=50)
    organisation = forms.CharField(label="单位或身份说明", max_length=200, required=False)


class InterpretationForm(forms.Form):
    item = forms.ModelChoiceField(label="议题", queryset=None, empty_label="请选择")
    document = forms.ModelChoiceField(label="解读", queryset=None, empty_label="请选择")

    def __init__(self, items, documents, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["document"].queryset = documents
