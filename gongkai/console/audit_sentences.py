"""Audit events as Chinese sentences for people ("李华 提交审核了“…”，状态由“草稿”变为“待审核”。")
instead of action codes. The audit trail itself keeps the codes; this is how the console reads
them out. An action not listed here still reads as a sentence, with its code in brackets."""

from gongkai.applications.models import Status as ApplicationStatus
from gongkai.participation.models import ConsultationStatus, Disposition, Moderation
from gongkai.publishing.models import DocumentState, RevisionStatus, Validity
from gongkai.reports.models import ReportStatus

VERBS = {
    # publishing
    "publishing.create": "新建了草稿",
    "publishing.edit": "修改了草稿",
    "publishing.attach": "上传了附件",
    "publishing.detach": "删除了附件",
    "publishing.submit": "提交审核",
    "publishing.review": "审核通过",
    "publishing.return": "退回修改",
    "publishing.override": "放行了检查发现的问题",
    "publishing.schedule": "设定了定时发布",
    "publishing.publish": "发布了",
    "publishing.start_revision": "开始修订",
    "publishing.revise": "发布了修订版",
    "publishing.withdraw": "撤回了",
    "publishing.validity": "更新了有效性",
    "publishing.guide": "修改了公开指南",
    "publishing.expression": "修改了禁用表述",
    "publishing.column.add": "新增了栏目",
    "publishing.urgent_approve": "批准了应急信息发布",
    "publishing.urgent_review": "完成了应急信息发布后的审核",
    "publishing.urgent_lift": "解除了应急信息的置顶和横幅",
    # applications
    "application.register_application": "登记了申请",
    "application.assign": "分派了申请",
    "application.add_note": "添加了内部备注",
    "application.unmask": "查看了未遮蔽的个人信息",
    "application.letter_personal_data": "在文书中使用了申请人姓名",
    "application.request_correction": "发出补正告知",
    "application.receive_correction": "登记收到补正",
    "application.close_correction_lapsed": "因逾期未补正终止办理",
    "application.start_consultation": "发出征求意见",
    "application.extend_deadline": "延长了答复期限",
    "application.request_extension": "请负责人批准延期答复",
    "application.decline_extension": "未批准延期请求",
    "application.ask_for_reasons": "要求申请人说明理由",
    "application.handle_excessive_request": "处理了超出合理范围的申请",
    "application.issue_fee_notice": "发出收费通知",
    "application.record_fee_notice_receipt": "登记申请人收到收费通知",
    "application.record_payment": "登记了缴费",
    "application.close_fee_unpaid": "因逾期未缴费终止办理",
    "application.issue_reply": "作出答复",
    "application.record_delivery": "登记了送达",
    "application.archive": "归档了申请",
    "application.record_review": "登记了行政复议或诉讼",
    "application.update_review": "更新了行政复议或诉讼结果",
    "application.publish_proactively": "转为主动公开",
    "application_policy.save": "修改了依申请公开设置",
    "letter_template.save": "修改了文书模板",
    "application_letter_settings.save": "修改了文书设置",
    "api_token.issue": "签发了接口令牌",
    "api_token.revoke": "吊销了接口令牌",
    # reports
    "report.generate": "生成了年度报告",
    "report.update": "修改了年度报告",
    "report.submit": "提交年度报告审核",
    "report.approve": "审核通过年度报告",
    "report.return": "退回年度报告",
    "report.publish": "发布了年度报告",
    "report.new_version": "新建了年度报告更正版",
    "report.supersede": "以新版本替代了年度报告",
    # units, staff, security, calendar, feedback
    "unit.create": "新建了单位",
    "unit.update": "修改了单位信息",
    "unit.move": "调整了上级单位",
    "unit.merge": "合并了单位",
    "unit.delete": "删除了单位",
    "staff.create": "新建了账号",
    "staff.activate": "启用或停用了账号",
    "staff.password": "修改了密码",
    "role.grant": "授予了角色",
    "role.revoke": "收回了角色",
    "role.change": "变更了角色",
    "security.unlock": "解除了登录锁定",
    "auth.login": "登录了工作台",
    "auth.logout": "退出了工作台",
    "auth.failure": "登录失败",
    "auth.lockout": "因多次登录失败被锁定",
    "auth.unlock": "解除了登录锁定",
    "auth.second_factor": "通过了动态口令验证",
    "auth.second_factor_failure": "动态口令验证失败",
    "auth.second_factor_lockout": "因动态口令输错过多被暂停验证",
    "auth.second_factor_enrol": "设置了动态口令",
    "auth.second_factor_reset": "重置了动态口令",
    "workdays.year_entered": "录入了节假日安排",
    "workdays.year_corrected": "更正了节假日安排",
    "feedback.receive": "收到了公众留言",
    "feedback.handle": "处理了公众留言",
    # lists
    "lists.create": "新建了清单草稿",
    "lists.import": "从表格导入了清单",
    "lists.edit": "修改了清单条目",
    "lists.delete": "删除了清单条目",
    "lists.submit": "提交清单审核",
    "lists.return": "退回了清单",
    "lists.publish": "审核发布了清单",
    "lists.setting": "修改了清单要求",
    "enforcement.register": "登记了执法决定",
    "enforcement.publish": "审核公示了执法决定",
    "enforcement.revoke": "撤销了执法决定的公示",
    "enforcement.source": "设置了执法决定来源",
    "decisions.create_catalogue": "编制了重大行政决策事项目录",
    "decisions.publish_catalogue": "审核公布了重大行政决策事项目录",
    "decisions.add_decision": "将决策事项列入目录",
    "decisions.record_step": "登记了决策程序履行情况",
    "decisions.plan_step": "调整了决策程序安排",
    "decisions.record_decision": "登记了集体讨论决定",
    "decisions.publish_decision": "关联了公布的决策文件",
    "decisions.withdraw_decision": "将决策事项调出目录",
    "decisions.create_hearing": "起草了听证公告",
    "decisions.announce_hearing": "审核发布了听证公告",
    "decisions.register_for_hearing": "报名参加听证",
    "decisions.select_participants": "确定了听证参加人",
    "decisions.publish_hearing_record": "公布了听证笔录和结果",
    "decisions.cancel_hearing": "取消了听证会",
    "decisions.create_meeting": "建立了开放会议",
    "decisions.add_agenda_item": "添加了会议议题",
    "decisions.edit_agenda_item": "修改了会议议题",
    "decisions.invite_attendee": "邀请了列席人员",
    "decisions.announce_meeting": "审核发布了会议议题",
    "decisions.record_meeting_decisions": "公布了会议决定",
    "decisions.correct_meeting_decision": "更正了会议决定",
    "decisions.link_interpretation": "关联了会议决定的解读",
    "participation.create": "起草了征求意见",
    "participation.attach": "添加了征求意见草案附件",
    "participation.open": "发布了征求意见",
    "participation.comment": "收到了公众对草案的意见",
    "participation.show": "审核公开了意见",
    "participation.hide": "决定不予公开意见",
    "participation.regroup": "调整了意见分组",
    "participation.dispose": "答复了一组意见",
    "participation.feedback_report": "生成了意见采纳情况（经主动公开审核后发布）",
    "participation.close": "在意见采纳情况发布后办结了征求意见",
    "participation.stakeholder": "将企业或行业协会商会列入征求意见名单",
    "participation.invite": "邀请企业或行业协会商会提出意见",
    "participation.stakeholder_comment": "登记了受邀对象的意见",
    # 政民互动
    "interaction.submit": "提交了留言",
    "interaction.assign": "分办了留言",
    "interaction.forward": "转办了留言",
    "interaction.answer": "答复了留言",
    "interaction.publish": "公开了留言和答复",
    "interaction.withdraw": "撤下了公开的留言",
    "interaction.unmask": "查看了留言人的完整联系方式",
    "interaction.faq.promote": "加入了常见问题",
    "interaction.faq.retire": "撤下了常见问题",
}
ALERTS = "publishing.alert."

# 决策公开's states, under those of the older apps where a code is shared.
DECISION_STATES = {
    "planned": "已列入目录",
    "underway": "推进中",
    "decided": "已集体讨论决定",
    "withdrawn": "已调出目录",
    "announced": "已发布",
    "selected": "已确定参加人",
    "held": "已举行",
    "cancelled": "已取消",
}

STATES = {
    # Consultations' states first: the older apps' labels win where a code is shared.
    **dict(ConsultationStatus.choices),
    **dict(Moderation.choices),
    **dict(Disposition.choices),
    **DECISION_STATES,
    **dict(ApplicationStatus.choices),
    **dict(DocumentState.choices),
    **dict(Validity.choices),
    **dict(ReportStatus.choices),
    **dict(RevisionStatus.choices),
    "received": "待处理",
    "handled": "已处理",
    "assigned": "办理中",
    "answered": "已答复",
    "public": "公开",
    "retired": "已撤下",
}


def state_label(code):
    return STATES.get(code, code)


def sentence(event):
    """One event read out: who did what to which record, the state change and the reason."""
    if event.action.startswith(ALERTS):
        verb = "提醒"
    else:
        verb = VERBS.get(event.action, f"执行了操作（{event.action}）")
    text = f"{event.actor_label}{verb}“{event.target_label}”"
    if event.to_state and event.from_state != event.to_state:
        before = f"由“{state_label(event.from_state)}”" if event.from_state else ""
        text += f"，状态{before}变为“{state_label(event.to_state)}”"
    if event.reason:
        text += f"。理由：{event.reason}"
    return text + ("" if text.endswith(("。", "！", "？")) else "。")
