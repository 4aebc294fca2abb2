from datetime import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import CHINA
from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.checks import link_problem, open_findings
from gongkai.publishing.models import FindingKind, ForbiddenExpression, RevisionStatus
from gongkai.publishing.workflow import WorkflowError

from .factories import draft, published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _march_2024():
    with time_machine.travel(datetime(2024, 3, 20, 10, tzinfo=CHINA), tick=False):
        yield


def findings_of(document):
    return [
        (f.kind, f.location, f.message) for f in workflow.open_revision(document).findings.all()
    ]


def test_personal_data_in_body_is_found_by_paragraph(editor_a, unit_a):
    body = (
        "<p>公示如下：</p><p>张某，身份证 11010519491231002X。</p><p>电话 138****5678（已脱敏）</p>"
    )
    document = draft(editor_a, unit_a, body_html=body)
    found = findings_of(document)
    assert [(k, loc) for k, loc, _ in found] == [(FindingKind.PERSONAL_DATA, "正文第2段")]
    assert "11010519491231002X" not in found[0][2]


def test_personal_data_in_attachment_names_file_and_cell(editor_a, unit_a):
    document = draft(editor_a, unit_a)
    data = samplefiles.xlsx_bytes([["姓名", "电话"], ["王某", "13912345678"]], title="名单")
    workflow.add_attachment(actor=editor_a, document=document, data=data, filename="名单.xlsx")
    assert findings_of(document) == [
        (
            FindingKind.PERSONAL_DATA,
            "附件《名单.xlsx》名单!B2",
            "疑似手机号码 139****5678，请去标识化处理",
        )
    ]


def test_personal_data_in_keywords_and_attachment_file_names_is_found(editor_a, unit_a):
    document = draft(editor_a, unit_a, keywords="补助 联系人13912345678")
    data = samplefiles.xlsx_bytes([["项目", "金额"], ["补助", 100]], title="发放")
    name = "张某11010519491231002X补助.xlsx"
    workflow.add_attachment(actor=editor_a, document=document, data=data, filename=name)
    locations = {loc for kind, loc, _ in findings_of(document) if kind == FindingKind.PERSONAL_DATA}
    assert locations == {"关键词", "附件文件名"}


def test_hidden_content_in_docx_attachment_is_found(editor_a, unit_a):
    document = draft(editor_a, unit_a)
    data = samplefiles.docx_bytes(["正文"], inserted="新增", deleted="原句", comment="待核")
    workflow.add_attachment(actor=editor_a, document=document, data=data, filename="附件1.docx")
    kinds = {(k, loc.split("》")[0]) for k, loc, _ in findings_of(document)}
    assert kinds == {(FindingKind.HIDDEN_CONTENT, "附件《附件1.docx")}
    messages = " ".join(m for _, _, m in findings_of(document))
    assert "修订痕迹" in messages and "批注" in messages


def test_forbidden_expression_list_is_maintainable(editor_a, unit_a):
    ForbiddenExpression.objects.create(phrase="截止目前", suggestion="截至目前")
    document = draft(editor_a, unit_a, body_html="<p>截止目前已完成。</p>")
    assert findings_of(document) == [
        (FindingKind.EXPRESSION, "正文第1段", "含有“截止目前”，建议改为“截至目前”")
    ]


def test_missing_metadata_is_listed(editor_a, unit_a):
    document = draft(
        editor_a, unit_a, subject="", doc_type="", statutory_category="", date_written=None
    )
    problems = {loc for kind, loc, _ in findings_of(document) if kind == FindingKind.METADATA}
    assert problems == {"主题分类", "文种", "成文日期", "法定公开事项"}


def test_normative_document_needs_effective_date(editor_a, unit_a):
    document = draft(editor_a, unit_a, is_normative=True)
    assert (FindingKind.METADATA, "施行日期", "行政规范性文件须填写施行日期") in findings_of(
        document
    )


def test_a_rule_needs_an_effective_date_and_is_not_also_a_normative_document(editor_a, unit_a):
    document = draft(editor_a, unit_a, is_rule=True, is_normative=True)
    found = findings_of(document)
    assert (FindingKind.METADATA, "施行日期", "规章须填写施行日期") in found
    assert (FindingKind.METADATA, "规章", "规章与行政规范性文件只能选择其一") in found


def test_links_internal_checked_against_database_external_only_for_form(
    editor_a, reviewer_a, unit_a
):
    target = published(editor_a, reviewer_a, unit_a)
    body = (
        f'<p><a href="/documents/{target.pk}/">有效</a></p>'
        '<p><a href="/documents/99999/">失效</a></p>'
        '<p><a href="/no/such/page/">无</a></p><p><a href="https://www.gov.cn/zhengce/">外部</a></p>'
        '<p><a href="https://bad..host/x">坏</a></p><p><a href="www.gov.cn">缺前缀</a></p>'
    )
    document = draft(editor_a, unit_a, body_html=body)
    links = [
        (loc, msg.split("：")[0])
        for kind, loc, msg in findings_of(document)
        if kind == FindingKind.LINK
    ]
    assert links == [
        ("正文第2段", "站内链接指向的文件不存在或未发布"),
        ("正文第3段", "站内链接指向的页面不存在"),
        ("正文第5段", "链接格式不正确"),
        ("正文第6段", "链接缺少 http(s):// 前缀，或站内链接未以 / 开头"),
    ]


def test_external_link_hook_is_used_without_network():
    assert (
        link_problem("https://example.org/a", checker=lambda url: "已失效" if "/a" in url else None)
        == "已失效"
    )
    assert link_problem("https://example.org/b", checker=lambda url: None) is None


def test_findings_block_submission_until_overridden_by_another_reviewer(
    editor_a, reviewer_a, unit_a
):
    document = draft(editor_a, unit_a, body_html="<p>联系人手机 13812345678</p>")
    with pytest.raises(WorkflowError, match="正文第1段"):
        workflow.submit(actor=editor_a, document=document)
    finding = workflow.open_revision(document).findings.get()
    with pytest.raises(PermissionDenied):
        workflow.override_finding(
            actor=editor_a, document=document, fingerprint=finding.fingerprint, reason="x"
        )
    with pytest.raises(WorkflowError, match="理由"):
        workflow.override_finding(
            actor=reviewer_a, document=document, fingerprint=finding.fingerprint, reason=" "
        )
    workflow.override_finding(
        actor=reviewer_a,
        document=document,
        fingerprint=finding.fingerprint,
        reason="该号码为单位公开的服务热线手机",
    )
    workflow.submit(actor=editor_a, document=document)
    assert workflow.open_revision(document).status == RevisionStatus.SUBMITTED
    event = AuditEvent.objects.for_target(document).get(action="publishing.override")
    assert event.reason == "该号码为单位公开的服务热线手机" and event.actor == reviewer_a


def test_fixing_the_body_clears_the_finding(editor_a, unit_a):
    from .factories import content

    document = draft(editor_a, unit_a, body_html="<p>联系人手机 13812345678</p>")
    workflow.update_draft(
        actor=editor_a,
        document=document,
        content=content(body_html="<p>联系人手机 138****5678</p>"),
    )
    assert open_findings(workflow.open_revision(document)) == []
    workflow.submit(actor=editor_a, document=document)


# A valid number, the same number with a wrong check digit, and masked forms of it.
VALID_ID = "11010519491231002X"
WRONG_CHECK_DIGIT = "110105194912310021"
MASKED = ["110105********002X", "11010519491231****", "138****5678"]


@pytest.mark.parametrize(
    ("filename", "data", "where"),
    [
        (
            "名单.docx",
            samplefiles.docx_bytes(
                [f"错号 {WRONG_CHECK_DIGIT}", "已脱敏 " + "、".join(MASKED), f"有效 {VALID_ID}"]
            ),
            "第3段",
        ),
        (
            "名单.xlsx",
            samplefiles.xlsx_bytes(
                [["错号", WRONG_CHECK_DIGIT], ["已脱敏", *MASKED], ["有效", VALID_ID]], title="表"
            ),
            "表!B3",
        ),
        (
            "名单.pdf",
            samplefiles.pdf_bytes(
                [[f"错号 {WRONG_CHECK_DIGIT}", "已脱敏 " + " ".join(MASKED)], [f"有效 {VALID_ID}"]]
            ),
            "第2页",
        ),
    ],
)
def test_only_a_checksum_valid_unmasked_id_in_an_attachment_is_a_finding(
    editor_a, unit_a, filename, data, where
):
    document = draft(editor_a, unit_a)
    workflow.add_attachment(actor=editor_a, document=document, data=data, filename=filename)
    assert findings_of(document) == [
        (
            FindingKind.PERSONAL_DATA,
            f"附件《{filename}》{where}",
            "疑似居民身份证号码 110105********002X，请去标识化处理",
        )
    ]


def test_id_number_in_a_docx_footer_is_found_and_named(editor_a, unit_a):
    import io

    from docx import Document as WordDocument

    word = WordDocument()
    word.core_properties.author = word.core_properties.last_modified_by = ""
    word.add_paragraph("附件正文")
    word.sections[0].footer.paragraphs[0].text = f"经办人身份证 {VALID_ID}"
    out = io.BytesIO()
    word.save(out)
    document = draft(editor_a, unit_a)
    workflow.add_attachment(
        actor=editor_a, document=document, data=out.getvalue(), filename="附件.docx"
    )
    assert [(k, loc) for k, loc, _ in findings_of(document)] == [
        (FindingKind.PERSONAL_DATA, "附件《附件.docx》页脚第1段")
    ]


def test_withheld_item_needs_its_legal_reason(editor_a, reviewer_a, unit_a):
    from gongkai.publishing import vocabularies as v
    from gongkai.publishing.models import Document

    from .factories import content

    document = draft(editor_a, unit_a, disclosure=v.WITHHELD, statutory_category="")
    assert findings_of(document) == [
        (FindingKind.METADATA, "不予公开理由", "不予公开须说明法定理由")
    ]
    with pytest.raises(WorkflowError, match="不予公开须说明法定理由"):
        workflow.submit(actor=editor_a, document=document)
    workflow.update_draft(
        actor=editor_a,
        document=document,
        content=content(
            disclosure=v.WITHHELD, withholding_reason="art16_process", statutory_category=""
        ),
    )
    assert findings_of(document) == []
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="不予公开",
        disclosure_confirmed=True,
    )
    workflow.publish(actor=reviewer_a, document=document)
    assert not Document.objects.published().filter(pk=document.pk).exists()
