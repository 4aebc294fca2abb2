from django import forms

from gongkai.units.models import Unit, UnitKind

from .models import MessageKind
from .services import TEXT_LIMIT


class MessageForm(forms.Form):
    template_name = "portal/forms/public.html"

    government = forms.ModelChoiceField(
        label="向哪级政府反映", queryset=Unit.objects.none(), empty_label=None
    )
    kind = forms.ChoiceField(label="类别", choices=MessageKind.choices)
    text = forms.CharField(
        label="内容",
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="请写明哪里有误、应当是什么，或您的意见。请不要填写身份证号等个人信息。",
    )
    contact = forms.CharField(
        label="联系方式",
        max_length=100,
        required=False,
        help_text="电话或电子邮箱，需要回复时填写；仅政务公开办可见。",
    )
    page = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        governments = Unit.objects.active().filter(kind=UnitKind.GOVERNMENT)
        self.fields["government"].queryset = governments
        self.fields["government"].label_from_instance = lambda unit: unit.full_name


class HandleForm(forms.Form):
    reply_note = forms.CharField(label="处理情况", widget=forms.Textarea(attrs={"rows": 3}))
