"""A year of consultations in the demo district, made the way units make them: an editor
drafts, a reviewer opens it, the public comments (some by copying a campaign text), staff
moderate, answer each group, publish the feedback report through publishing's review and
close; two business-related drafts also invite the bureaus' representative enterprises and
associations. Two consultations are
open today and one is being processed. Each step is dated by the demo clock (demotime).
Idempotent: nothing is added when the district already has consultations."""

from datetime import timedelta

from gongkai.accounts.models import User
from gongkai.core.clock import local_date, local_today
from gongkai.core.demotime import on
from gongkai.publishing import workflow as publishing
from gongkai.units.models import Unit

from . import workflow
from .models import Consultation

NAMES = ["王建国", "李海燕", "", "陈晓梅", "", "刘志强", "赵丽娟", "", "周立新", "吴春生"]
CONTACTS = ["13800001111", "", "wang@example.com", "", "13900002222", "", "", "13700003333"]

# (unit, days before today it opened, period in calendar days, is_major, short-period
#  reason, title, draft paragraphs, explanation, audiences,
#  [(comment, copies, paragraph)], {group text prefix: (disposition, reason)})
CONSULTATIONS = [
    (
        "scjgj",
        340,
        30,
        True,
        "",
        "东岚区小餐饮店登记管理办法（征求意见稿）",
        [
            "第一条 为规范小餐饮店经营，保障食品安全，方便群众生活，制定本办法。",
            "第二条 本办法所称小餐饮店，是指经营场所面积不超过五十平方米的餐饮服务经营者。",
            "第三条 小餐饮店实行登记管理，登记证有效期三年。",
            "第四条 登记证应当在经营场所醒目位置公示。",
        ],
        "省食品安全条例授权县级人民政府制定小餐饮店管理办法。本办法明确登记条件和程序。",
        ["public", "enterprises", "associations"],
        [
            ("建议将登记证有效期延长为五年，减少经营者往返办理。", 6, 3),
            ("希望登记可以全程网上办理，不用跑窗口。", 3, None),
            ("第二条面积标准五十平方米偏小，建议放宽到八十平方米。", 1, 2),
            ("建议增加对小餐饮店油烟排放的要求。", 1, None),
        ],
        {
            "建议将登记证": ("partly", "有效期调整为五年；到期前可网上延续。"),
            "希望登记": ("adopted", "已在第三条增加全程网上办理的规定。"),
            "第二条面积": ("not_adopted", "面积标准依照省条例确定，本办法不能突破。"),
            "建议增加对": ("adopted", "已增加第五条油烟排放要求。"),
            "建议对已经营": ("adopted", "增加六个月过渡期。"),
            "支持网上办理": ("adopted", "将编制办理指南并在网上公布。"),
        },
    ),
    (
        "zjj",
        280,
        30,
        True,
        "",
        "东岚区老旧小区加装电梯补助办法（征求意见稿）",
        [
            "第一条 为支持既有多层住宅加装电梯，制定本办法。",
            "第二条 每台电梯补助二十万元，由区财政安排。",
            "第三条 加装电梯应当经本单元三分之二以上业主同意。",
            "第四条 补助资金在电梯验收合格后一次性拨付。",
        ],
        "落实城镇老旧小区改造工作要求，明确加装电梯的补助标准和程序。",
        ["public", "experts"],
        [
            ("强烈呼吁提高补助标准到每台三十万元，减轻居民负担！", 14, 2),
            ("一楼住户的采光和噪声损失应当给予补偿。", 2, 3),
            ("建议补助资金分两次拨付，开工时先拨一半。", 1, 4),
        ],
        {
            "强烈呼吁": ("not_adopted", "补助标准与市级标准衔接，区财政另有配套贷款贴息。"),
            "一楼住户": ("partly", "增加协商补偿的指导意见，具体由业主协商确定。"),
            "建议补助资金": ("adopted", "改为开工后拨付百分之五十、验收后拨付其余部分。"),
        },
    ),
    (
        "jyj",
        210,
        20,
        False,
        "",
        "东岚区义务教育阶段学校课后服务实施方案（征求意见稿）",
        [
            "一、课后服务时间为每个上课日下午放学后至十七点三十分。",
            "二、课后服务以作业辅导和兴趣活动为主，家长自愿参加。",
            "三、课后服务收费标准为每生每学期三百元。",
        ],
        "根据上级关于做好中小学课后服务工作的要求制定。",
        ["public"],
        [
            ("希望课后服务延长到十八点，方便双职工家庭接孩子。", 9, 1),
            ("建议对低保家庭学生免收课后服务费。", 2, 3),
            ("兴趣活动请多安排体育项目。", 1, 2),
        ],
        {
            "希望课后服务": ("adopted", "课后服务结束时间调整为十八点。"),
            "建议对低保": ("adopted", "低保、特困家庭学生免收费用。"),
            "兴趣活动请": ("partly", "每周至少安排两次体育类活动。"),
        },
    ),
    (
        "swj",
        150,
        30,
        True,
        "",
        "东岚区促进夜间经济发展若干措施（征求意见稿）",
        [
            "一、在湖滨路、西城商业街设立夜间经济示范街区。",
            "二、示范街区内商户延时经营的，给予每户每年一万元补助。",
            "三、完善夜间公共交通，延长公交末班时间。",
        ],
        "为提振消费、丰富群众夜间生活，商务局会同有关部门起草本措施。",
        ["public", "enterprises", "associations"],
        [
            ("夜间经营噪声扰民，建议明确二十二点后禁止外放音乐。", 5, 1),
            ("补助门槛应当向小微商户倾斜。", 1, 2),
            ("建议延长地铁和公交末班时间到二十三点。", 3, 3),
        ],
        {
            "夜间经营": ("adopted", "增加噪声管控条款，二十二点后禁止外放音乐。"),
            "补助门槛": ("partly", "小微商户补助比例提高，总额不变。"),
            "建议延长": ("partly", "公交末班延长到二十三点；地铁由市级部门统筹。"),
            "建议补助资金在": ("adopted", "补助资金在次年一季度前兑付。"),
        },
    ),
    (
        "cgj",
        70,
        15,
        True,
        "台风季前须完成户外广告设施安全整治，征求意见期缩短为15个自然日。",
        "东岚区户外广告设施设置管理规定（征求意见稿）",
        [
            "第一条 为加强户外广告设施管理，保障公共安全，制定本规定。",
            "第二条 户外广告设施应当每年进行一次安全检测。",
            "第三条 设置户外广告设施应当取得许可。",
        ],
        "近期多处户外广告牌出现安全隐患，需尽快完善管理规定。",
        ["public", "enterprises"],
        [
            ("安全检测费用较高，建议两年检测一次。", 2, 2),
            ("建议公布全区户外广告设施的许可清单。", 1, 3),
        ],
        {
            "安全检测费用": (
                "not_adopted",
                "台风多发地区须每年检测，区财政对小商户检测费给予补助。",
            ),
        },
    ),
    (
        "scjgj",
        12,
        30,
        True,
        "",
        "东岚区农贸市场食品安全管理规定（征求意见稿）",
        [
            "第一条 为加强农贸市场食品安全管理，制定本规定。",
            "第二条 市场开办者应当配备食品安全管理人员和快检室。",
            "第三条 市场开办者每日公示快检结果。",
        ],
        "落实食品安全属地管理责任，明确农贸市场开办者的管理义务。",
        ["public", "enterprises", "associations"],
        [
            ("建议快检结果通过电子屏和小程序同时公示。", 4, 3),
            ("小型市场配备快检室负担重，建议允许委托检测。", 1, 2),
        ],
        {},
    ),
    (
        "zjj",
        3,
        30,
        True,
        "",
        "东岚区住宅小区物业服务收费管理办法（征求意见稿）",
        [
            "第一条 为规范物业服务收费行为，维护业主和物业服务企业的合法权益，制定本办法。",
            "第二条 普通住宅前期物业服务收费实行政府指导价。",
            "第三条 物业服务企业应当每半年公布一次收支情况。",
        ],
        "原办法已施行八年，收费标准和公示要求需要调整。",
        ["public", "enterprises", "associations"],
        [("建议物业服务企业每季度公布收支情况。", 2, 3)],
        {},
    ),
]

# Representative enterprises and associations, per field, of the two bureaus that write
# rules touching business, and the drafts they were invited to comment on.
STAKEHOLDERS = {
    "scjgj": [
        ("餐饮", "东岚区餐饮行业协会", "association", "王秘书长 13800005501"),
        ("餐饮", "东岚区湖畔餐饮管理有限公司", "enterprise", "李经理 13800005502"),
        ("农贸市场", "东岚区农贸市场经营管理有限公司", "enterprise", "赵经理 13800005503"),
        ("个体经营", "东岚区个体劳动者协会", "association", ""),
    ],
    "swj": [
        ("商贸", "东岚区总商会", "chamber", "陈秘书长 13800005601"),
        ("商贸", "东岚区商业联合会", "association", ""),
    ],
}
INVITED = {
    "东岚区小餐饮店登记管理办法（征求意见稿）": [
        ("东岚区餐饮行业协会", "座谈会", "建议对已经营的小餐饮店设置六个月过渡期。"),
        ("东岚区湖畔餐饮管理有限公司", "函件", ""),
        ("东岚区个体劳动者协会", "函件", "支持网上办理，建议提供办理指南。"),
    ],
    "东岚区促进夜间经济发展若干措施（征求意见稿）": [
        ("东岚区总商会", "座谈会", "建议补助资金在次年一季度前兑付。"),
    ],
    "东岚区农贸市场食品安全管理规定（征求意见稿）": [
        ("东岚区农贸市场经营管理有限公司", "函件", ""),
    ],
}


def _staff(code, role):
    return User.objects.get(username=f"{code}-{role}")


def _stakeholders():
    made = {}
    for code, rows in STAKEHOLDERS.items():
        unit = Unit.objects.get(code=code)
        editor = _staff(code, "editor")
        for field, name, kind, contact in rows:
            made[name] = workflow.add_stakeholder(
                actor=editor, unit=unit, field=field, name=name, kind=kind, contact=contact
            )
    return made


def load(stdout):
    if not Unit.objects.filter(code="scjgj").exists() or Consultation.objects.exists():
        return
    today = local_today()
    with on(today - timedelta(days=360)):
        stakeholders = _stakeholders()
    for row in CONSULTATIONS:
        _consultation(today, stakeholders, *row)
    linked = _on_major_decision(today, stakeholders)
    stdout.write(
        f"意见征集：{len(CONSULTATIONS) + linked} 次征求意见（含正在征求意见的和"
        f"{linked} 次重大行政决策事项草案）。"
    )


# A draft of a decision in the district's catalogue of major decisions (decisions demo):
# put out for comment five days after the decision entered the catalogue.
ON_DECISION = (
    "zjj",
    "东岚区老旧小区改造三年行动计划（2026—2028年）",
    [
        "一、2026年至2028年改造2000年底前建成的老旧小区86个。",
        "二、改造内容分为基础类、完善类和提升类，基础类应改尽改。",
        "三、改造方案应当经小区居民充分协商，征求意见率不低于三分之二。",
    ],
    "本计划列入区政府重大行政决策事项目录，按程序公开征求社会公众意见。",
    [
        ("建议把加装电梯列入基础类改造内容。", 5, 2),
        ("改造期间应当保障居民出行安全，合理安排施工时间。", 2, None),
    ],
    {
        "建议把加装电梯": ("partly", "具备条件的小区同步实施加装电梯，纳入完善类。"),
        "改造期间": ("adopted", "增加文明施工和出行保障要求。"),
    },
)


def _on_major_decision(today, stakeholders) -> int:
    from gongkai.decisions.models import Decision as MajorDecision

    code, title, paragraphs, explanation, comments, answers = ON_DECISION
    decision = MajorDecision.objects.filter(unit__code=code, title=title).first()
    if decision is None or decision.added_on + timedelta(days=5) >= today:
        return 0
    ago = (today - decision.added_on).days - 5
    draft_title = f"{title}（征求意见稿）"
    _consultation(
        today, stakeholders, code, ago, 30, True, "", draft_title, paragraphs, explanation,
        ["public", "experts"], comments, answers, decision=decision,
    )  # fmt: skip
    return 1


def _consultation(
    today, stakeholders, code, ago, days, major, reason, title, paragraphs, explanation,
    audiences, comments, answers, decision=None,
):  # fmt: skip
    unit = Unit.objects.get(code=code)
    editor, reviewer = _staff(code, "editor"), _staff(code, "reviewer")
    starts = today - timedelta(days=ago)
    ends = starts + timedelta(days=days - 1)
    with on(starts):
        consultation = workflow.create_consultation(
            actor=editor,
            unit=unit,
            title=title,
            draft_text="\n".join(paragraphs),
            explanation=explanation,
            starts_on=starts,
            ends_on=ends,
            audiences=audiences,
            is_major=major,
            short_period_reason=reason,
            decision=decision,
        )
    with on(starts, 30):
        consultation = workflow.open_consultation(actor=reviewer, consultation=consultation)
        for name, method, _ in INVITED.get(title, []):
            workflow.invite_stakeholder(
                actor=editor,
                consultation=consultation,
                stakeholder=stakeholders[name],
                method=method,
            )
    span = max((min(ends, today) - starts).days, 1)
    _comments(consultation, editor, stakeholders, comments, starts, span)
    _moderate(consultation, editor, today, keep_today=ago < 10)
    if ends < today:
        _answer_and_close(consultation, editor, reviewer, answers, ends, today)


def _comments(consultation, editor, stakeholders, comments, starts, span):
    number = 0
    for text, copies, paragraph in comments:
        for copy in range(copies):
            day = starts + timedelta(days=(number * 3) % span)
            signature = "" if copy == 0 else ["", "谢谢！", "请采纳。", "——一位居民"][copy % 4]
            with on(day, 60 + number):
                workflow.submit_comment(
                    consultation=consultation,
                    text=text + signature,
                    paragraph=paragraph,
                    name=NAMES[number % len(NAMES)],
                    contact=CONTACTS[number % len(CONTACTS)],
                )
            number += 1
    with on(starts + timedelta(days=span // 2), 90):
        for name, _, said in INVITED.get(consultation.title, []):
            if said:
                invitation = consultation.invitations.get(stakeholder=stakeholders[name])
                workflow.record_stakeholder_comment(actor=editor, invitation=invitation, text=said)
        if span > 4:
            workflow.submit_comment(consultation=consultation, text="低价代办各类证照，加微信。")


def _moderate(consultation, editor, today, keep_today):
    """The next morning; what arrived today waits when `keep_today`."""
    for comment in consultation.comments.order_by("received_at", "id"):
        day = min(local_date(comment.received_at) + timedelta(days=1), today)
        if day >= today and keep_today:
            continue
        with on(day, 10):
            if "加微信" in comment.text:
                workflow.hide_comment(actor=editor, comment=comment, reason="advertising")
            else:
                workflow.show_comment(actor=editor, comment=comment)


def _answer_and_close(consultation, editor, reviewer, answers, ends, today):
    """Answer the groups the demo has an answer for; close when every group has one (a group
    still being studied keeps the consultation open)."""
    with on(min(ends + timedelta(days=5), today)):
        for group in consultation.groups.all():
            answer = next(
                (a for prefix, a in answers.items() if group.representative.startswith(prefix)),
                None,
            )
            if answer is not None:
                workflow.dispose_group(
                    actor=editor, group=group, disposition=answer[0], reason=answer[1]
                )
    close_day = min(ends + timedelta(days=12), today)
    if workflow.answering_problems(consultation, close_day):
        return
    with on(close_day, 30):
        report = workflow.draft_feedback_report(
            actor=editor, consultation=consultation, summary="感谢社会各界的关心和支持。"
        )
        publishing.submit(actor=editor, document=report)
    with on(close_day, 45):
        publishing.review(
            actor=reviewer,
            document=report,
            confidentiality_result="经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。",
            disclosure_confirmed=True,
        )
    with on(close_day, 50):
        publishing.publish(actor=reviewer, document=report)
    with on(close_day, 60):
        workflow.close_consultation(actor=reviewer, consultation=consultation)
