from django import forms

from gongkai.units.models import Unit, UnitKind

from .models import SUBJECT_LIMIT, TEXT_LIMIT, Kind

TEXT = forms.Textarea(attrs={"rows": 6})


def _full_name(unit):
    return unit.full_name


class AskForm(forms.Form):
    template_name = "portal/forms/public.html"

    kind = forms.ChoiceField(
        label="留言类别",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        help_text="咨询：政策、办事等问题，由相关部门答复；领导信箱：写给区政府领导的意见和建议。",
    )
    government = forms.ModelChoiceField(
        label="向哪级政府留言", queryset=Unit.objects.none(), empty_label=None
    )
    requested_unit = forms.ModelChoiceField(
        label="希望由哪个单位答复",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="不清楚，由政务公开办分办",
    )
    subject = forms.CharField(label="标题", max_length=SUBJECT_LIMIT)
    text = forms.CharField(
        label="内容",
        max_length=TEXT_LIMIT,
        widget=TEXT,
        help_text="请写明您的问题或意见。请不要在内容中填写身份证号、手机号等个人信息。",
    )
    asker_name = forms.CharField(label="姓名", max_length=50, required=False)
    phone = forms.CharField(
        label="联系电话",
        max_length=20,
        required=False,
        help_text="需要电话联系时填写；仅承办人员可见，不会公开。",
    )
    email = forms.EmailField(label="电子邮箱", required=False)
    consent_to_publish = forms.BooleanField(
        label="同意公开我的留言和答复",
        required=False,
        help_text="同意的，答复后可能在本网站公开，姓名和联系方式不公开，内容中的个人信息会遮盖。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        active = Unit.objects.active()
        self.fields["government"].queryset = active.filter(kind=UnitKind.GOVERNMENT)
        self.fields["government"].label_from_instance = _full_name
        self.fields["requested_unit"].queryset = active.exclude(kind=UnitKind.GOVERNMENT).order_by(
            "display_order", "id"
        )
        self.fields["requested_unit"].label_from_instance = _full_name


class LookupForm(forms.Form):
    template_name = "portal/forms/public.html"
    tracking_number = forms.CharField(label="留言编号", max_length=20)
    access_code = forms.CharField(label="查询码", max_length=20, widget=forms.PasswordInput)


class FilterForm(forms.Form):
    q = forms.CharField(label="关键词", max_length=50, required=False)
    kind = forms.ChoiceField(label="类别", choices=[("", "全部"), *Kind.choices], required=False)
    unit = forms.ChoiceField(label="答复单位", required=False)

    def __init__(self, units, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "全部单位")] + [(u.code, u.short_name) for u in units]


# ---- console ---------------------------------------------------------------------------------


class UnitChoiceForm(forms.Form):
    unit = forms.ModelChoiceField(label="承办单位", queryset=Unit.objects.none())

    def __init__(self, units, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = _full_name


class ForwardForm(forms.Form):
    to_unit = forms.ModelChoiceField(label="转至单位", queryset=Unit.objects.none())
    reason = forms.CharField(label="转办理由", max_length=300, widget=forms.Textarea({"rows": 2}))

    def __init__(self, units, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units
        self.fields["to_unit"].label_from_instance = _full_name


class AnswerForm(forms.Form):
    answer = forms.CharField(label="答复内容", max_length=TEXT_LIMIT, widget=TEXT)


class PublishForm(forms.Form):
    public_subject = forms.CharField(label="公开标题", max_length=SUBJECT_LIMIT)
    public_text = forms.CharField(label="公开的问题", max_length=TEXT_LIMIT, widget=TEXT)
    public_answer = forms.CharField(label="公开的答复", max_length=TEXT_LIMIT, widget=TEXT)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", max_length=300)


class FaqForm(forms.Form):
    question_text = forms.CharField(label="问题", max_length=300)
    answer_text = forms.CharField(label="解答", max_length=TEXT_LIMIT, widget=TEXT)
