from datetime import date

from ninja import Query, Router, Schema, Status

from gongkai.api.choices import choice

from .calendar import STEP_KIND_LABELS, compute_deadline
from .forms import CalculatorForm
from .services import current_calendar

router = Router(tags=["工作日"])


class WorkdayStepOut(Schema):
    day: date
    kind: choice(STEP_KIND_LABELS.items(), "这一天在计算中的情况")
    note: str
    count: int | None


class AddOut(Schema):
    start: date
    days: int
    date: date
    provisional: bool
    assumed_years: list[int]
    explanation: list[WorkdayStepOut]


class ErrorOut(Schema):
    detail: str


@router.get(
    "/workdays/add",
    response={200: AddOut, 400: ErrorOut},
    summary="计算若干个工作日后的日期",
    description=(
        "按国务院办公厅节假日安排计算：起算日当天不计入，周末和法定节假日不计，调休上班日计入。"
        "涉及尚未录入节假日安排的年份时，按《全国年节及纪念日放假办法》扣除该年的法定假日和"
        "适逢周末时按惯例推定的补假（调休无法预知），provisional 为 true，"
        "assumed_years 列出这些年份。"
        "explanation 逐日说明计算过程，kind 取 counted、weekend、holiday、makeup_workday、paused。"
    ),
)
def add_working_days(
    request,
    start: str = Query("", description="起算日期，YYYY-MM-DD，当日不计入", examples=["2026-09-18"]),
    days: str = Query("", description="工作日数，1 到 366 的整数", examples=["20"]),
):
    form = CalculatorForm({"start": start, "days": days})
    if not form.is_valid():
        return Status(400, {"detail": form.first_error()})
    deadline = compute_deadline(
        current_calendar(), start=form.cleaned_data["start"], limit=form.cleaned_data["days"]
    )
    return Status(
        200,
        {
            "start": deadline.start,
            "days": deadline.working_days,
            "date": deadline.due,
            "provisional": deadline.provisional,
            "assumed_years": list(deadline.assumed_years),
            "explanation": list(deadline.explanation),
        },
    )
