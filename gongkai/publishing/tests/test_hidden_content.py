from gongkai.publishing import inspection, pii, samplefiles
from gongkai.publishing.inspection import (
    AUTHOR_METADATA,
    COMMENT,
    HIDDEN_COLUMN,
    HIDDEN_ROW,
    HIDDEN_SHEET,
    HIDDEN_TEXT,
    PIVOT_CACHE,
    TRACKED_CHANGE,
    VERY_HIDDEN_SHEET,
)


def hidden_kinds(result):
    return sorted({h.kind for h in result.hidden})


def test_docx_with_tracked_changes_comment_hidden_text_and_author():
    data = samplefiles.docx_bytes(
        ["第一段", "第二段：关于补助发放的说明"],
        author="张三",
        last_modified_by="李四",
        inserted="补充一句",
        deleted="删去一句",
        hidden="内部意见：暂缓",
        comment="此处请再核实",
    )
    result = inspection.inspect(data, "通知.docx")
    assert hidden_kinds(result) == sorted({AUTHOR_METADATA, COMMENT, HIDDEN_TEXT, TRACKED_CHANGE})
    where = {(h.kind, h.location) for h in result.hidden}
    assert (TRACKED_CHANGE, "第2段") in where
    assert (HIDDEN_TEXT, "第2段") in where
    assert (COMMENT, "第2段") in where
    details = " ".join(h.describe() for h in result.hidden)
    assert (
        "删去一句" in details and "补充一句" in details and "张三" in details and "李四" in details
    )


def test_clean_docx_has_no_hidden_content():
    result = inspection.inspect(samplefiles.docx_bytes(["干净的正文"]), "a.docx")
    assert result.hidden == []
    assert result.text == "干净的正文"


def test_workbook_with_very_hidden_sheet_rows_and_columns():
    data = samplefiles.xlsx_bytes(
        [["姓名", "金额", "备注"], ["甲", 100, ""], ["乙", 200, ""]],
        title="发放表",
        very_hidden_sheet=("原始名单", [["姓名", "身份证"], ["甲", "11010519491231002X"]]),
        hidden_sheet=("草稿", [["x"]]),
        hidden_rows=[3],
        hidden_columns=["C"],
    )
    result = inspection.inspect(data, "发放表.xlsx")
    where = {(h.kind, h.location) for h in result.hidden}
    assert (VERY_HIDDEN_SHEET, "工作表“原始名单”") in where
    assert (HIDDEN_SHEET, "工作表“草稿”") in where
    assert (HIDDEN_ROW, "发放表!3:3") in where
    assert (HIDDEN_COLUMN, "发放表!C") in where
    # The personal data hidden in the very-hidden sheet is still found, with its cell.
    findings = pii.scan(result.segments)
    assert [(f.kind, f.location) for f in findings] == [(pii.RESIDENT_ID, "原始名单!B2")]


def test_pivot_cache_is_reported():
    import io
    import zipfile

    data = samplefiles.xlsx_bytes([["a"]])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/pivotCache/pivotCacheDefinition1.xml", "<pivotCacheDefinition/>")
    result = inspection.inspect(out.getvalue(), "a.xlsx")
    assert PIVOT_CACHE in hidden_kinds(result)


def test_pdf_text_and_author_are_read_per_page():
    data = samplefiles.pdf_bytes([["第一页 公示名单"], ["联系人 13812345678"]], author="王五")
    result = inspection.inspect(data, "名单.pdf")
    assert [s.location for s in result.segments] == ["第1页", "第2页"]
    assert "公示名单" in result.segments[0].text
    assert [(f.kind, f.location) for f in pii.scan(result.segments)] == [(pii.MOBILE, "第2页")]
    assert [h.detail for h in result.hidden] == ["作者：王五"]


def test_ofd_text_is_extracted_in_page_order():
    result = inspection.inspect(
        samplefiles.ofd_bytes([["第一页"], ["第二页", "身份证 440524188001010014"]]), "a.ofd"
    )
    assert [s.text for s in result.segments] == ["第一页", "第二页身份证 440524188001010014"]
    assert pii.scan(result.segments)[0].location == "第2页"


def _saved(doc) -> bytes:
    import io

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _word_with(*, header="", footer=""):
    from docx import Document as WordDocument

    doc = WordDocument()
    doc.core_properties.author = doc.core_properties.last_modified_by = ""
    doc.add_paragraph("正文第一段")
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    return doc


def test_id_number_in_a_footer_is_found_with_its_location():
    doc = _word_with(header="测试区甲局", footer="联系人张某，身份证 11010519491231002X")
    result = inspection.inspect(_saved(doc), "通知.docx")
    findings = pii.scan(result.segments)
    assert [(f.kind, f.location) for f in findings] == [(pii.RESIDENT_ID, "页脚第1段")]
    assert "测试区甲局" in result.text  # header text reaches search too


def test_tracked_change_and_hidden_text_in_header_and_footer_are_reported():
    doc = _word_with(header="测试区甲局", footer="第 1 页")
    samplefiles.track_insertion(doc.sections[0].header.paragraphs[0], "（内部讨论稿）")
    doc.sections[0].footer.add_paragraph().add_run("经办人手机号").font.hidden = True
    result = inspection.inspect(_saved(doc), "通知.docx")
    assert [h.describe() for h in result.hidden] == [
        "页眉第1段：修订痕迹（起草人乙插入“（内部讨论稿）”）",
        "页脚第2段：隐藏文字（经办人手机号）",
    ]


def test_footnotes_are_read_without_their_separators():
    data = samplefiles.with_footnotes(
        samplefiles.docx_bytes(["正文第一段"]),
        ["参见有关文件。", "联系人手机 13812345678"],
    )
    result = inspection.inspect(data, "通知.docx")
    assert [s.location for s in result.segments if s.location.startswith("脚注")] == [
        "脚注第1段",
        "脚注第2段",
    ]
    assert [(f.kind, f.location) for f in pii.scan(result.segments)] == [(pii.MOBILE, "脚注第2段")]
    assert result.hidden == []
