"""Real office files built in memory, for the demo content and for tests.

Each builder returns bytes that the ordinary readers (Word, Excel, PDF and OFD viewers)
open. The PDF builder writes Chinese text with the standard Adobe-GB1 font STSong-Light, so
no font file needs to be embedded.
"""

import io
import zipfile
from collections.abc import Iterable, Sequence

from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def docx_bytes(
    paragraphs: Sequence[str],
    *,
    author: str = "",
    last_modified_by: str = "",
    inserted: str = "",
    deleted: str = "",
    hidden: str = "",
    comment: str = "",
) -> bytes:
    """A DOCX with one paragraph per entry; the keyword arguments plant hidden content
    in the last paragraph (tracked insertion/deletion, hidden text, a comment)."""
    doc = WordDocument()
    doc.core_properties.author = author
    doc.core_properties.last_modified_by = last_modified_by
    doc.core_properties.comments = ""
    para = None
    for text in paragraphs:
        para = doc.add_paragraph(text)
    if para is None:
        para = doc.add_paragraph("")
    if inserted:
        para._p.append(_revision("w:ins", inserted, "w:t"))
    if deleted:
        para._p.append(_revision("w:del", deleted, "w:delText"))
    if hidden:
        para.add_run(hidden).font.hidden = True
    if comment:
        doc.add_comment(para.runs or [para.add_run(" ")], text=comment, author="审核人甲")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    ),
}


def plain_docx_bytes(paragraphs: Sequence[str]) -> bytes:
    """A minimal DOCX (document part only) — fast enough to write hundreds for the demo."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{_xml_escape(text)}</w:t></w:r></w:p>'
        for text in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in _DOCX_PARTS.items():
            zf.writestr(name, xml)
        zf.writestr("word/document.xml", document)
    return out.getvalue()


def track_insertion(paragraph, text: str) -> None:
    """Append `text` to a python-docx paragraph (body, header or footer) as a tracked
    insertion."""
    paragraph._p.append(_revision("w:ins", text, "w:t"))


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTE_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
)
_SUPERSCRIPT = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def with_footnotes(data: bytes, notes: Sequence[str]) -> bytes:
    """The DOCX `data` with one footnote per entry, referenced from its last paragraph
    (python-docx cannot write footnotes, so the part is added to the zip)."""
    footnotes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r>{_SUPERSCRIPT}<w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {_xml_escape(text)}</w:t></w:r></w:p></w:footnote>'
        for n, text in enumerate(notes, start=1)
    )
    references = "".join(
        f'<w:r>{_SUPERSCRIPT}<w:footnoteReference w:id="{n}"/></w:r>'
        for n in range(1, len(notes) + 1)
    )
    additions = {
        "[Content_Types].xml": (
            "</Types>",
            '<Override PartName="/word/footnotes.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>',
        ),
        "word/_rels/document.xml.rels": (
            "</Relationships>",
            '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
        ),
        "word/document.xml": ("</w:p>", references),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            text = src.read(item)
            if item.filename in additions:
                closing, addition = additions[item.filename]
                xml = text.decode("utf-8")
                at = xml.rindex(closing)
                text = (xml[:at] + addition + xml[at:]).encode("utf-8")
            dst.writestr(item, text)
        dst.writestr(
            "word/footnotes.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:footnotes xmlns:w="{_W_NS}">{_FOOTNOTE_SEPARATORS}{footnotes}</w:footnotes>',
        )
    return out.getvalue()


def _revision(tag: str, text: str, text_tag: str):
    change = OxmlElement(tag)
    change.set(qn("w:id"), "901" if tag == "w:ins" else "902")
    change.set(qn("w:author"), "起草人乙")
    change.set(qn("w:date"), "2024-03-01T09:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement(text_tag)
    t.text = text
    run.append(t)
    change.append(run)
    return change


def xlsx_bytes(
    rows: Iterable[Sequence],
    *,
    title: str = "Sheet1",
    hidden_sheet: tuple[str, Sequence[Sequence]] | None = None,
    very_hidden_sheet: tuple[str, Sequence[Sequence]] | None = None,
    hidden_rows: Sequence[int] = (),
    hidden_columns: Sequence[str] = (),
    author: str = "",
) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.properties.creator = author
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for number in hidden_rows:
        ws.row_dimensions[number].hidden = True
    for letter in hidden_columns:
        ws.column_dimensions[letter].hidden = True
    for spec, state in ((hidden_sheet, "hidden"), (very_hidden_sheet, "veryHidden")):
        if spec:
            extra = wb.create_sheet(spec[0])
            for row in spec[1]:
                extra.append(list(row))
            extra.sheet_state = state
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _pdf_text(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _pdf_info_text(text: str) -> str:
    # Document-information strings need the UTF-16 byte-order mark; page text must not have it.
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def pdf_bytes(pages: Sequence[Sequence[str]], *, author: str = "") -> bytes:
    """A PDF with the given lines on each page (A4, 12 pt, Chinese-capable font)."""
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    catalog = add("")  # filled in once the page tree is known
    pages_obj = add("")
    descriptor = add(
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"
    )
    cid_font = add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>"
        f" /FontDescriptor {descriptor} 0 R /DW 1000 >>"
    )
    font = add(
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        f" /DescendantFonts [{cid_font} 0 R] >>"
    )
    kids = []
    for lines in pages or [[""]]:
        ops = ["BT", "/F1 12 Tf", "16 TL", "50 790 Td"]
        ops += [f"{_pdf_text(line)} Tj T*" for line in lines]
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842]"
                f" /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode("latin-1")
    objects[pages_obj - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode("latin-1")
    info = add(
        f"<< /Author {_pdf_info_text(author)} /Producer (Gongkai) >>"
        if author
        else "<< /Producer (Gongkai) >>"
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, info, xref)
    )
    return out.getvalue()


def ofd_bytes(pages: Sequence[Sequence[str]]) -> bytes:
    """A minimal OFD (GB/T 33190) package: OFD.xml → Document.xml → one Content.xml per page."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>gongkai</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        page_refs = "".join(
            f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
            for i in range(len(pages))
        )
        zf.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}><ofd:CommonData>'
            "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
            f"</ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>",
        )
        for i, lines in enumerate(pages):
            texts = "".join(
                f'<ofd:TextObject ID="{100 + n}" Boundary="20 {20 + 8 * n} 170 8" Font="1" '
                'Size="4">'
                f'<ofd:TextCode X="0" Y="4">{_xml_escape(line)}</ofd:TextCode></ofd:TextObject>'
                for n, line in enumerate(lines)
            )
            zf.writestr(
                f"Doc_0/Pages/Page_{i}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content>'
                '<ofd:Layer ID="2">'
                f"{texts}</ofd:Layer></ofd:Content></ofd:Page>",
            )
    return out.getvalue()


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def png_bytes() -> bytes:
    """A 1×1 PNG (a real image for attachment tests)."""
    import base64

    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
