"""Demo applications: over 200, received over the two years before the day the demo is loaded,
in every status and with every outcome, some spanning National Day and the turn of the year.
Built through the workflow, each step by the unit's editor (an extension by its head) inside
`demotime.on(day)` at the date the step carries, so every letter, audit event and due date is
real and agrees with the others."""

import datetime

from gongkai.accounts.models import User
from gongkai.core import demotime
from gongkai.core.clock import local_today
from gongkai.units.models import Unit
from gongkai.workdays.calendar import add_working_days

from . import workflow
from .legal_basis import LEGAL_BASIS
from .models import (
    Application,
    ConsultationKind,
    ConsultationReply,
    ExcessiveDecision,
    RemedyKind,
    RemedyResult,
)
from .outcomes import REFUSALS, ApplicantKind, Outcome
from .samples import PDF, PNG, credit_code, resident_id
from .services import current_calendar

UNIT_CODES = ("fgj", "zjj", "jyj", "zrzyj", "mzj", "dhjd", "qsz", "qzfb")
COUNT = 216
# How far back the first application was received, counted from the day the demo is loaded.
HISTORY_DAYS = 700
# Received (month, day)s that make the clock run over National Day or the New Year; the
# demo takes the latest six of them that fall in its history.
SPANNING = ((9, 24), (9, 26), (9, 28), (9, 29), (12, 22), (12, 29))
TOPICS = (
    ("老旧小区改造项目清单", "请公开本单位老旧小区改造项目的名单、投资金额和施工单位。"),
    ("征地补偿安置方案", "请公开青石镇某村集体土地征收的补偿安置方案及批准文件。"),
    ("学校建设项目环评批复", "请公开某中学扩建项目的环境影响评价批复文件。"),
    ("低保资金发放情况", "请公开本年度城乡低保资金的发放户数和金额。"),
    ("行政处罚决定书", "请公开对某公司作出的行政处罚决定书。"),
    ("政府采购合同", "请公开道路照明改造项目的政府采购合同。"),
    ("会议纪要", "请公开研究某项目的专题会议纪要。"),
    ("财政预算执行情况", "请公开本单位上一年度财政预算执行情况。"),
)
NAMES = ("王建华", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽")
ORG_NAMES = {
    ApplicantKind.COMMERCIAL_ENTERPRISE: "东岚市恒达建材有限公司",
    ApplicantKind.RESEARCH_INSTITUTION: "东岚城市发展研究院",
    ApplicantKind.PUBLIC_INTEREST_ORGANISATION: "东岚绿色家园环保协会",
    ApplicantKind.LEGAL_SERVICES_ORGANISATION: "东岚正义律师事务所",
    ApplicantKind.OTHER_ORGANISATION: "东岚湖畔花园业主委员会",
}
FREE_OUTCOMES = [
    o
    for o in Outcome
    if o not in workflow.CLOSING_OUTCOMES and o != Outcome.UNAVAILABLE_STILL_UNCLEAR
]
# What a unit writes where the Regulation's provision points to other law, or names none.
WRITTEN_BASIS = {
    Outcome.WITHHELD_PROHIBITED_BY_LAW: "《中华人民共和国统计法》关于统计调查中获得的能够识别"
    "或者推断单个统计调查对象身份的资料应当保密的规定",
    Outcome.WITHHELD_INQUIRY_MATTER: "《不动产登记暂行条例》第二十七条",
    Outcome.NOT_PROCESSED_CONFIRMATION: "申请人要求确认或重新出具其已获取的信息，"
    "不属于《中华人民共和国政府信息公开条例》第二条所称的政府信息公开申请",
    Outcome.OTHER: "本机关政府信息公开申请办理工作制度",
}
# The arguments of the workflow functions that carry the date a step was taken.
STEP_DATES = (
    "event_date",
    "sent_on",
    "received_on",
    "replied_on",
    "closed_on",
    "issued_on",
    "notice_received_on",
    "party_received_on",
    "paid_on",
    "approved_on",
    "requested_on",
    "decided_on",
    "delivered_on",
    "filed_on",
)
CHANNELS = (
    "online",
    "online",
    "in_person",
    "registered_post",
    "ordinary_post",
    "email",
    "fax",
    "oral",
)


def load(stdout):
    if Application.objects.filter(submission_key__startswith="demo-").exists():
        return
    builder = _Builder(current_calendar(), local_today())
    for number in range(COUNT):
        builder.build(number)
    stdout.write(f"依申请公开：{COUNT} 件演示申请。")


class _Builder:
    def __init__(self, calendar, today):
        self.calendar = calendar
        self.today = today
        self.units = list(Unit.objects.filter(code__in=UNIT_CODES))
        staff = User.objects.filter(
            username__in=[f"{u.code}-{r}" for u in self.units for r in ("editor", "head")]
        )
        self.staff = {user.username: user for user in staff}
        self.first_day = today - datetime.timedelta(days=HISTORY_DAYS)
        last = add_working_days(calendar, today, 0) - datetime.timedelta(days=3)
        self.span = (last - self.first_day).days
        self.spanning = self._spanning(last)
        self.minutes = 0

    def _spanning(self, last):
        days = [
            self._working(datetime.date(year, month, day))
            for year in range(self.first_day.year, last.year + 1)
            for month, day in SPANNING
        ]
        return sorted(d for d in days if self.first_day <= d <= last)[-6:]

    def _working(self, day):
        return day if self.calendar.is_working_day(day) else self.wd(day, 1)

    def step(self, function, *, day=None, **arguments):
        """Call a workflow function with the clock at the date the step carries (the latest
        one, where a step records two); steps of one application follow each other."""
        day = day or max(arguments[name] for name in STEP_DATES if arguments.get(name))
        self.minutes += 7
        with demotime.on(day, self.minutes):
            return function(**arguments)

    def wd(self, start, n):
        return add_working_days(self.calendar, start, n)

    def received(self, number):
        if number < len(self.spanning):
            return self.spanning[number]
        return self._working(self.first_day + datetime.timedelta(days=(number * 7919) % self.span))

    def build(self, number):
        unit = self.units[number % len(self.units)]
        editor = self.staff[f"{unit.code}-editor"]
        received = self.received(number)
        self.minutes = 0
        application = self._register(number, unit, editor, received)
        # Still open if the story's last step (a reply after an extension, at most 40 working
        # days) would come after the load day.
        recent = self.wd(received, 45) > self.today
        scenario = number % 12
        if recent:
            self._open_state(number, application, editor, received)
        elif scenario == 0:
            self._corrected(application, editor, received, number)
        elif scenario == 1:
            self._correction_lapsed(application, editor, received)
        elif scenario == 2:
            self._fee(application, editor, received, paid=number % 24 == 2)
        elif scenario == 3:
            self._consulted(application, editor, received, number)
        elif scenario == 4:
            self._extended(application, editor, received, unit)
        elif scenario == 5:
            self._excessive(application, editor, received, number)
        else:
            self._reply(
                application,
                editor,
                self.wd(received, 5 + number % 12),
                FREE_OUTCOMES[number % len(FREE_OUTCOMES)],
            )
        self._after_reply(application, editor, number)

    def _register(self, number, unit, editor, received):
        kind = list(ApplicantKind)[number % 6 if number % 3 else 0]
        person = kind == ApplicantKind.NATURAL_PERSON
        title, description = TOPICS[number % len(TOPICS)]
        channel = CHANNELS[number % len(CHANNELS)]
        application, _code = self.step(
            workflow.register_application,
            actor=None if channel == "online" else editor,
            unit=unit,
            applicant_kind=kind,
            applicant_name=NAMES[number % len(NAMES)] if person else ORG_NAMES[kind],
            identity_kind="resident_id" if person else "credit_code",
            identity_number=resident_id(number % 40) if person else credit_code(number % 40 + 1),
            identity_proof=PNG if number % 2 else PDF,
            phone=f"139{number:08d}",
            email=f"applicant{number}@example.com",
            address=f"东岚区岚山街道幸福路{number}号",
            title=f"{unit.short_name}{title}",
            description=description,
            format_wanted="electronic" if number % 3 else "paper",
            delivery_wanted="email" if number % 3 else "post",
            channel=channel,
            event_date=received,
            submission_key=f"demo-{number}",
            submitter="demo",
        )
        return application

    def _reply(self, application, editor, on, outcome):
        fields = {"reasons": "经审查，依法作出上述答复。"}
        if LEGAL_BASIS[outcome].unit_writes:
            fields["legal_basis"] = WRITTEN_BASIS[outcome]
        if outcome in (Outcome.DISCLOSED, Outcome.PARTLY_DISCLOSED):
            fields["how_to_obtain"] = "随本答复书以电子邮件发送。"
            fields["files"] = []
        return self.step(
            workflow.issue_reply,
            actor=editor,
            application=application,
            outcome=outcome,
            replied_on=on,
            **fields,
        )

    def _open_state(self, number, application, editor, received):
        step = self.wd(received, 1)
        if step > self.today:
            return
        state = number % 6
        if state == 1:
            self.step(
                workflow.request_correction,
                actor=editor,
                application=application,
                items="请写明所需信息的年份和具体项目名称。",
                sent_on=step,
            )
        elif state == 2:
            self.step(
                workflow.start_consultation,
                actor=editor,
                application=application,
                kind=ConsultationKind.THIRD_PARTY,
                party_name="东岚市恒达建材有限公司",
                matter="所申请的合同含有该公司的报价信息。",
                sent_on=step,
            )
        elif state == 3:
            self.step(
                workflow.ask_for_reasons, actor=editor, application=application, requested_on=step
            )
        elif state == 4:
            self.step(
                workflow.issue_fee_notice,
                actor=editor,
                application=application,
                method="per_volume",
                pages=120 + number,
                issued_on=step,
            )

    def _corrected(self, application, editor, received, number):
        self.step(
            workflow.request_correction,
            actor=editor,
            application=application,
            items="请写明所需信息的年份。",
            sent_on=self.wd(received, 2),
        )
        back = self.wd(received, 6)
        self.step(
            workflow.receive_correction,
            actor=editor,
            application=application,
            received_on=back,
            corrected_text="所需信息为上一年度的。",
        )
        outcome = Outcome.UNAVAILABLE_STILL_UNCLEAR if number % 24 == 0 else Outcome.DISCLOSED
        self._reply(application, editor, self.wd(back, 10), outcome)

    def _correction_lapsed(self, application, editor, received):
        correction = self.step(
            workflow.request_correction,
            actor=editor,
            application=application,
            items="请写明所需信息的名称或文号。",
            sent_on=self.wd(received, 3),
            period_days=10,
        )
        self.step(
            workflow.close_correction_lapsed,
            actor=editor,
            application=application,
            closed_on=self.wd(correction.due_on, 1),
        )

    def _fee(self, application, editor, received, *, paid):
        # Per item needs more than ten applications a month from one applicant, which the demo
        # does not have; per volume shows the notice, the payment window and the closure.
        issued = self.wd(received, 3)
        notice = self.step(
            workflow.issue_fee_notice,
            actor=editor,
            application=application,
            method="per_volume",
            pages=60 if paid else 150,
            issued_on=issued,
            notice_received_on=self.wd(issued, 2),
        )
        if paid:
            self.step(
                workflow.record_payment,
                actor=editor,
                application=application,
                paid_on=self.wd(notice.issued_on, 5),
            )
            self._reply(application, editor, self.wd(received, 15), Outcome.DISCLOSED)
        else:
            self.step(
                workflow.close_fee_unpaid,
                actor=editor,
                application=application,
                closed_on=self.wd(notice.payment_due, 1),
            )

    def _consulted(self, application, editor, received, number):
        co_maker = number % 24 == 3
        sent = self.wd(received, 3)
        consultation = self.step(
            workflow.start_consultation,
            actor=editor,
            application=application,
            kind=ConsultationKind.CO_MAKER if co_maker else ConsultationKind.THIRD_PARTY,
            party_name="东岚区财政局" if co_maker else "东岚市恒达建材有限公司",
            matter="所申请信息涉及你方（联合制作或商业秘密）。",
            sent_on=sent,
            party_received_on=self.wd(sent, 2),
        )
        if co_maker:
            self.step(
                workflow.record_consultation_reply,
                day=self.wd(consultation.window_due, 1),
                actor=editor,
                consultation=consultation,
                reply=ConsultationReply.NONE,
            )
            self._reply(application, editor, self.wd(consultation.window_due, 5), Outcome.DISCLOSED)
        else:
            self.step(
                workflow.record_consultation_reply,
                actor=editor,
                consultation=consultation,
                reply=ConsultationReply.OBJECTION,
                replied_on=self.wd(sent, 6),
                reasons="涉及本公司商业秘密。",
            )
            self._reply(application, editor, self.wd(sent, 10), Outcome.WITHHELD_THIRD_PARTY)

    def _extended(self, application, editor, received, unit):
        head = self.staff[f"{unit.code}-head"]
        self.step(
            workflow.extend_deadline,
            actor=head,
            application=application,
            working_days=15,
            reason="所需信息数量较多，需调阅档案。",
            approved_on=self.wd(received, 18),
        )
        self._reply(application, editor, self.wd(received, 30), Outcome.PARTLY_DISCLOSED)

    def _excessive(self, application, editor, received, number):
        self.step(
            workflow.ask_for_reasons,
            actor=editor,
            application=application,
            requested_on=self.wd(received, 2),
        )
        if number % 24 == 5:
            self.step(
                workflow.handle_excessive_request,
                actor=editor,
                application=application,
                decision=ExcessiveDecision.DECLINE,
                decided_on=self.wd(received, 8),
                applicant_reasons="研究需要。",
                reasons="申请人短期内提出大量内容相同的申请，理由不合理。",
            )
        else:
            self.step(
                workflow.handle_excessive_request,
                actor=editor,
                application=application,
                decision=ExcessiveDecision.LONGER_DEADLINE,
                decided_on=self.wd(received, 8),
                applicant_reasons="诉讼需要。",
                custom_due=self.wd(received, 40),
            )
            self._reply(application, editor, self.wd(received, 35), Outcome.DISCLOSED)

    def _after_reply(self, application, editor, number):
        application.refresh_from_db()
        reply = getattr(application, "reply", None)
        if reply is None or application.status not in ("replied", "closed"):
            return
        delivered = self.wd(reply.replied_on, 2)
        if delivered > self.today or number % 5 == 0:
            return
        self.step(
            workflow.record_delivery,
            actor=editor,
            application=application,
            method="post" if number % 2 else "email",
            delivered_on=delivered,
            postal_tracking_number=f"EMS99{number:07d}",
        )
        if number % 3 == 0:
            self.step(workflow.archive, day=delivered, actor=editor, application=application)
        if reply.outcome in REFUSALS and number % 4 == 0 and self.wd(delivered, 10) <= self.today:
            kind = list(RemedyKind)[number % 3]
            result = list(RemedyResult)[number % 4]
            self.step(
                workflow.record_review,
                actor=editor,
                application=application,
                kind=kind,
                filed_on=self.wd(delivered, 5),
                body="东岚市人民政府",
                result=result,
                decided_on=self.wd(delivered, 10) if result != RemedyResult.PENDING else None,
            )
