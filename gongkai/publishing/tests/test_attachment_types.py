import io
import zipfile

import pytest

from gongkai.publishing import inspection, samplefiles
from gongkai.publishing.inspection import FileRejected


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (samplefiles.docx_bytes(["x"]), "a.docx", inspection.DOCX),
        (samplefiles.xlsx_bytes([["x"]]), "表.XLSX", inspection.XLSX),
        (samplefiles.pdf_bytes([["x"]]), "a.pdf", inspection.PDF),
        (samplefiles.ofd_bytes([["x"]]), "a.ofd", inspection.OFD),
        (samplefiles.png_bytes(), "图.png", inspection.PNG),
    ],
)
def test_type_is_decided_by_content(data, name, kind):
    assert inspection.inspect(data, name).kind == kind


def test_spreadsheet_renamed_to_docx_is_refused():
    with pytest.raises(FileRejected, match="Excel.*与扩展名“.docx”不符"):
        inspection.inspect(samplefiles.xlsx_bytes([["x"]]), "通知.docx")


def test_pdf_renamed_to_xlsx_is_refused():
    with pytest.raises(FileRejected, match="PDF"):
        inspection.inspect(samplefiles.pdf_bytes([["x"]]), "表.xlsx")


def test_encrypted_office_file_is_refused():
    # Password-protected Office files are OLE containers holding an EncryptedPackage stream.
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(FileRejected, match="加密"):
        inspection.inspect(data, "通知.docx")


def test_garbage_named_docx_is_refused():
    with pytest.raises(FileRejected, match="无法识别"):
        inspection.inspect(b"this is not a word file at all" * 10, "通知.docx")


def test_zip_with_broken_document_xml_is_refused_as_damaged():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(FileRejected, match="损坏"):
        inspection.inspect(out.getvalue(), "通知.docx")


def test_oversized_file_is_refused_before_parsing():
    with pytest.raises(FileRejected, match="超过上限 1 MB"):
        inspection.inspect(b"%PDF-1.4" + b"0" * (1024 * 1024), "a.pdf", max_bytes=1024 * 1024)


def test_empty_file_is_refused():
    with pytest.raises(FileRejected, match="为空"):
        inspection.inspect(b"", "a.pdf")
