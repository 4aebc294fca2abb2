from django import forms

from .models import Decision


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = [
            "kind",
            "number",
            "title",
            "party_kind",
            "party_name",
            "party_identifier",
            "facts",
            "basis",
            "outcome",
            "decided_on",
        ]
        widgets = {
            "party_name": forms.TextInput,
            "party_identifier": forms.TextInput,
            "facts": forms.Textarea(attrs={"rows": 3}),
            "basis": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 2}),
            "decided_on": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "party_name": "自然人的姓名在公示时遮蔽为“张*”。",
            "party_identifier": "自然人的身份证号只公示前六位和后四位；企业填写统一社会信用代码。",
        }

    def _post_clean(self):
        # The service validates and saves; the model's own checks would run without a unit.
        pass


class RevokeForm(forms.Form):
    reason = forms.CharField(label="撤销原因", max_length=300)


class FilterForm(forms.Form):
    kind = forms.ChoiceField(label="决定类别", required=False)
    unit = forms.ChoiceField(label="单位", required=False)
    q = forms.CharField(label="关键词", required=False, max_length=100)

    def __init__(self, units, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import DecisionKind

        self.fields["kind"].choices = [("", "全部"), *DecisionKind.choices]
        self.fields["unit"].choices = [("", "全部")] + [(u.code, u.short_name) for u in units]
