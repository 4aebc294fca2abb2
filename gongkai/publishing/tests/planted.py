"""A corpus of files with a resident ID number planted in every place a leak hides.

`CORPUS` maps a case name to a builder returning (file name, bytes). Every file is one that
the ordinary readers open; the number sits where a reader of the document would not see it
(or sees it broken up), which is why the pre-publication gate has to look there.
"""

import io
import zipfile

from gongkai.core.identity import resident_id_check_digit
from gongkai.publishing import samplefiles

_FIRST17 = "11010119900307123"
PLANTED_ID = _FIRST17 + resident_id_check_digit(_FIRST17)
MASKED = PLANTED_ID[:6] + "*" * 8 + PLANTED_ID[-4:]
INNOCENT = ["关于公布2024年度行政许可事项的通知", "各有关单位：现将有关事项通知如下。"]


def with_parts(data: bytes, parts: dict[str, str]) -> bytes:
    """The zip `data` with `parts` added or replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            if item.filename not in parts:
                dst.writestr(item, src.read(item))
        for name, text in parts.items():
            dst.writestr(name, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return out.getvalue()


# ---------------------------------------------------------------- XLSX


def _workbook(change=None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    for row in (["姓名", "事项"], ["张三", "行政许可"]):
        ws.append(row)
    if change:
        change(wb, ws)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsx_cell_comment():
    from openpyxl.comments import Comment

    def plant(wb, ws):
        ws["B2"].comment = Comment(f"身份证 {PLANTED_ID}", "科员")

    return "名单.xlsx", _workbook(plant)


def xlsx_number_format():
    def plant(wb, ws):
        ws["C2"] = 1
        ws["C2"].number_format = f'"{PLANTED_ID}"'

    return "名单.xlsx", _workbook(plant)


def xlsx_custom_property():
    from openpyxl.packaging.custom import StringProperty

    def plant(wb, ws):
        wb.custom_doc_props.append(StringProperty(name="联系人", value=PLANTED_ID))

    return "名单.xlsx", _workbook(plant)


def xlsx_core_property():
    def plant(wb, ws):
        wb.properties.subject = f"联系人 {PLANTED_ID}"

    return "名单.xlsx", _workbook(plant)


def xlsx_defined_name():
    from openpyxl.workbook.defined_name import DefinedName

    def plant(wb, ws):
        wb.defined_names["联系人"] = DefinedName("联系人", attr_text=f'"{PLANTED_ID}"')

    return "名单.xlsx", _workbook(plant)


def xlsx_hidden_sheet():
    def plant(wb, ws):
        extra = wb.create_sheet("底稿")
        extra.append(["张三", PLANTED_ID])
        extra.sheet_state = "veryHidden"

    return "名单.xlsx", _workbook(plant)


def xlsx_hidden_row_and_column():
    def plant(wb, ws):
        ws["E5"] = PLANTED_ID
        ws.row_dimensions[5].hidden = True
        ws.column_dimensions["E"].hidden = True

    return "名单.xlsx", _workbook(plant)


def xlsx_pivot_cache():
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    definition = (
        f'<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="{ns}">'
        '<cacheFields count="1"><cacheField name="身份证号"><sharedItems count="1">'
        f'<s v="{PLANTED_ID}"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>'
    )
    return "名单.xlsx", with_parts(
        _workbook(), {"xl/pivotCache/pivotCacheDefinition1.xml": definition}
    )


def xlsx_id_split_by_spaces():
    spaced = f"{PLANTED_ID[:6]} {PLANTED_ID[6:14]} {PLANTED_ID[14:]}"

    def plant(wb, ws):
        ws["B3"] = spaced

    return "名单.xlsx", _workbook(plant)


def xlsx_id_with_zero_width_characters():
    def plant(wb, ws):
        ws["B3"] = "\u200b".join(PLANTED_ID)

    return "名单.xlsx", _workbook(plant)


# ---------------------------------------------------------------- DOCX


def _document(change=None) -> bytes:
    from docx import Document

    doc = Document()
    for text in INNOCENT:
        doc.add_paragraph(text)
    if change:
        change(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_core_property():
    def plant(doc):
        doc.core_properties.keywords = f"联系人{PLANTED_ID}"

    return "通知.docx", _document(plant)


def docx_custom_property():
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://'
        'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
        'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="'
        '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="联系人">'
        f"<vt:lpwstr>{PLANTED_ID}</vt:lpwstr></property></Properties>"
    )
    return "通知.docx", with_parts(_document(), {"docProps/custom.xml": custom})


def docx_comment():
    def plant(doc):
        paragraph = doc.paragraphs[-1]
        doc.add_comment(paragraph.runs, text=f"经办人身份证 {PLANTED_ID}", author="科员")

    return "通知.docx", _document(plant)


def docx_tracked_deletion():
    return "通知.docx", samplefiles.docx_bytes(INNOCENT, deleted=f"身份证号{PLANTED_ID}")


def docx_tracked_insertion():
    return "通知.docx", samplefiles.docx_bytes(INNOCENT, inserted=f"身份证号{PLANTED_ID}")


def docx_header():
    def plant(doc):
        doc.sections[0].header.paragraphs[0].text = f"联系人身份证 {PLANTED_ID}"

    return "通知.docx", _document(plant)


def docx_footer():
    def plant(doc):
        doc.sections[0].footer.paragraphs[0].text = f"联系人身份证 {PLANTED_ID}"

    return "通知.docx", _document(plant)


def docx_image_alt_text():
    def plant(doc):
        doc.add_picture(io.BytesIO(samplefiles.png_bytes()))
        doc.inline_shapes[0]._inline.docPr.set("descr", f"身份证照片 {PLANTED_ID}")

    return "通知.docx", _document(plant)


def docx_id_split_by_spaces():
    def plant(doc):
        doc.add_paragraph(f"经办人：{PLANTED_ID[:6]} {PLANTED_ID[6:14]} {PLANTED_ID[14:]}")

    return "通知.docx", _document(plant)


def docx_id_with_zero_width_characters():
    def plant(doc):
        doc.add_paragraph("经办人：" + "\u2060".join(PLANTED_ID))

    return "通知.docx", _document(plant)


# ---------------------------------------------------------------- images


def _jpeg(exif) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "JPEG", exif=exif)
    return out.getvalue()


def jpeg_exif_description():
    from PIL import Image

    exif = Image.Exif()
    exif[0x010E] = f"ID {PLANTED_ID}"  # ImageDescription
    return "现场照片.jpg", _jpeg(exif)


def jpeg_exif_user_comment():
    from PIL import Image

    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9286] = b"ASCII\0\0\0" + PLANTED_ID.encode()  # UserComment
    return "现场照片.jpg", _jpeg(exif)


def jpeg_exif_windows_comment():
    from PIL import Image

    exif = Image.Exif()
    exif[0x9C9C] = f"身份证 {PLANTED_ID}".encode("utf-16-le")  # XPComment
    return "现场照片.jpg", _jpeg(exif)


def png_text_chunk():
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", f"身份证 {PLANTED_ID}")
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG", pnginfo=info)
    return "现场照片.png", out.getvalue()


# ---------------------------------------------------------------- PDF


def _pdf(change) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(samplefiles.pdf_bytes([INNOCENT]))))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_metadata():
    return "通知.pdf", _pdf(lambda w: w.add_metadata({"/Subject": f"联系人 {PLANTED_ID}"}))


def pdf_annotation():
    from pypdf.annotations import Text

    def plant(writer):
        note = Text(text=f"身份证 {PLANTED_ID}", rect=(50, 550, 200, 650))
        writer.add_annotation(page_number=0, annotation=note)

    return "通知.pdf", _pdf(plant)


def pdf_embedded_file():
    def plant(writer):
        writer.add_attachment("名单.txt", f"张三 {PLANTED_ID}".encode())

    return "通知.pdf", _pdf(plant)


# ---------------------------------------------------------------- OFD

_OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd_custom_data():
    data = samplefiles.ofd_bytes([INNOCENT])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = zf.read("OFD.xml").decode()
    root = root.replace(
        "</ofd:DocInfo>",
        f'<ofd:CustomDatas><ofd:CustomData Name="联系人">{PLANTED_ID}</ofd:CustomData>'
        "</ofd:CustomDatas></ofd:DocInfo>",
    )
    return "通知.ofd", with_parts(data, {"OFD.xml": root})


def ofd_annotation():
    annotation = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot {_OFD_NS}>'
        '<ofd:Annot ID="900" Type="Stamp"><ofd:Remark>经办人身份证 '
        f"{PLANTED_ID}</ofd:Remark></ofd:Annot></ofd:PageAnnot>"
    )
    data = samplefiles.ofd_bytes([INNOCENT])
    return "通知.ofd", with_parts(data, {"Doc_0/Annots/Page_0/Annotation.xml": annotation})


CORPUS = {
    builder.__name__: builder
    for builder in (
        xlsx_cell_comment,
        xlsx_number_format,
        xlsx_custom_property,
        xlsx_core_property,
        xlsx_defined_name,
        xlsx_hidden_sheet,
        xlsx_hidden_row_and_column,
        xlsx_pivot_cache,
        xlsx_id_split_by_spaces,
        xlsx_id_with_zero_width_characters,
        docx_core_property,
        docx_custom_property,
        docx_comment,
        docx_tracked_deletion,
        docx_tracked_insertion,
        docx_header,
        docx_footer,
        docx_image_alt_text,
        docx_id_split_by_spaces,
        docx_id_with_zero_width_characters,
        jpeg_exif_description,
        jpeg_exif_user_comment,
        jpeg_exif_windows_comment,
        png_text_chunk,
        pdf_metadata,
        pdf_annotation,
        pdf_embedded_file,
        ofd_custom_data,
        ofd_annotation,
    )
}
