import io
from datetime import date

import pytest

from gongkai.publishing import importing, samplefiles
from gongkai.publishing.importing import ImportRejected, find_dates
from gongkai.publishing.inspection import FileRejected

OFFICIAL = [
    "青山区人民政府办公室文件",
    "青政办发[2024]7号",
    "青山区人民政府办公室关于印发",
    "青山区老旧小区改造实施办法的通知",
    "各街道办事处，区政府各部门：",
    "现将《青山区老旧小区改造实施办法》印发给你们，请认真贯彻执行。",
    "青山区人民政府办公室",
    "二〇二四年三月二十五日",
]


def test_import_proposes_metadata_from_the_text():
    result = importing.import_docx(samplefiles.docx_bytes(OFFICIAL), "通知.docx")
    assert result.doc_number == "青政办发〔2024〕7号"
    assert result.doc_number_warnings
    assert result.title == "青山区人民政府办公室关于印发青山区老旧小区改造实施办法的通知"
    assert result.date_written == date(2024, 3, 25)
    assert result.issuing_unit == "青山区人民政府办公室"
    assert "<p>现将《青山区老旧小区改造实施办法》印发给你们" in result.body_html
    assert "各街道办事处" in result.text


def test_the_body_starts_after_the_header_number_and_title():
    result = importing.import_docx(samplefiles.docx_bytes(OFFICIAL), "通知.docx")
    assert result.body_html.startswith("<p>各街道办事处，区政府各部门：</p>")
    for front in ("办公室文件", "青政办发", "关于印发", "实施办法的通知</p>"):
        assert front not in result.body_html


def test_a_document_without_a_recognisable_title_keeps_its_whole_body():
    lines = ["会议纪要", "一、会议听取了汇报。", "二、会议议定事项。"]
    assert importing.without_front_matter("<p>一、</p>", lines, "") == "<p>一、</p>"


def test_import_reports_hidden_content_of_the_source():
    result = importing.import_docx(samplefiles.docx_bytes(OFFICIAL, comment="待定"), "通知.docx")
    assert [h.kind for h in result.hidden] == ["comment"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二〇二四年三月五日", date(2024, 3, 5)),
        ("二〇二三年十二月三十一日", date(2023, 12, 31)),
        ("二○二二年十月十日", date(2022, 10, 10)),
        ("2024年3月5日", date(2024, 3, 5)),
        ("2024 年 11 月 30 日印发", date(2024, 11, 30)),
    ],
)
def test_dates_in_both_forms(text, expected):
    assert find_dates(text) == [expected]


def test_impossible_dates_are_ignored():
    assert find_dates("二〇二四年二月三十日 2024年13月1日") == []


def test_only_docx_can_be_imported():
    with pytest.raises(ImportRejected, match="只能从 Word"):
        importing.import_docx(samplefiles.pdf_bytes([["x"]]), "a.pdf")


def test_garbage_docx_is_refused():
    with pytest.raises(FileRejected):
        importing.import_docx(b"PK\x03\x04garbage", "a.docx")


def test_headers_footers_and_notes_do_not_disturb_the_proposals():
    from docx import Document as WordDocument

    doc = WordDocument()
    for line in OFFICIAL:
        doc.add_paragraph(line)
    doc.sections[0].header.paragraphs[0].text = "青山区人民政府办公室文件（2023年1月1日修订模板）"
    doc.sections[0].footer.paragraphs[0].text = "2023年12月31日印发"
    out = io.BytesIO()
    doc.save(out)
    data = samplefiles.with_footnotes(out.getvalue(), ["依据2022年5月1日施行的办法"])
    result = importing.import_docx(data, "通知.docx")
    assert result.date_written == date(2024, 3, 25)
    assert result.issuing_unit == "青山区人民政府办公室"
    assert "2023年12月31日" not in result.text
