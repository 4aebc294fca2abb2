"""Pre-publication checks on a revision (先审后发).

Every finding says where it is. Findings block submission until fixed, or until a reviewer
overrides them with a recorded reason. External links are never fetched: malformed ones are
flagged, and `PUBLISHING_EXTERNAL_LINK_CHECKER` (a dotted path to a callable taking a URL and
returning an error message or None) is the hook for an offline-safe checker.
"""

import hashlib
from datetime import date
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.urls import Resolver404, resolve
from django.utils.module_loading import import_string

from . import docnumber, inspection, pii
from . import vocabularies as v
from .models import (
    Document,
    Finding,
    FindingKind,
    ForbiddenExpression,
    Revision,
    Severity,
)
from .sanitize import html_to_paragraphs, links


def _fingerprint(kind: str, location: str, message: str) -> str:
    return hashlib.sha256(f"{kind}|{location}|{message}".encode()).hexdigest()[:32]


def _finding(revision, kind, location, message, severity=Severity.BLOCKING) -> Finding:
    return Finding(
        revision=revision,
        kind=kind,
        severity=severity,
        location=location[:120],
        message=message[:400],
        fingerprint=_fingerprint(kind, location, message),
    )


def text_segments(revision: Revision) -> list[pii.Segment]:
    """Everything a reader could see, with locations: title, keywords, summary, body,
    attachments and their file names (shown as link texts on the portal)."""
    segments = [
        pii.Segment("标题", revision.title),
        pii.Segment("关键词", revision.keywords),
        pii.Segment("内容概述", revision.summary),
    ]
    segments += [
        pii.Segment(f"正文第{n}段", text)
        for n, text in enumerate(html_to_paragraphs(revision.body_html), start=1)
    ]
    for att in revision.attachments.all():
        segments.append(pii.Segment("附件文件名", att.original_name))
        segments += [
            pii.Segment(f"附件《{att.original_name}》{loc}", text) for loc, text in att.segments
        ]
    return segments


def _personal_data(revision, segments) -> list[Finding]:
    return [
        _finding(
            revision,
            FindingKind.PERSONAL_DATA,
            f.location,
            f"疑似{f.label} {f.masked}，请去标识化处理",
        )
        for f in pii.scan(segments)
    ]


def _expressions(revision, segments) -> list[Finding]:
    phrases = list(ForbiddenExpression.objects.filter(is_active=True))
    found = []
    for seg in segments:
        for expr in phrases:
            if expr.phrase in seg.text:
                hint = f"，建议改为“{expr.suggestion}”" if expr.suggestion else ""
                note = f"（{expr.note}）" if expr.note else ""
                message = f"含有“{expr.phrase}”{hint}{note}"
                found.append(_finding(revision, FindingKind.EXPRESSION, seg.location, message))
    return found


# What the file inspection reports, as finding kinds: personal data found outside the
# readable text is personal data; a file the gate could not read waits for a reviewer.
_HIDDEN_KINDS = {
    inspection.HIDDEN_PERSONAL_DATA: FindingKind.PERSONAL_DATA,
    inspection.NOT_CHECKED: FindingKind.NOT_CHECKED,
}


def _hidden_finding(revision, where: str, entry: dict, note: str = "") -> Finding:
    kind = _HIDDEN_KINDS.get(entry["kind"], FindingKind.HIDDEN_CONTENT)
    detail = entry.get("detail") or ""
    if kind == FindingKind.PERSONAL_DATA:
        message = f"{detail}，请去标识化处理"
    elif kind == FindingKind.NOT_CHECKED:
        message = f"未检查：{detail}。须由审核人查看后说明理由放行"
    else:
        message = f"{entry['label']}{('：' + detail) if detail else ''}{note}"
    return _finding(revision, kind, f"{where}{entry['location']}", message)


def _hidden(revision) -> list[Finding]:
    imported = f"导入原文《{revision.import_name}》"
    found = [
        _hidden_finding(revision, imported, h, "，已随正文导入，请核对")
        for h in revision.import_hidden
    ]
    for att in revision.attachments.all():
        found += [_hidden_finding(revision, f"附件《{att.original_name}》", h) for h in att.hidden]
    return found


def metadata_problems(content, *, today: date) -> list[tuple[str, str]]:
    """(field label, problem) for missing or inconsistent metadata (machine rule 43)."""
    problems = []
    required = [
        ("title", "标题"),
        ("subject", "主题分类"),
        ("doc_type", "文种"),
        ("date_written", "成文日期"),
    ]
    problems += [(label, "未填写") for name, label in required if not getattr(content, name)]
    if content.date_written and content.date_written > today:
        problems.append(("成文日期", "晚于今天"))
    if content.disclosure == v.WITHHELD and not content.withholding_reason:
        problems.append(("不予公开理由", "不予公开须说明法定理由"))
    if (
        content.disclosure == v.PROACTIVE
        and content.part == v.PART_STATUTORY
        and not content.statutory_category
    ):
        problems.append(("法定公开事项", "主动公开的信息须归入法定公开事项"))
    if content.doc_number:
        try:
            number = docnumber.normalise(content.doc_number, date_written=content.date_written)
            if number.value != content.doc_number:
                problems.append(("文号", f"应为“{number.value}”"))
        except docnumber.DocNumberError as exc:
            problems.append(("文号", str(exc)))
    problems += _validity_problems(content)
    if content.doc_type == v.INTERPRETATION and not content.interprets_id:
        problems.append(("解读的政策", "政策解读须关联所解读的文件"))
    return problems


def _validity_problems(content) -> list[tuple[str, str]]:
    """规章 and normative documents carry a validity, so they need the dates it follows."""
    problems = []
    if content.is_rule and content.is_normative:
        problems.append(("规章", "规章与行政规范性文件只能选择其一"))
    if content.is_rule and not content.effective_date:
        problems.append(("施行日期", "规章须填写施行日期"))
    if content.is_normative:
        if not content.effective_date:
            problems.append(("施行日期", "行政规范性文件须填写施行日期"))
        if not content.doc_number:
            problems.append(("文号", "行政规范性文件须有文号"))
    if content.is_contingency_plan:
        if not content.effective_date:
            problems.append(("施行日期", "突发事件应急预案须填写施行日期"))
        if content.statutory_category != v.CONTINGENCY_CATEGORY:
            label = v.STATUTORY_LABELS[v.CONTINGENCY_CATEGORY]
            problems.append(("法定公开事项", f"突发事件应急预案应归入“{label}”"))
    if (
        content.effective_date
        and content.expiry_date
        and content.expiry_date < content.effective_date
    ):
        problems.append(("失效日期", "早于施行日期"))
    return problems


def _metadata(revision, today) -> list[Finding]:
    return [
        _finding(revision, FindingKind.METADATA, label, problem)
        for label, problem in metadata_problems(revision, today=today)
    ]


def _external_checker():
    path = getattr(settings, "PUBLISHING_EXTERNAL_LINK_CHECKER", "")
    return import_string(path) if path else None


def link_problem(href: str, *, checker=None) -> str | None:
    """Why a body link is broken, or None. Internal links are checked against the URL
    configuration and the database; external ones only for form (no network)."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "mailto:")):
        return None
    parts = urlsplit(href)
    internal = not parts.scheme and not parts.netloc
    if parts.netloc and parts.hostname in set(settings.ALLOWED_HOSTS) - {"*"}:
        internal = True
    if internal:
        return _internal_problem(parts.path or "/")
    try:
        URLValidator(schemes=["http", "https"])(href)
    except ValidationError:
        return "链接格式不正确"
    return checker(href) if checker else None


def _internal_problem(path: str) -> str | None:
    if not path.startswith("/"):
        return "链接缺少 http(s):// 前缀，或站内链接未以 / 开头"
    try:
        match = resolve(path)
    except Resolver404:
        return "站内链接指向的页面不存在"
    if (
        match.view_name == "publishing:document"
        and not Document.objects.published().filter(pk=match.kwargs.get("pk")).exists()
    ):
        return "站内链接指向的文件不存在或未发布"
    return None


def _links(revision) -> list[Finding]:
    checker = _external_checker()
    found = []
    for number, href in links(revision.body_html):
        problem = link_problem(href, checker=checker)
        if problem:
            found.append(
                _finding(
                    revision, FindingKind.LINK, f"正文第{number}段", f"{problem}：{href[:200]}"
                )
            )
    return found


def run_checks(revision: Revision, *, today: date) -> list[Finding]:
    """Recompute and store the findings of `revision`; return them."""
    segments = text_segments(revision)
    findings = (
        _metadata(revision, today)
        + _personal_data(revision, segments)
        + _expressions(revision, segments)
        + _hidden(revision)
        + _links(revision)
    )
    unique = list({f.fingerprint: f for f in findings}.values())
    Finding.objects.filter(revision=revision).delete()
    Finding.objects.bulk_create(unique)
    return unique


def open_findings(revision: Revision) -> list[Finding]:
    """Blocking findings that no reviewer has overridden."""
    overridden = set(revision.overrides.values_list("fingerprint", flat=True))
    return [
        f
        for f in revision.findings.all()
        if f.severity == Severity.BLOCKING and f.fingerprint not in overridden
    ]
