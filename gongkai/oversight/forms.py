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


DATE = forms.DateInput(attrs={"type": "date"})


class TrainingPlanForm(forms.Form):
    unit = forms.ModelChoiceField(label="举办单位", queryset=None)
    title = forms.CharField(label="培训课程", max_length=200)
    planned_on = forms.DateField(label="计划日期", widget=DATE)
    audience = forms.CharField(label="培训对象（可选）", max_length=200, required=False)
    content = forms.CharField(
        label="培训内容（可选）", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class TrainingRecordForm(forms.Form):
    """Recording a course as held; `unit` and `title` only when it was not in the plan."""

    unit = forms.ModelChoiceField(label="举办单位", queryset=None)
    title = forms.CharField(label="培训课程", max_length=200)
    held_on = forms.DateField(label="举办日期", widget=DATE)
    hours = forms.DecimalField(
        label="学时（可选）", required=False, min_value=0, max_digits=4, decimal_places=1
    )
    participant_count = forms.IntegerField(label="参训人数", min_value=0)
    participants = forms.CharField(
        label="参训人员名单（可选，每行一人；加密保存，页面上只显示姓氏）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    materials = forms.CharField(
        label="培训材料（可选，如课件、讲义名称）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    materials_url = forms.CharField(label="培训材料链接（可选）", required=False, max_length=500)

    def __init__(self, *args, units=None, planned=None, **kwargs):
        super().__init__(*args, **kwargs)
        if planned is not None:
            del self.fields["unit"]
            self.fields["title"].required = False
            self.fields["title"].initial = planned.title
        else:
            self.fields["unit"].queryset = units


class TrainingCancelForm(forms.Form):
    reason = forms.CharField(label="取消理由", widget=forms.Textarea(attrs={"rows": 2}))


class IndicatorForm(forms.Form):
    name = forms.CharField(label="指标名称", max_length=100)
    weight = forms.DecimalField(label="每项扣分", max_digits=5, decimal_places=2)
    cap = forms.DecimalField(label="最多扣分", max_digits=5, decimal_places=2)
    veto_threshold = forms.IntegerField(
        label="单项否决阈值（问题数量达到此数即单项否决；留空表示不否决）", required=False
    )
    period_days = forms.IntegerField(label="更新周期（自然日）")
    keywords = forms.CharField(label="栏目名称关键词（多个用逗号分隔）", max_length=200)
    categories = forms.CharField(
        label="必须有内容的法定公开事项（代码，多个用逗号分隔）", max_length=300
    )
    is_active = forms.BooleanField(label="启用该指标", required=False)

    def __init__(self, *args, period, categories, **kwargs):
        super().__init__(*args, **kwargs)
        if not period:
            del self.fields["period_days"], self.fields["keywords"]
        if not categories:
            del self.fields["categories"]
