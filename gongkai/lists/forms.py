from django import forms

from gongkai.core.forms import within_upload_limit

from .schemas import Schema


class ImportForm(forms.Form):
    file = forms.FileField(
        label="清单表格（XLSX）",
        validators=[within_upload_limit],
        help_text="请使用下载的模板填写。表格中任何一行有错，整份表格都不会导入。",
    )


class EntryForm(forms.Form):
    """A row of a list, built from its schema."""

    def __init__(self, schema: Schema, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for column in schema.columns:
            if column.choices:
                field = forms.ChoiceField(
                    label=column.label,
                    required=column.required,
                    choices=[("", "请选择")] + [(c, c) for c in column.choices],
                )
            else:
                field = forms.CharField(
                    label=column.label,
                    required=column.required,
                    max_length=column.max_length,
                    widget=forms.Textarea(attrs={"rows": 3}) if column.long else None,
                )
            field.help_text = column.hint
            self.fields[column.key] = field


class SubmitForm(forms.Form):
    note = forms.CharField(label="修订说明", max_length=300)


class ReturnForm(forms.Form):
    reason = forms.CharField(label="退回理由", max_length=300)


class SettingForm(forms.Form):
    required = forms.BooleanField(label="各单位必须公开", required=False)
    stale_after_days = forms.IntegerField(label="更新周期（自然日）", min_value=1, max_value=3660)
    due_on = forms.DateField(label="公开期限（可选）", required=False)


class FilterForm(forms.Form):
    """The public page's filters: free text and the schema's filter columns (GET, no JS)."""

    q = forms.CharField(label="关键词", required=False, max_length=100)

    def __init__(self, schema: Schema, options: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for column in schema.filters:
            values = column.choices or tuple(options.get(column.key, ()))
            self.fields[column.key] = forms.ChoiceField(
                label=column.label,
                required=False,
                choices=[("", "全部")] + [(v, v) for v in values],
            )
