"""Build publishing states through the real workflow functions."""

from datetime import date

from gongkai.publishing import vocabularies as v
from gongkai.publishing import workflow

BODY = "<p>各有关单位：</p><p>现将有关事项通知如下。</p>"


def content(**overrides) -> dict:
    data = {
        "title": "关于做好2024年春季森林防火工作的通知",
        "doc_number": "测政办发〔2024〕7号",
        "subject": "06.02",
        "doc_type": "notice",
        "date_written": date(2024, 3, 5),
        "disclosure": v.PROACTIVE,
        "withholding_reason": "",
        "statutory_category": "a20.12",
        "part": v.PART_STATUTORY,
        "column_id": None,
        "keywords": "森林防火",
        "summary": "部署春季森林防火工作。",
        "body_html": BODY,
        "is_normative": False,
        "effective_date": None,
        "expiry_date": None,
        "needs_interpretation": False,
        "interprets_id": None,
    }
    data.update(overrides)
    return data


def normative(**overrides) -> dict:
    return content(
        **{
            "title": "测试区老旧小区改造管理办法",
            "doc_type": "notice",
            "subject": "10.02",
            "statutory_category": "a20.01",
            "is_normative": True,
            "effective_date": date(2024, 4, 1),
            "needs_interpretation": True,
            **overrides,
        }
    )


def draft(editor, unit, **overrides):
    return workflow.create_draft(actor=editor, unit=unit, content=content(**overrides))


def published(
    editor, reviewer, unit, *, links=(), data=None, attachments=(), co_issuer_ids=(), **overrides
):
    """A document taken through the real review flow; `attachments` are (filename, bytes)."""
    document = workflow.create_draft(
        actor=editor,
        unit=unit,
        content=data or content(**overrides),
        links=list(links),
        co_issuer_ids=co_issuer_ids,
    )
    for filename, payload in attachments:
        workflow.add_attachment(actor=editor, document=document, data=payload, filename=filename)
    workflow.submit(actor=editor, document=document)
    workflow.review(
        actor=reviewer,
        document=document,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    workflow.publish(actor=reviewer, document=document)
    document.refresh_from_db()
    return document
