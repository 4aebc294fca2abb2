"""Attachments: what a file really is, what it says, and what it hides.

The type is decided from the bytes, never from the name: a renamed spreadsheet is refused
rather than published under a misleading extension. Office files are zip containers, so
DOCX, XLSX and OFD are told apart by the parts inside the zip. Hidden content (comments,
tracked changes, hidden text, author metadata, hidden sheets/rows/columns, pivot caches)
is reported with its location because it is a classic source of leaks.
"""

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import filetype
from lxml import etree

from gongkai.core import sandbox

from .pii import Segment, scan

PDF, DOCX, XLSX, OFD, PNG, JPEG, GIF, WEBP = (
    "pdf",
    "docx",
    "xlsx",
    "ofd",
    "png",
    "jpeg",
    "gif",
    "webp",
)
IMAGE_KINDS = {PNG, JPEG, GIF, WEBP}
KIND_LABELS = {
    PDF: "PDF 文档",
    DOCX: "Word 文档（DOCX）",
    XLSX: "Excel 表格（XLSX）",
    OFD: "OFD 版式文档",
    PNG: "PNG 图片",
    JPEG: "JPEG 图片",
    GIF: "GIF 图片",
    WEBP: "WebP 图片",
}
EXTENSIONS = {
    PDF: {".pdf"},
    DOCX: {".docx"},
    XLSX: {".xlsx"},
    OFD: {".ofd"},
    PNG: {".png"},
    JPEG: {".jpg", ".jpeg"},
    GIF: {".gif"},
    WEBP: {".webp"},
}
CONTENT_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    OFD: "application/ofd",
    PNG: "image/png",
    JPEG: "image/jpeg",
    GIF: "image/gif",
    WEBP: "image/webp",
}

# Zip bombs are refused from the zip's directory, before anything is decompressed. Python's
# zipfile never inflates an entry past its declared size, so declared sizes are a real bound.
# Real Office files of up to 20 MB stay far below each of these.
MAX_ZIP_ENTRIES = 5000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
# What one parse may use; beyond it the file is refused, and only the parsing child dies.
PARSE_LIMITS = sandbox.Limits(memory_bytes=768 * 1024 * 1024, cpu_seconds=60, wall_seconds=180)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_ITER = {"resolve_entities": False, "no_network": True, "huge_tree": False}

# Finding kinds (hidden content).
COMMENT = "comment"
TRACKED_CHANGE = "tracked_change"
HIDDEN_TEXT = "hidden_text"
AUTHOR_METADATA = "author_metadata"
HIDDEN_SHEET = "hidden_sheet"
VERY_HIDDEN_SHEET = "very_hidden_sheet"
HIDDEN_ROW = "hidden_row"
HIDDEN_COLUMN = "hidden_column"
PIVOT_CACHE = "pivot_cache"
EMBEDDED_FILE = "embedded_file"
# Personal data found outside the readable text (properties, names, caches, metadata…).
HIDDEN_PERSONAL_DATA = "hidden_personal_data"
# The gate could not read the content (an image, a scan without text): a reviewer decides.
NOT_CHECKED = "not_checked"

HIDDEN_LABELS = {
    COMMENT: "批注",
    TRACKED_CHANGE: "修订痕迹",
    HIDDEN_TEXT: "隐藏文字",
    AUTHOR_METADATA: "作者信息",
    HIDDEN_SHEET: "隐藏工作表",
    VERY_HIDDEN_SHEET: "深度隐藏工作表",
    HIDDEN_ROW: "隐藏行",
    HIDDEN_COLUMN: "隐藏列",
    PIVOT_CACHE: "数据透视表缓存",
    EMBEDDED_FILE: "嵌入文件",
    HIDDEN_PERSONAL_DATA: "隐藏位置的个人信息",
    NOT_CHECKED: "未检查",
}


class FileRejected(ValueError):
    """A file that must not be stored; the message is for the user."""


@dataclass(frozen=True)
class HiddenContent:
    kind: str
    location: str
    detail: str = ""

    @property
    def label(self) -> str:
        return HIDDEN_LABELS[self.kind]

    def describe(self) -> str:
        return f"{self.location}：{self.label}" + (f"（{self.detail}）" if self.detail else "")


@dataclass
class Inspection:
    kind: str
    segments: list[Segment] = field(default_factory=list)
    hidden: list[HiddenContent] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments if s.text)

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]


# ---------------------------------------------------------------- sniffing


def check_container(zf: zipfile.ZipFile) -> None:
    """Refuse a zip whose directory promises more than a real Office file ever holds."""
    entries = zf.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileRejected(f"压缩包内含 {len(entries)} 个文件，超过上限，疑似异常文件，已拒绝。")
    unpacked = sum(i.file_size for i in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileRejected(
            f"文件解压后达 {unpacked / 1048576:.0f} MB，超过上限 "
            f"{MAX_UNPACKED_BYTES // 1048576} MB，疑似压缩炸弹，已拒绝。"
        )
    packed = sum(i.compress_size for i in entries)
    if unpacked > MAX_COMPRESSION_RATIO * max(packed, 1024):
        raise FileRejected("文件压缩比异常（解压后膨胀数百倍以上），疑似压缩炸弹，已拒绝。")
    if any(i.flag_bits & 0x1 for i in entries):
        raise FileRejected("文件已加密，无法检查内容，请去除密码后重新上传。")


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_container(zf)
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    if "OFD.xml" in names:
        return OFD
    return None


def sniff(data: bytes) -> str:
    """The kind of file the bytes are, or FileRejected."""
    if not data:
        raise FileRejected("文件为空。")
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # OLE container: either an old .doc/.xls or an Office file encrypted with a password.
        raise FileRejected(
            "文件为加密的 Office 文档或旧版 .doc/.xls 格式，无法检查内容。"
            "请去除密码并另存为 DOCX/XLSX 后重新上传。"
        )
    if data[:4] == b"PK\x03\x04":
        kind = _zip_kind(data)
        if kind is None:
            raise FileRejected("无法识别的压缩文件，只接受 PDF、DOCX、XLSX、OFD 和图片。")
        return kind
    guess = filetype.guess(data)
    mapping = {"pdf": PDF, "png": PNG, "jpg": JPEG, "gif": GIF, "webp": WEBP}
    if guess is None or guess.extension not in mapping:
        raise FileRejected(
            "无法识别文件类型，只接受 PDF、DOCX、XLSX、OFD 和图片（PNG、JPEG、GIF、WebP）。"
        )
    return mapping[guess.extension]


def check_name_matches(kind: str, filename: str) -> None:
    suffix = PurePosixPath((filename or "").replace("\\", "/")).suffix.lower()
    if suffix not in EXTENSIONS[kind]:
        raise FileRejected(
            f"文件“{filename}”的内容是{KIND_LABELS[kind]}，"
            f"与扩展名“{suffix or '（无）'}”不符，请确认后重新上传。"
        )


def inspect(data: bytes, filename: str, *, max_bytes: int | None = None) -> Inspection:
    """Identify, check and read an uploaded file; raise FileRejected on any problem."""
    if max_bytes is not None and len(data) > max_bytes:
        raise FileRejected(
            f"文件“{filename}”大小为 {len(data) / 1048576:.1f} MB，"
            f"超过上限 {max_bytes / 1048576:.0f} MB。"
        )
    kind = sniff(data)
    check_name_matches(kind, filename)
    try:
        return sandbox.run(read, kind, data, limits=PARSE_LIMITS)
    except FileRejected:
        raise
    except sandbox.SandboxFailed as exc:
        raise FileRejected(
            f"文件“{filename}”解析时超出{'时间' if exc.reason in ('cpu', 'timeout') else '内存'}"
            "限制，疑似异常文件，已拒绝。"
        ) from exc
    except Exception as exc:  # any parser failure means the file cannot be checked
        raise FileRejected(f"文件“{filename}”已损坏或无法解析，请检查后重新上传。") from exc


def read(kind: str, data: bytes) -> Inspection:
    """What the reader for `kind` finds; `inspect` runs it in the sandbox's child process."""
    reader = READERS.get(kind)
    return reader(data) if reader else Inspection(kind=kind)


# ---------------------------------------------------------------- DOCX


def _xml(zf: zipfile.ZipFile, name: str):
    return etree.fromstring(zf.read(name), _PARSER)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _paragraph_text(p) -> str:
    parts = []
    for el in p.iter(_w("t"), _w("tab"), _w("br")):
        parts.append(
            el.text or "" if el.tag == _w("t") else ("\t" if el.tag == _w("tab") else "\n")
        )
    return "".join(parts)


# Parts of a Word file that readers see besides the body, as Word names them, in the order
# they are reported. Leaks hide here too: a contact's ID number in a footer, a tracked
# change left in a header.
_DOCX_SIDE_PARTS = (
    ("页眉", re.compile(r"word/header(\d*)\.xml")),
    ("页脚", re.compile(r"word/footer(\d*)\.xml")),
    ("脚注", re.compile(r"word/footnotes\.xml()")),
    ("尾注", re.compile(r"word/endnotes\.xml()")),
)
# Separator lines between body and notes are stored as notes of these types.
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


def inspect_docx(data: bytes) -> Inspection:
    result = Inspection(kind=DOCX)
    comment_anchor: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = _xml(zf, "word/document.xml").find(_w("body"))
        if body is None:
            raise FileRejected("Word 文档缺少正文部分，无法解析。")
        _docx_paragraphs(body.iter(_w("p")), "", result, comment_anchor)
        names = set(zf.namelist())
        for label, pattern in _DOCX_SIDE_PARTS:
            parts = sorted(
                (int(m.group(1) or 0), name) for name in names if (m := pattern.fullmatch(name))
            )
            paragraphs = [p for _, name in parts for p in _side_paragraphs(_xml(zf, name))]
            _docx_paragraphs(paragraphs, label, result, comment_anchor)
        if "word/comments.xml" in names:
            _docx_comments(_xml(zf, "word/comments.xml"), result, comment_anchor)
        if "docProps/core.xml" in names:
            _core_metadata(_xml(zf, "docProps/core.xml"), result.hidden)
    return result


def is_body_paragraph(segment: Segment) -> bool:
    """A paragraph of a Word file's main text (not a header, footer, note or comment)."""
    return bool(re.fullmatch(r"第\d+段", segment.location))


def _side_paragraphs(root) -> list:
    notes = [n for n in root if n.tag in (_w("footnote"), _w("endnote"))]
    if not notes:  # a header or footer: its paragraphs are the part's own
        return list(root.iter(_w("p")))
    return [p for n in notes if n.get(_w("type")) not in _NOTE_SEPARATORS for p in n.iter(_w("p"))]


def _docx_paragraphs(paragraphs, part: str, result: Inspection, comment_anchor) -> None:
    for number, p in enumerate(paragraphs, start=1):
        where = f"{part}第{number}段"
        result.segments.append(Segment(where, _paragraph_text(p)))
        _docx_paragraph_hidden(p, where, result.hidden, comment_anchor)


def _docx_comments(root, result: Inspection, comment_anchor) -> None:
    for c in root.iter(_w("comment")):
        text = "".join(t.text or "" for t in c.iter(_w("t")))
        anchor = comment_anchor.get(c.get(_w("id")), "")
        author = c.get(_w("author")) or ""
        result.hidden.append(
            HiddenContent(
                COMMENT, anchor or "批注", f"{author}：{text[:40]}" if author else text[:40]
            )
        )
        result.segments.append(Segment(f"{anchor}批注", text))


def _docx_paragraph_hidden(p, where, hidden, comment_anchor) -> None:
    for el in p.iter(_w("ins"), _w("del"), _w("moveFrom"), _w("moveTo")):
        text = "".join(t.text or "" for t in el.iter(_w("t"), _w("delText")))
        verb = "插入" if el.tag in (_w("ins"), _w("moveTo")) else "删除"
        author = el.get(_w("author")) or "未署名"
        hidden.append(HiddenContent(TRACKED_CHANGE, where, f"{author}{verb}“{text[:40]}”"))
    for run in p.iter(_w("r")):
        rpr = run.find(_w("rPr"))
        vanish = rpr.find(_w("vanish")) if rpr is not None else None
        if vanish is not None and vanish.get(_w("val"), "true") not in ("0", "false"):
            text = "".join(t.text or "" for t in run.iter(_w("t")))
            if text.strip():
                hidden.append(HiddenContent(HIDDEN_TEXT, where, text[:40]))
    for ref in p.iter(_w("commentRangeStart"), _w("commentReference")):
        comment_anchor.setdefault(ref.get(_w("id")), where)


def _core_metadata(core, hidden) -> None:
    for path, label in (("dc:creator", "作者"), ("cp:lastModifiedBy", "最后修改者")):
        el = core.find(path, NS)
        if el is not None and (el.text or "").strip():
            hidden.append(HiddenContent(AUTHOR_METADATA, "文档属性", f"{label}：{el.text.strip()}"))


# ---------------------------------------------------------------- XLSX


def inspect_xlsx(data: bytes) -> Inspection:
    import openpyxl

    result = Inspection(kind=XLSX)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        if "docProps/core.xml" in names:
            _core_metadata(_xml(zf, "docProps/core.xml"), result.hidden)
        # Read-only mode streams each sheet instead of building the whole workbook in memory.
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=True)
        for ws in wb.worksheets:
            _sheet_hidden(ws, zf, result.hidden)
            for row in ws.iter_rows():
                result.segments.extend(
                    Segment(f"{ws.title}!{cell.coordinate}", str(cell.value))
                    for cell in row
                    if getattr(cell, "value", None) is not None and str(cell.value).strip()
                )
        wb.close()
    for name in names:
        if name.startswith("xl/pivotCache/pivotCacheDefinition"):
            note = "表格含数据透视表缓存，可能带有原始明细数据"
            result.hidden.append(HiddenContent(PIVOT_CACHE, name.rsplit("/", 1)[-1], note))
    return result


_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _sheet_hidden(ws, zf: zipfile.ZipFile, hidden: list[HiddenContent]) -> None:
    """Hidden sheets, rows and columns. Read-only worksheets do not load row and column
    dimensions, so the sheet's XML is streamed for them (openpyxl keeps its part name)."""
    from openpyxl.utils import get_column_letter

    if ws.sheet_state == "hidden":
        hidden.append(HiddenContent(HIDDEN_SHEET, f"工作表“{ws.title}”"))
    elif ws.sheet_state == "veryHidden":
        hidden.append(HiddenContent(VERY_HIDDEN_SHEET, f"工作表“{ws.title}”"))
    rows, columns = [], []
    with zf.open(ws._worksheet_path) as part:
        for _, el in etree.iterparse(part, tag=(f"{_SHEET_NS}row", f"{_SHEET_NS}col"), **_ITER):
            if el.get("hidden") in ("1", "true"):
                if el.tag == f"{_SHEET_NS}row":
                    rows.append(f"{ws.title}!{el.get('r')}:{el.get('r')}")
                else:
                    first = get_column_letter(int(el.get("min", 1)))
                    last = get_column_letter(int(el.get("max", 1)))
                    columns.append(f"{ws.title}!{first if first == last else f'{first}:{last}'}")
            el.clear(keep_tail=False)
            while el.getprevious() is not None:
                del el.getparent()[0]
    hidden += [HiddenContent(HIDDEN_ROW, where) for where in rows]
    hidden += [HiddenContent(HIDDEN_COLUMN, where) for where in columns]


# ---------------------------------------------------------------- PDF


def inspect_pdf(data: bytes) -> Inspection:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        raise FileRejected("PDF 文件已加密，无法检查内容，请去除密码后重新上传。")
    result = Inspection(kind=PDF)
    hidden: list[Segment] = []
    for number, page in enumerate(reader.pages, start=1):
        result.segments.append(Segment(f"第{number}页", page.extract_text() or ""))
        hidden += _pdf_annotations(page, number)
    meta = reader.metadata or {}
    author = meta.get("/Author")
    if author and str(author).strip():
        result.hidden.append(
            HiddenContent(AUTHOR_METADATA, "文档属性", f"作者：{str(author).strip()}")
        )
    hidden.append(Segment("文档属性", "\n".join(f"{k}：{v}" for k, v in meta.items())))
    xmp = reader.trailer["/Root"].get("/Metadata")
    if xmp is not None:
        hidden.append(Segment("XMP 元数据", _bytes_text(xmp.get_object().get_data())))
    for name, contents in (reader.attachments or {}).items():
        result.hidden.append(HiddenContent(EMBEDDED_FILE, "嵌入文件", name[:60]))
        hidden.append(Segment(f"嵌入文件“{name}”", name))
        hidden += [Segment(f"嵌入文件“{name}”", _bytes_text(c)) for c in contents]
    fields = reader.get_fields() or {}
    hidden += [Segment(f"表单域“{k}”", str(f.get("/V", ""))) for k, f in fields.items()]
    if not result.text.strip():
        result.hidden.append(
            HiddenContent(NOT_CHECKED, "全文", "PDF 没有文字层（可能是扫描件），无法自动检查")
        )
    _hidden_personal_data(result, hidden)
    return result


def _pdf_annotations(page, number: int) -> list[Segment]:
    found = []
    annotations = page.get("/Annots")
    for ref in annotations.get_object() if annotations is not None else []:
        annotation = ref.get_object()
        parts = [str(annotation.get(key, "")) for key in ("/Contents", "/T", "/Subj", "/RC")]
        found.append(Segment(f"第{number}页批注", "\n".join(p for p in parts if p)))
    return found


def _bytes_text(data: bytes) -> str:
    """Text hidden in arbitrary bytes: as UTF-8 and as UTF-16 (what Windows tools write)."""
    data = bytes(data[: 4 * 1024 * 1024])
    return data.decode("utf-8", "ignore") + "\n" + data.decode("utf-16-le", "ignore")


# ---------------------------------------------------------------- images


def inspect_image(data: bytes) -> Inspection:
    """Pixels cannot be checked (a photo may show an ID card): the image is marked not
    checked for a reviewer to look at. Its metadata (EXIF, PNG text) is read and scanned."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        kind = {"PNG": PNG, "JPEG": JPEG, "GIF": GIF, "WEBP": WEBP}[image.format]
        result = Inspection(kind=kind)
        segments = [
            Segment("图片文字信息", f"{k}：{_exif_text(v)}")
            for k, v in (image.info or {}).items()
            if isinstance(v, str | bytes)
        ]
        exif = image.getexif()
        tags = dict(exif) | dict(exif.get_ifd(0x8769))  # the Exif IFD holds UserComment
        segments += [Segment("图片 EXIF 信息", _exif_text(v)) for v in tags.values()]
    result.hidden.append(
        HiddenContent(NOT_CHECKED, "图片内容", "图片中的文字无法自动检查，请审核人查看图片")
    )
    _hidden_personal_data(result, segments)
    return result


def _exif_text(value) -> str:
    if isinstance(value, bytes):  # UserComment, XPComment (UTF-16) and the like
        return _bytes_text(value)
    return str(value)


# ---------------------------------------------------------------- everything else in a zip

# Where a part sits, in the words an editor knows; the part name follows it.
_PART_LABELS = (
    ("docProps/core.xml", "文档属性"),
    ("docProps/custom.xml", "自定义文档属性"),
    ("docProps/app.xml", "文档属性"),
    ("xl/workbook.xml", "工作簿（定义的名称）"),
    ("xl/styles.xml", "单元格格式（数字格式）"),
    ("xl/pivotCache/", "数据透视表缓存"),
    ("xl/comments", "单元格批注"),
    ("xl/threadedComments/", "单元格批注"),
    ("xl/worksheets/", "工作表"),
    ("xl/sharedStrings.xml", "单元格文字"),
    ("word/document.xml", "正文（修订、图片替代文字等）"),
    ("word/comments", "批注"),
    ("word/header", "页眉"),
    ("word/footer", "页脚"),
    ("OFD.xml", "文档信息"),
)


def part_label(name: str) -> str:
    label = next((label for prefix, label in _PART_LABELS if name.startswith(prefix)), "内部文件")
    return f"{label}（{name}）"


def sweep_parts(zf: zipfile.ZipFile, result: Inspection) -> None:
    """Read every text node and attribute of every XML part — properties, defined names,
    number formats, pivot caches, deleted text, alt text, custom data — so personal data
    anywhere in the container is found, wherever the readers above did not look."""
    segments = [
        segment
        for info in zf.infolist()
        if info.filename.lower().endswith((".xml", ".rels", ".vml"))
        for segment in _part_segments(zf, info.filename)
    ]
    _hidden_personal_data(result, segments)


# A run of text or an attribute value (between markup characters) holding at least 11 digits,
# matched only from the start of a run so that the search stays linear.
_DIGIT_RUN = re.compile(rb"(?<![^<>\"'])(?:[^<>\"'\d]*\d){11}[^<>\"']*")
_SWEEP_CHUNK = 1024 * 1024


def _part_segments(zf: zipfile.ZipFile, name: str):
    """The part's text and attribute values that hold enough digits, in bounded segments.
    UTF-8 parts (what Office and OFD writers produce) are searched as bytes, which keeps big
    sheets cheap; any other encoding goes through the XML parser."""
    label = part_label(name)
    with zf.open(name) as part:
        chunk = part.read(_SWEEP_CHUNK)
        if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:200]:
            yield from _parsed_segments(zf, name, label)
            return
        pending = b""
        while chunk:
            data = pending + chunk
            # Cut at the last markup character so that no run is split between two chunks.
            cut = max(data.rfind(c) for c in (b"<", b">", b'"', b"'"))
            cut = len(data) if cut <= 0 or len(data) - cut > _SWEEP_CHUNK else cut
            yield _digit_runs(label, data[:cut])
            pending, chunk = data[cut:], part.read(_SWEEP_CHUNK)
        yield _digit_runs(label, pending)


def _digit_runs(label: str, data: bytes) -> Segment:
    runs = (html.unescape(m.group().decode("utf-8", "ignore")) for m in _DIGIT_RUN.finditer(data))
    return Segment(label, "\n".join(runs))


def _parsed_segments(zf: zipfile.ZipFile, name: str, label: str):
    lines = []
    with zf.open(name) as part:
        try:
            for _, el in etree.iterparse(part, events=("end",), **_ITER):
                lines += [v for v in (*el.attrib.values(), el.text, el.tail) if _has_digits(v)]
                el.clear(keep_tail=False)
        except etree.XMLSyntaxError:
            pass  # a damaged side part; the readers already judged the parts that matter
    yield Segment(label, "\n".join(lines))


def _has_digits(text: str | None) -> bool:
    # The shortest finding (a mobile number) has 11 digits.
    return bool(text) and sum(ch.isdigit() for ch in text) >= 11


def _hidden_personal_data(result: Inspection, segments: list[Segment]) -> None:
    """Report personal data in `segments` that the readable text does not already show."""
    shown = {(f.kind, f.masked) for f in scan(result.segments)}
    for finding in scan(segments):
        if (finding.kind, finding.masked) not in shown:
            shown.add((finding.kind, finding.masked))
            result.hidden.append(
                HiddenContent(
                    HIDDEN_PERSONAL_DATA, finding.location, f"疑似{finding.label} {finding.masked}"
                )
            )


# ---------------------------------------------------------------- OFD


def _ofd_page_order(zf: zipfile.ZipFile) -> list[str]:
    """Page content parts in reading order, following OFD.xml → Document.xml."""
    names = set(zf.namelist())
    root = etree.fromstring(zf.read("OFD.xml"), _PARSER)
    doc_root = next((el.text for el in root.iter() if etree.QName(el).localname == "DocRoot"), None)
    if doc_root and doc_root.strip("/") in names:
        doc_path = PurePosixPath(doc_root.strip("/"))
        doc = etree.fromstring(zf.read(str(doc_path)), _PARSER)
        pages = [el.get("BaseLoc") for el in doc.iter() if etree.QName(el).localname == "Page"]
        resolved = [str(doc_path.parent / loc.strip("/")) for loc in pages if loc]
        if resolved and all(p in names for p in resolved):
            return resolved

    def page_number(name: str) -> int:
        found = re.search(r"Page_?(\d+)", name)
        return int(found.group(1)) if found else 0

    return sorted((n for n in names if n.endswith("Content.xml") and "Page" in n), key=page_number)


def inspect_ofd(data: bytes) -> Inspection:
    result = Inspection(kind=OFD)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for number, name in enumerate(_ofd_page_order(zf), start=1):
            content = etree.fromstring(zf.read(name), _PARSER)
            text = "".join(
                el.text or "" for el in content.iter() if etree.QName(el).localname == "TextCode"
            )
            result.segments.append(Segment(f"第{number}页", text))
    return result


def _swept(reader):
    """`reader` followed by the sweep of every XML part of the container."""

    def read_and_sweep(data: bytes) -> Inspection:
        result = reader(data)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            sweep_parts(zf, result)
        return result

    return read_and_sweep


READERS = {
    DOCX: _swept(inspect_docx),
    XLSX: _swept(inspect_xlsx),
    OFD: _swept(inspect_ofd),
    PDF: inspect_pdf,
    **{kind: inspect_image for kind in IMAGE_KINDS},
}
