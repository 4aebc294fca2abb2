"""The whole flow over HTTP: an editor imports a Word file, fixes what the checks find and
submits; a reviewer reviews and publishes; the item is then public everywhere it should be."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.core.clock import CHINA
from gongkai.publishing import samplefiles
from gongkai.publishing.models import Document, DocumentState

pytestmark = pytest.mark.django_db

OFFICIAL = [
    "测试区甲局文件",
    "测甲发[2024]3号",
    "测试区甲局关于印发测试区甲局专项资金管理办法的通知",
    "各科室：",
    "现将《专项资金管理办法》印发给你们。申请人张某（身份证 11010519491231002X）已公示。",
    "测试区甲局",
    "二〇二四年三月五日",
]


@pytest.fixture(autouse=True)
def _march_2024():
    with time_machine.travel(datetime(2024, 3, 20, 10, tzinfo=CHINA), tick=False):
        yield


def _detail(pk):
    return reverse("console-publishing:detail", args=[pk])


def test_import_fix_submit_review_publish_and_see_it_everywhere(
    client_of, editor_a, reviewer_a, unit_a
):
    editor = client_of(editor_a)
    upload = samplefiles.docx_bytes(OFFICIAL)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = editor.post(
        reverse("console-publishing:import"),
        {"unit": unit_a.pk, "file": SimpleUploadedFile("通知.docx", upload)},
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "console-publishing:edit", args=[document.pk]
    )
    page = editor.get(_detail(document.pk)).content.decode()
    # The body starts after the header, number and title, so the ID is in its second paragraph.
    assert "正文第2段" in page and "疑似居民身份证号码" in page
    assert editor.post(reverse("console-publishing:submit", args=[document.pk])).status_code == 302
    assert "检查发现问题尚未处理" in editor.get(_detail(document.pk)).content.decode()

    form = editor.get(reverse("console-publishing:edit", args=[document.pk])).context["form"]
    assert form.initial["doc_number"] == "测甲发〔2024〕3号"
    assert form.initial["title"] == "测试区甲局关于印发测试区甲局专项资金管理办法的通知"
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update(
        {
            "body_html": "<p>各科室：</p><p>现将《专项资金管理办法》印发给你们。</p>",
            "subject": "04.01",
            "doc_type": "notice",
            "statutory_category": "a20.01",
            "date_written": "2024-03-05",
            "is_normative": "on",
            "effective_date": "2024-04-01",
            "part": "statutory",
            "disclosure": "proactive",
            "co_issuers": [],
        }
    )
    response = editor.post(reverse("console-publishing:edit", args=[document.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert editor.post(reverse("console-publishing:submit", args=[document.pk])).status_code == 302

    reviewer = client_of(reviewer_a)
    reviewer.post(
        reverse("console-publishing:review", args=[document.pk]),
        {"confidentiality_result": "不涉密，同意公开", "disclosure_confirmed": "on"},
    )
    reviewer.post(reverse("console-publishing:publish", args=[document.pk]), {"scheduled_for": ""})
    document.refresh_from_db()
    assert document.state == DocumentState.PUBLISHED and document.index_number.endswith(
        "/2024-00001"
    )

    client = reviewer
    client.logout()
    assert (
        document.title
        in client.get(reverse("portal:column-statutory", args=[unit_a.code])).content.decode()
    )
    assert (
        document.title
        in client.get(reverse("publishing:policies") + "?on=2024-04-02").content.decode()
    )
    assert (
        document.title
        not in client.get(reverse("publishing:policies") + "?on=2024-03-31").content.decode()
    )
    assert (
        document.title
        in client.get(reverse("publishing:feed-unit", args=[unit_a.code])).content.decode()
    )
    api = client.get("/api/v1/documents").json()
    assert [item["index_number"] for item in api["items"]] == [document.index_number]
    page = client.get(document.get_absolute_url()).content.decode()
    assert document.index_number in page and "测甲发〔2024〕3号" in page

    actions = list(
        AuditEvent.objects.for_target(document).order_by("id").values_list("action", "actor")
    )
    assert actions == [
        ("publishing.create", editor_a.pk),
        ("publishing.edit", editor_a.pk),
        ("publishing.submit", editor_a.pk),
        ("publishing.review", reviewer_a.pk),
        ("publishing.publish", reviewer_a.pk),
    ]


def _post_file(client, name, data, unit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("console-publishing:import"),
        {"unit": unit.pk, "file": SimpleUploadedFile(name, data)},
    )


def test_encrypted_docx_is_refused_with_message_and_nothing_saved(client_of, editor_a, unit_a):
    response = _post_file(
        client_of(editor_a), "通知.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, unit_a
    )
    assert response.status_code == 200
    assert "加密" in response.content.decode()
    assert not Document.objects.exists()


def test_renamed_spreadsheet_is_refused_on_import(client_of, editor_a, unit_a):
    response = _post_file(client_of(editor_a), "通知.docx", samplefiles.xlsx_bytes([["x"]]), unit_a)
    assert "与扩展名“.docx”不符" in response.content.decode()
    assert not Document.objects.exists()


def test_oversized_upload_is_refused(client_of, editor_a, unit_a, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = _post_file(
        client_of(editor_a), "通知.docx", samplefiles.docx_bytes(["x" * 3000]), unit_a
    )
    assert "超过上限" in response.content.decode()
    assert not Document.objects.exists()


def test_mismatched_attachment_is_refused_and_not_stored(client_of, editor_a, unit_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import draft

    document = draft(editor_a, unit_a)
    client = client_of(editor_a)
    response = client.post(
        reverse("console-publishing:attach", args=[document.pk]),
        {"file": SimpleUploadedFile("表.xlsx", samplefiles.pdf_bytes([["x"]]))},
        follow=True,
    )
    assert "与扩展名“.xlsx”不符" in response.content.decode()
    assert not document.revisions.get().attachments.exists()


def test_script_in_body_is_refused_in_the_form(client_of, editor_a, unit_a):
    client = client_of(editor_a)
    response = client.post(
        reverse("console-publishing:new"),
        {
            "unit": unit_a.pk,
            "title": "测试",
            "disclosure": "proactive",
            "part": "statutory",
            "body_html": '<p>正文</p><script>alert(1)</script><img src="x" onerror="steal()">',
        },
    )
    assert response.status_code == 200
    assert "不允许的内容" in response.content.decode() and "onerror" in response.content.decode()
    assert not Document.objects.exists()


def test_unnormalisable_doc_number_is_refused_in_the_form(client_of, editor_a, unit_a):
    response = client_of(editor_a).post(
        reverse("console-publishing:new"),
        {
            "unit": unit_a.pk,
            "title": "测试",
            "disclosure": "proactive",
            "part": "statutory",
            "doc_number": "第七号文件",
        },
    )
    assert "无法识别文号" in response.content.decode()
    assert not Document.objects.exists()


def _typed_draft(**fields):
    return {
        "title": "关于开展安全检查的通知",
        "disclosure": "proactive",
        "part": "statutory",
        "date_written": "2024-03-05",
        **fields,
    }


def _warnings(response):
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_typed_doc_number_corrections_are_reported_after_saving(client_of, editor_a, unit_a):
    client = client_of(editor_a)
    response = client.post(
        reverse("console-publishing:new"),
        _typed_draft(unit=unit_a.pk, doc_number="测甲发[2024]第07"),
        follow=True,
    )
    document = Document.objects.get()
    assert document.revisions.get().doc_number == "测甲发〔2024〕7号"
    assert _warnings(response) == [
        "年份应使用六角括号〔〕，已将“测甲发[2024]第07”更正为“测甲发〔2024〕7号”。",
        "文号序号前不加“第”，已删除。",
        "文号序号不编虚位（不加前导 0），已删除。",
        "文号末尾应有“号”字，已补上。",
    ]
    edit = reverse("console-publishing:edit", args=[document.pk])
    response = client.post(edit, _typed_draft(doc_number="测甲发（2024）8号"), follow=True)
    assert document.revisions.get().doc_number == "测甲发〔2024〕8号"
    assert _warnings(response) == [
        "年份应使用六角括号〔〕，已将“测甲发（2024）8号”更正为“测甲发〔2024〕8号”。"
    ]
    response = client.post(edit, _typed_draft(doc_number="测甲发〔2024〕8号"), follow=True)
    assert _warnings(response) == []
