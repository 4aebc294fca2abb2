"""The statutory clocks of an application, composed from recorded facts.

The reply deadline (Art. 33) runs 20 working days from the received date, or from the day the
corrected application arrived (Art. 30: a restart, not a pause). Consultations with third
parties (Art. 32) and co-makers (Art. 34) do not count, an approved extension adds at most 20
working days, the wait for a fee payment stops the clock when the local policy says so, and an
Art. 35 deadline set for an excessive request replaces the whole computation.
"""

from dataclasses import dataclass
from datetime import date

from gongkai.workdays.calendar import (
    Deadline,
    Pause,
    add_working_days,
    compute_deadline,
    working_days_between,
)

REPLY_LIMIT = 20
MAX_EXTENSION = 20
CORRECTION_NOTICE_LIMIT = 7
CONSULTATION_WINDOW = 15
FEE_PAYMENT_WINDOW = 20
DEFAULT_CORRECTION_PERIOD = 15


@dataclass(frozen=True)
class Wait:
    """A period the clock may stop for: from ``started`` until ``ended`` (inclusive), or, while
    no answer is recorded, until the end of the other side's window. ``provisional`` says the
    window was counted from the sending day because the other side's receipt is not yet
    recorded: the real window can only end later."""

    started: date
    window_end: date
    ended: date | None = None
    reason: str = ""
    provisional: bool = False

    @property
    def is_provisional(self):
        return self.provisional and self.ended is None

    def as_pause(self):
        end = self.ended if self.ended is not None else self.window_end
        return Pause(self.started, max(end, self.started), self.reason)


@dataclass(frozen=True)
class ReplyFacts:
    received: date
    corrected_received: date | None = None
    consultations: tuple[Wait, ...] = ()
    fee_waits: tuple[Wait, ...] = ()
    fee_clock_stops: bool = True
    extension: int = 0
    custom_due: date | None = None
    # Art. 31(三): an online application the unit has not yet confirmed; ``received`` is then
    # only the day it was submitted (or the next working day), so the deadline is provisional.
    awaiting_confirmation: bool = False


@dataclass(frozen=True)
class ReplyDeadline:
    due: date
    provisional: bool
    deadline: Deadline
    notes: tuple[str, ...]

    def working_days_left(self, calendar, today):
        """Working days from ``today`` to the due date; negative once overdue."""
        return working_days_between(calendar, today, self.due)


def consultation_wait(calendar, *, sent_on, received_on=None, replied_on=None, reason="征求意见"):
    window_end = consultation_window_due(calendar, received_on or sent_on)
    return Wait(sent_on, window_end, replied_on, reason, provisional=received_on is None)


def fee_wait(calendar, *, notice_received_on, paid_on=None):
    window_end = fee_payment_due(calendar, notice_received_on)
    return Wait(notice_received_on, window_end, paid_on, "等待缴纳信息处理费")


def correction_notice_due(calendar, received):
    """The last day to send the one correction notice (Art. 30)."""
    return add_working_days(calendar, received, CORRECTION_NOTICE_LIMIT)


# Each window below is a Deadline, so the recorded date and its explanation come from one
# computation; the ``*_due`` functions give the date the rows record.


def correction_period(calendar, notice_sent_on, period=DEFAULT_CORRECTION_PERIOD):
    """The correction period the notice grants the applicant."""
    return compute_deadline(calendar, start=notice_sent_on, limit=period)


def correction_due(calendar, notice_sent_on, period=DEFAULT_CORRECTION_PERIOD):
    return correction_period(calendar, notice_sent_on, period).due


def consultation_window(calendar, party_received_on):
    """Arts. 32, 34: 15 working days from the consulted party's receipt of the notice."""
    return compute_deadline(calendar, start=party_received_on, limit=CONSULTATION_WINDOW)


def consultation_window_due(calendar, party_received_on):
    return consultation_window(calendar, party_received_on).due


def fee_payment_window(calendar, notice_received_on):
    """Rule 22: 20 working days from the day after the applicant received the fee notice."""
    return compute_deadline(calendar, start=notice_received_on, limit=FEE_PAYMENT_WINDOW)


def fee_payment_due(calendar, notice_received_on):
    return fee_payment_window(calendar, notice_received_on).due


def reply_deadline(calendar, facts):
    """The reply due date and how it was computed."""
    if not 0 <= facts.extension <= MAX_EXTENSION:
        raise ValueError(f"延长答复期限最长不得超过{MAX_EXTENSION}个工作日")
    start = facts.corrected_received or facts.received
    waits = facts.consultations + (facts.fee_waits if facts.fee_clock_stops else ())
    pauses = tuple(wait.as_pause() for wait in waits)
    deadline = compute_deadline(
        calendar, start=start, limit=REPLY_LIMIT, pauses=pauses, extension=facts.extension
    )
    notes = _notes(facts, start, pauses)
    waiting_for_receipt = any(wait.is_provisional for wait in waits)
    if facts.awaiting_confirmation:
        notes += (
            "网上申请尚待受理单位确认收到，暂按提交日期计算；确认后，答复期限自双方确认之日起计算。",
        )
    if waiting_for_receipt:
        notes += (
            "对方收到通知的日期尚未登记，暂按发出之日计算其答复或缴费期限；"
            "登记收到日期后，答复期限将顺延。",
        )
    if facts.custom_due is not None:
        notes += (
            f"因申请数量、频次明显超过合理范围，依第三十五条确定延迟答复期限至"
            f"{facts.custom_due:%Y年%m月%d日}。",
        )
        return ReplyDeadline(facts.custom_due, False, deadline, notes)
    provisional = deadline.provisional or waiting_for_receipt or facts.awaiting_confirmation
    return ReplyDeadline(deadline.due, provisional, deadline, notes)


def _notes(facts, start, pauses):
    if facts.corrected_received is not None:
        notes = [f"自收到补正后申请之日（{start:%Y年%m月%d日}）起重新计算{REPLY_LIMIT}个工作日。"]
    else:
        notes = [f"自收到申请之日（{start:%Y年%m月%d日}）起计算{REPLY_LIMIT}个工作日，当日不计入。"]
    for pause in pauses:
        notes.append(
            f"{pause.start:%Y年%m月%d日}至{pause.end:%Y年%m月%d日}{pause.reason}，不计入答复期限。"
        )
    if facts.fee_waits and not facts.fee_clock_stops:
        notes.append("按本地规定，等待缴费期间继续计算答复期限。")
    if facts.extension:
        notes.append(f"经政府信息公开工作机构负责人同意，延长答复期限{facts.extension}个工作日。")
    return tuple(notes)
