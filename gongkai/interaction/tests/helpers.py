"""Building questions through the workflow, as the public and staff would."""

from gongkai.interaction import workflow

ASKER = {"asker_name": "李晓红", "phone": "13912345678", "email": "lixh@example.com"}


def ask(government, *, unit=None, consent=True, kind="question", **overrides):
    fields = {
        "kind": kind,
        "government": government,
        "requested_unit": unit,
        "subject": "新生入学报名时间",
        "text": "请问今年小学新生入学网上报名什么时候开始？我叫李晓红，电话13912345678。",
        "consent_to_publish": consent,
        **ASKER,
        **overrides,
    }
    return workflow.submit_question(actor=None, **fields)


def answered(government, office, unit, handler, **overrides):
    question, _code = ask(government, unit=unit, **overrides)
    question = workflow.assign_question(actor=office, question=question, unit=unit)
    return workflow.answer_question(
        actor=handler, question=question, answer="网上报名于7月1日开始，详见教育局通知。"
    )
