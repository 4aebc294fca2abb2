import re
from datetime import date

from django import forms

from gongkai.core.widgets import DateInput

MAX_DAYS = 366
MAX_NOTICE_CHARS = 20000
LINE_RE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\s+(.{1,20}))?$")


class CalculatorForm(forms.Form):
    start = forms.DateField(
        label="起算日期",
        input_formats=["%Y-%m-%d"],
        help_text="例如收到申请的日期。起算日当天不计入。",
        widget=DateInput(),
        error_messages={
            "required": "请填写起算日期。",
            "invalid": "起算日期格式应为年-月-日，例如2026-11-27。",
        },
    )
    days = forms.IntegerField(
        label="工作日数",
        min_value=1,
        max_value=MAX_DAYS,
        help_text=f"1到{MAX_DAYS}之间的整数，例如答复期限为20个工作日。",
        error_messages={
            "required": "请填写工作日数。",
            "invalid": "工作日数应为整数。",
            "min_value": "工作日数至少为1。",
            "max_value": f"工作日数不能超过{MAX_DAYS}。",
        },
    )

    def clean_start(self):
        start = self.cleaned_data["start"]
        if not date(1950, 1, 1) <= start <= date(2199, 1, 1):
            raise forms.ValidationError("起算日期超出可计算的范围。")
        return start

    def first_error(self) -> str:
        return next(iter(e for errors in self.errors.values() for e in errors))


class NoticeForm(forms.Form):
    text = forms.CharField(
        label="通知全文",
        max_length=MAX_NOTICE_CHARS,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="粘贴《国务院办公厅关于XXXX年部分节假日安排的通知》全文，繁体转载亦可。",
        error_messages={
            "required": "请粘贴通知全文。",
            "max_length": "内容过长，请只粘贴通知本身。",
        },
    )
    year = forms.IntegerField(
        label="年份（可选）",
        required=False,
        min_value=2000,
        max_value=2199,
        help_text="只有粘贴的内容不含标题时才需要填写。",
        error_messages={
            "invalid": "年份应为四位数字。",
            "min_value": "年份不正确。",
            "max_value": "年份不正确。",
        },
    )


class YearForm(forms.Form):
    holidays = forms.CharField(
        label="放假日期",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="每行一个日期（年-月-日），可在日期后空一格写节日名称，如“2027-01-01 元旦”。",
        error_messages={"required": "请填写放假日期。"},
    )
    workdays = forms.CharField(
        label="调休上班日期",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="每行一个周六或周日的日期。",
    )
    source_note = forms.CharField(
        label="依据", max_length=200, required=False, help_text="例如 国办发明电〔2026〕×号"
    )
    reason = forms.CharField(
        label="修改理由", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, correcting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = correcting
        self.fields["reason"].error_messages["required"] = "更正已有年份时请填写修改理由。"

    def clean_holidays(self):
        return _parse_lines(self.cleaned_data["holidays"], "放假日期")

    def clean_workdays(self):
        return _parse_lines(self.cleaned_data["workdays"], "调休上班日期")


def _parse_lines(text: str, label: str) -> dict[date, str]:
    """{date: name} from one "YYYY-MM-DD [name]" per line."""
    result = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = LINE_RE.match(line)
        try:
            day = date.fromisoformat(_pad(match.group(1))) if match else None
        except ValueError:
            day = None
        if day is None:
            raise forms.ValidationError(
                f"{label}第{number}行“{line[:30]}”不是有效日期，应为年-月-日，例如2027-01-01。"
            )
        result[day] = (match.group(2) or "").strip()
    return result


def year_lines(dates, names=None) -> str:
    names = names or {}
    return "\n".join(f"{d} {names.get(d, '')}".strip() for d in sorted(dates))


def _pad(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"
