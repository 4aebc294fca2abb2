"""A year of 政民互动 in the demo district: residents' questions and letters to the leaders'
mailbox, every one through the workflow a person's clicks call, each step dated with
`demotime.on` — asked, assigned by the openness office the next working day, some forwarded
to the right unit (the due date kept), answered (a few late), published when the asker agreed,
a few of the answers made into their unit's FAQ. The newest are still open, and two older ones
were left unanswered and show as late on the dashboard and in the inspection. Idempotent."""

import datetime

from gongkai.accounts.models import User
from gongkai.core import demotime
from gongkai.core.clock import local_today
from gongkai.units.models import Unit
from gongkai.workdays.calendar import add_working_days

from . import services, workflow
from .models import Question

# (kind, unit asked, unit that answers, subject, question, answer, FAQ question or "")
TOPICS = (
    (
        "question",
        "jyj",
        "jyj",
        "小学新生入学网上报名时间",
        "孩子今年满六周岁，请问小学新生入学网上报名什么时候开始？需要准备哪些材料？",
        "本区小学新生入学网上报名一般在每年6月中下旬进行，具体时间以区教育局发布的招生通知为准。"
        "报名需准备户口簿、不动产权证书或租赁备案证明、儿童预防接种证等材料。",
        "小学新生入学网上报名什么时候开始，需要哪些材料？",
    ),
    (
        "question",
        "rsj",
        "ybj",
        "灵活就业人员医保缴费",
        "我是灵活就业人员，想问一下城镇职工医保每年什么时候缴费，可以按月缴吗？",
        "灵活就业人员参加职工基本医疗保险可以按月、按季或按年缴费，"
        "通过税务部门的社保费缴费渠道办理。缴费基数和标准每年公布，请留意区医保局的通知。",
        "灵活就业人员怎样缴纳职工医保？",
    ),
    (
        "question",
        "zjj",
        "zjj",
        "公租房申请条件",
        "请问非本区户籍、在本区工作的人员可以申请公共租赁住房吗？收入有什么要求？",
        "在本区稳定就业、连续缴纳社会保险满一年且本人及家庭成员在本区无自有住房的非本区户籍人员，"
        "可以申请公共租赁住房。收入标准按年度公布，申请可在区政务服务中心住房保障窗口办理。",
        "非本区户籍人员能申请公租房吗？",
    ),
    (
        "letter",
        None,
        "jtj",
        "建议增开东湖街道至开发区的公交线路",
        "东湖街道不少居民在开发区上班，早高峰公交要换乘两次，建议增开一条直达线路。",
        "感谢您的建议。区交通运输局已会同公交企业开展客流调查，"
        "拟于下季度试开东湖街道至经开区的高峰直达线路，开通时间将另行公告。",
        "",
    ),
    (
        "question",
        "mzj",
        "mzj",
        "高龄津贴如何申领",
        "家里老人今年满八十周岁，请问高龄津贴怎么申请？要去哪里办？",
        "年满八十周岁的本区户籍老年人可申领高龄津贴。由本人或家属持身份证、户口簿到户籍所在地"
        "街道（镇）便民服务中心申请，也可以在线上政务服务平台办理，审核通过后次月起按月发放。",
        "高龄津贴怎么申领？",
    ),
    (
        "letter",
        None,
        "cgj",
        "西城街道夜间施工噪声扰民",
        "西城街道某工地连续多日晚上十点以后仍在施工，噪声很大，影响居民休息，希望管一管。",
        "区城市管理局接到来信后于次日夜间到现场检查，已责令施工单位停止夜间违规施工，"
        "并将其纳入重点巡查。夜间确需连续施工的须依法办理手续并公告周边居民。",
        "",
    ),
    (
        "question",
        "scjgj",
        "xzspj",
        "个体工商户营业执照办理",
        "想开一家小餐馆，办理个体工商户营业执照和食品经营许可需要多长时间？",
        "个体工商户登记和食品经营许可可在区政务服务中心一窗办理，材料齐全的当场或三个工作日内办结，"
        "也可以通过网上政务服务平台全程网办。",
        "开小餐馆要办哪些证，多久能办好？",
    ),
    (
        "question",
        "wjw",
        "wjw",
        "家庭医生签约",
        "请问怎样签约家庭医生？签约后有哪些服务，需要交费吗？",
        "居民可到就近的社区卫生服务中心或乡镇卫生院签约家庭医生，基础服务包免费，"
        "包括健康评估、慢病随访、健康咨询等，个性化服务包按规定收费。",
        "怎样签约家庭医生，要交费吗？",
    ),
    (
        "letter",
        None,
        "jyj",
        "建议延长学校课后服务时间",
        "双职工家庭下班较晚，建议学校课后服务延长到下午六点。",
        "区教育局已在部分学校试点课后服务延时至18:00，家长可自愿申请，试点情况良好后将逐步推开。",
        "",
    ),
    (
        "question",
        "rsj",
        "rsj",
        "失业保险金申领",
        "公司裁员后我失业了，请问失业保险金怎么申领？能领多久？",
        "非因本人意愿中断就业、已办理失业登记并有求职要求、缴纳失业保险满一年的，可申领失业保险金。"
        "领取期限根据累计缴费时间确定，最长不超过24个月，可在线上或区人社局窗口申请。",
        "失业保险金怎么领，能领多久？",
    ),
    (
        "question",
        "zrzyj",
        "zjj",
        "二手房交易后的不动产登记",
        "买了一套二手房，请问过户登记要带哪些材料，多久能拿到不动产权证书？",
        "二手房转移登记可在不动产登记中心“一窗受理”，买卖双方携带身份证明、原不动产权证书、"
        "买卖合同及完税凭证办理，一般五个工作日内办结。",
        "",
    ),
    (
        "letter",
        None,
        "slj",
        "南岭街道雨后道路积水",
        "每次下大雨南岭街道农贸市场门口都积水很深，希望尽快改造排水设施。",
        "区水利局已将该路段列入今年排水防涝设施改造计划，雨季前完成管网疏通，改造工程年内完工。",
        "",
    ),
)

# (asked this many days before the load day, topic index, how it ends). A steady flow over a
# year; "late" is answered after its due date, "forward" goes first to the unit asked.
STEPS_DAYS = 360
ENDINGS = ("published", "published", "answered", "published", "forward", "published", "late")

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ["红", "伟", "芳", "军", "敏", "静", "磊", "丽", "强", "洋"]


def load(stdout):
    if Question.objects.exists():
        return
    builder = _Builder(local_today())
    count = builder.build()
    stdout.write(f"政民互动：{count} 条演示留言。")


class _Builder:
    def __init__(self, today):
        self.today = today
        self.calendar = services.current_calendar()
        self.government = Unit.objects.get(code="dlq")
        self.units = {u.code: u for u in Unit.objects.filter(government=self.government)}
        self.office = User.objects.get(username="office")
        self.users = {u.username: u for u in User.objects.filter(username__contains="-")}
        self.minutes = 0
        self.faq_done = set()

    def wd(self, day, n):
        return add_working_days(self.calendar, day, n)

    def at(self, day, function, **arguments):
        self.minutes = (self.minutes + 11) % 480
        with demotime.on(day, self.minutes):
            return function(**arguments)

    def build(self):
        count = 0
        number = 0
        day = self.today - datetime.timedelta(days=STEPS_DAYS)
        while day <= self.today:
            self.question(number, day)
            count += 1
            number += 1
            day += datetime.timedelta(days=3 if number % 2 else 2)
        return count

    def question(self, number, day):
        kind, asked, answering, subject, text, answer, faq = TOPICS[number % len(TOPICS)]
        ending = ENDINGS[number % len(ENDINGS)]
        received = day
        name = SURNAMES[number % len(SURNAMES)] + GIVEN[number % len(GIVEN)]
        question, _code = self.at(
            day,
            workflow.submit_question,
            actor=None,
            kind=kind,
            government=self.government,
            requested_unit=self.units.get(asked) if asked else None,
            subject=subject,
            text=text,
            asker_name=name,
            phone=f"139{number:08d}",
            email="",
            consent_to_publish=ending != "answered",
        )
        # Two older questions were assigned and then left unanswered: late.
        stalled = number in (128, 131)
        first = self.units[asked] if ending == "forward" and asked else self.units[answering]
        assign_on = self.wd(received, 1)
        if assign_on > self.today:
            return
        question = self.at(
            assign_on, workflow.assign_question, actor=self.office, question=question, unit=first
        )
        handler = self.users[f"{first.code}-editor"]
        if first.code != answering:
            forward_on = self.wd(assign_on, 2)
            if forward_on > self.today:
                return
            question = self.at(
                forward_on,
                workflow.forward_question,
                actor=handler,
                question=question,
                to_unit=self.units[answering],
                reason=f"该事项属于{self.units[answering].short_name}职责，转其答复。",
            )
            handler = self.users[f"{answering}-editor"]
        if stalled:
            return
        answer_on = self.wd(received, 12 if ending == "late" else 3 + number % 6)
        if answer_on > self.today:
            return
        question = self.at(
            answer_on, workflow.answer_question, actor=handler, question=question, answer=answer
        )
        reviewer = self.users[f"{answering}-reviewer"]
        publish_on = self.wd(answer_on, 1)
        if question.consent_to_publish and publish_on <= self.today:
            question = self.at(
                publish_on,
                workflow.publish_answer,
                actor=reviewer,
                question=question,
                public_subject=subject,
                public_text=services.masked_copy(question, text),
                public_answer=answer,
            )
        if faq and answering not in self.faq_done and publish_on <= self.today:
            self.faq_done.add(answering)
            self.at(
                publish_on,
                workflow.promote_to_faq,
                actor=reviewer,
                question=question,
                question_text=faq,
                answer_text=answer,
            )
