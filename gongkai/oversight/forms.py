from django import forms


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
