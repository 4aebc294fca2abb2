"""Body HTML: one allow-list for everything that reaches the portal.

Editors paste or import HTML. Script, event handlers and javascript: URLs are never allowed;
`unsafe_parts` lets a form refuse such input with a message instead of silently changing
what the editor wrote.
"""

import re

import nh3
from lxml import html as lxml_html

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "blockquote",
    "a",
    "img",
    "hr",
    "pre",
    "code",
    "figure",
    "figcaption",
    "span",
    "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
_SAFE_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg|gif|webp);base64,", re.I)
_DANGEROUS_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "style",
    "form",
    "frame",
    "frameset",
    "base",
    "meta",
    "link",
}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    # Embedded images from Word arrive as data: URIs; only raster types are kept (SVG can
    # carry script). Links never get data: URIs.
    if attr in ("href", "src") and value.lower().startswith("data:"):
        return value if tag == "img" and _SAFE_DATA_IMAGE.match(value) else None
    return value


def clean_html(raw: str) -> str:
    return nh3.clean(
        raw or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "data"},
        attribute_filter=_attribute_filter,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def _is_bad_url(tag: str, name: str, value: str) -> bool:
    if name.lower() not in ("href", "src", "action", "formaction") or not _BAD_SCHEME.match(value):
        return False
    return not (tag == "img" and _SAFE_DATA_IMAGE.match(value))


def unsafe_parts(raw: str) -> list[str]:
    """Human-readable list of script-like constructs in `raw` (empty if none)."""
    if not (raw or "").strip():
        return []
    try:
        root = lxml_html.fragment_fromstring(raw, create_parent="div")
    except Exception:
        return []
    problems: list[str] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in _DANGEROUS_TAGS:
            problems.append(f"<{el.tag.lower()}> 标签")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"事件属性 {name}")
            elif _is_bad_url(el.tag, name, value):
                problems.append(f"{name} 中的 {value.split(':', 1)[0].strip()}: 地址")
    return list(dict.fromkeys(problems))


_BLOCKS = ("p", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote")


def _leaf_blocks(body_html: str) -> list:
    """Innermost block elements in document order: the "paragraphs" findings point to."""
    if not (body_html or "").strip():
        return []
    root = lxml_html.fragment_fromstring(body_html, create_parent="div")
    leaves = [
        el
        for el in root.iter(*_BLOCKS)
        if not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el.iterdescendants())
    ]
    return leaves or [root]


def html_to_paragraphs(body_html: str) -> list[str]:
    """Plain text of each paragraph of the body (empty ones kept so numbering is stable)."""
    return [el.text_content().strip() for el in _leaf_blocks(body_html)]


def links(body_html: str) -> list[tuple[int, str]]:
    """(paragraph number, href) for every link in the body."""
    found = []
    for number, el in enumerate(_leaf_blocks(body_html), start=1):
        found.extend((number, a.get("href")) for a in el.iter("a") if a.get("href") is not None)
    return found
