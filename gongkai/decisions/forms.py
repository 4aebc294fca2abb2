from django import forms

from .models import StepKind
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
