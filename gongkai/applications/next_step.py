"""The next step the law expects on an application, and who must take it, so the handler's
page leads with one step instead of offering every possible action alike."""

from dataclasses import dataclass

from .models import Status


@dataclass(frozen=True)
class NextStep:
    action: str  # the console action that carries the step out ("" when someone else acts)
    who: str
    text: str


STEPS = {
    Status.IN_PROGRESS: NextStep(
        "issue_reply",
        "承办人",
        "在答复期限内作出答复（条例第三十三条）。申请内容不明确的，应自收到申请之日起7个工作日内"
        "一次性告知补正；涉及第三方权益的先征求意见；确需延期的，在期限届满前报政府信息公开工作"
        "机构负责人批准。",
    ),
    Status.AWAITING_CORRECTION: NextStep(
        "receive_correction",
        "申请人补正，承办人登记",
        "等待申请人在补正期限内补正；收到后登记收到补正之日，答复期限自该日起重新计算。"
        "逾期未补正的，视为放弃申请（第三十条）。",
    ),
    Status.CONSULTING: NextStep(
        "record_consultation_reply",
        "被征求意见方答复，承办人记录",
        "等待第三方或其他机关在15个工作日内提出意见；征求意见的时间不计入答复期限（第三十二条、"
        "第三十四条）。收到意见后记录。",
    ),
    Status.AWAITING_REASONS: NextStep(
        "",
        "申请人",
        "等待申请人说明理由（第三十五条）；收到后按说明处理，不能说明或理由不合理的可以不予处理。",
    ),
    Status.AWAITING_FEE: NextStep(
        "record_payment",
        "申请人缴费，承办人记录",
        "等待申请人在收到收费通知之日起20个工作日内缴费；缴费后记录，逾期未缴费的可以终止办理。",
    ),
    Status.REPLIED: NextStep(
        "record_delivery",
        "承办人",
        "按申请人选择的方式送达答复书和信息，并登记送达日期和方式。",
    ),
    Status.DELIVERED: NextStep("archive", "承办人", "办结归档。"),
    Status.CLOSED: NextStep("archive", "承办人", "办结归档。"),
}


HEAD = "政府信息公开工作机构负责人"


def next_step(application):
    """The step expected now, or None for an archived application. An extension waiting for
    the head's approval comes first: until the head decides, the handler cannot plan."""
    step = STEPS.get(application.status)
    if application.status not in (Status.IN_PROGRESS, Status.CONSULTING):
        return step
    pending = application.extension_requests.pending().select_related("requested_by").first()
    if pending is None:
        return step
    return NextStep(
        "extend_deadline",
        HEAD,
        f"审批延期：{pending.requested_by}于{pending.requested_on:%Y年%-m月%-d日}请求将答复期限"
        f"延长{pending.working_days}个工作日，理由：{pending.reason}同意的，批准后系统出具"
        f"延期答复告知书；不同意的，写明意见退回，承办人须在原期限内答复（条例第三十三条）。",
    )
