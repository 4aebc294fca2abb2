from django import forms

from .models import CatalogueLevel


class AssignForm(forms.Form):
    deadline = forms.DateField(label="整改期限", widget=forms.DateInput(attrs={"type": "date"}))
    requirement = forms.CharField(
        label="整改要求", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SubmitForm(forms.Form):
    evidence = forms.CharField(label="整改情况和佐证", widget=forms.Textarea(attrs={"rows": 5}))
    evidence_url = forms.CharField(label="佐证链接（可选）", required=False, max_length=500)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="审核结论",
        choices=[("close", "整改到位，予以销号"), ("return", "整改不到位，退回")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CatalogueImportForm(forms.Form):
    level = forms.ChoiceField(label="目录层级", choices=CatalogueLevel.choices)
    file = forms.FileField(label="标准目录（XLSX，按模板填写）")


class AdoptionForm(forms.Form):
    column = forms.ModelChoiceField(label="发布栏目", queryset=None, required=False)
    documents = forms.ModelMultipleChoiceField(
        label="履行该事项的信息（已发布）",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, documents, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].queryset = columns
        self.fields["documents"].queryset = documents


class WorkPlanForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="标题", max_length=200, required=False)
    file = forms.FileField(label="工作要点（DOCX，可选）", required=False)
    lines = forms.CharField(
        label="或逐条填写（每行一条，如“（一）……（责任单位：区财政局、区民政局）（完成时限：2026年6月底前）”）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("lines") or "").strip():
            raise forms.ValidationError("请上传工作要点的 DOCX 文件，或逐条填写。")
        return data


class ProgressForm(forms.Form):
    text = forms.CharField(label="进展情况", widget=forms.Textarea(attrs={"rows": 4}))
    evidence_url = forms.CharField(label="佐证链接（可选）", required=False, max_length=500)
    documents = forms.ModelMultipleChoiceField(
        label="佐证信息（本单位已发布的信息，可选）",
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    done = forms.BooleanField(label="该项任务已完成", required=False)

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = documents
