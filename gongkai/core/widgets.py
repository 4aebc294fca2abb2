"""Form widgets shared by the apps."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker. It only accepts ISO dates, so the value is always written
    as YYYY-MM-DD whatever the locale's display format (zh-Hans would write 2026/09/03, which
    the picker drops, losing defaults and typed dates when a form comes back with errors)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
