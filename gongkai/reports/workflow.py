"""Every state change of an annual report, one named function each.

draft → submitted → reviewed (by someone other than the author, who records the
confidentiality review, Art. 17) → published. A published version is never changed;
`new_version` starts a corrected draft and publishing it moves the old version to superseded.
Publishing is refused, with the violations, when an identity of the national format fails;
submitting and publishing are refused while a narrative shows personal data unmasked.
Invalid input raises ``ValidationError`` with a Chinese message and changes nothing; a wrong
role raises ``PermissionDenied``.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from gongkai.accounts import scoping
from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import changes, record
from gongkai.core.clock import local_now, this_year
from gongkai.core.workflow import check, locked, move

from . import format as fmt
from . import services
from .models import ENTERED_FIELDS, NARRATIVE_FIELDS, AnnualReport, ReportStatus
from .tables import parse_table2_value

S = ReportStatus
TRANSITIONS = {
    "generate_report": {(None, S.DRAFT)},
    "update_report": {(S.DRAFT, S.DRAFT)},
    "submit_report": {(S.DRAFT, S.SUBMITTED)},
    "return_report": {(S.SUBMITTED, S.DRAFT), (S.REVIEWED, S.DRAFT)},
    "approve_report": {(S.SUBMITTED, S.REVIEWED)},
    "publish_report": {(S.REVIEWED, S.PUBLISHED)},
    "new_version": {(S.PUBLISHED, S.PUBLISHED)},
}

EDIT_ROLES = (Role.EDITOR, Role.UNIT_ADMIN)
REVIEW_ROLES = (Role.REVIEWER, Role.UNIT_ADMIN, Role.BODY_HEAD)
READ_ROLES = (Role.EDITOR, Role.REVIEWER, Role.UNIT_ADMIN, Role.BODY_HEAD, Role.OFFICE)
CONFIDENTIALITY_RESULT_MAX = AnnualReport._meta.get_field("confidentiality_result").max_length
# What the review usually finds; offered as the form's starting text, never assumed.
CONFIDENTIALITY_CLEARED = "经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。"


class PublicationRefused(ValidationError):
    """Publishing failed an identity; `violations` says which cells and which records."""

    def __init__(self, violations):
        self.violations = violations
        super().__init__(
            f"报告有 {len(violations)} 处数据不符合年度报告格式的勾稽关系，不能发布："
            + "；".join(v.message for v in violations[:5])
        )


def _roles(unit, roles):
    # A government's report covers all its units: the openness office alone prepares it.
    return (Role.OFFICE,) if unit.is_government else roles


# Who wrote, edited or submitted this version may not approve it.
SHAPING_ACTIONS = ("report.generate", "report.update", "report.submit", "report.new_version")


def require_editor(actor, unit):
    require(actor, unit, *_roles(unit, EDIT_ROLES))


def require_reviewer(actor, unit):
    require(actor, unit, *_roles(unit, REVIEW_ROLES))


def require_reader(actor, unit):
    require(actor, unit, *READ_ROLES)


def _check(report, action, target):
    """The table's check, in words of its own for a published report (kept as history)."""
    published = report.status in (S.PUBLISHED, S.SUPERSEDED)
    if published and (report.status, target) not in TRANSITIONS[action]:
        raise ValidationError(
            "已发布的年度报告不能修改。如需更正，请创建新版本，原版本将作为历史保留。"
        )
    check(TRANSITIONS, action, report.status, target, report.get_status_display())


def _move(report, action, target):
    _check(report, action, target)
    return move(report, TRANSITIONS, action, target)


def _lock(report):
    return locked(AnnualReport, report.pk, "unit")


@transaction.atomic
def generate_report(*, actor, unit, year):
    """Start the report of `unit` for `year`: section 一 starts with the consultation figures
    (决策公开), section 六 with the fee facts, both counted from the records."""
    require_editor(actor, unit)
    if not isinstance(year, int) or year >= this_year() or year < 2008:
        raise ValidationError({"year": "只能为已经结束的年度编制年度报告。"})
    existing = AnnualReport.objects.filter(unit=unit, year=year)
    if existing.filter(status__in=[S.PUBLISHED]).exists():
        raise ValidationError(
            f"{unit.short_name}{year}年的年度报告已发布；如需更正，请创建新版本。"
        )
    if existing.exists():
        raise ValidationError(f"{unit.short_name}{year}年的年度报告已在编制中。")
    report = AnnualReport(
        unit=unit,
        year=year,
        created_by=actor,
        overview=services.consultation_paragraph(unit, year),
        other_matters=services.fee_paragraph(unit, year),
    )
    if unit.is_government:
        # Art. 50: the government's report includes its units'; their entered figures are the
        # starting point, which the office completes with its own and may correct.
        figures, report.figures_source = services.units_figures(unit, year)
        for name, value in figures.items():
            setattr(report, name, value)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise ValidationError(f"{unit.short_name}{year}年的年度报告已在编制中。") from None
    record(
        actor=actor,
        action="report.generate",
        target=report,
        to_state=report.status,
        data=changes({}, report.entered_figures()) if unit.is_government else None,
    )
    return report


def parse_figures(figures):
    """The entered table 二 figures as values, or ValidationError naming every bad one."""
    values, errors = {}, {}
    for key, name in ENTERED_FIELDS.items():
        if key not in figures:
            continue
        try:
            values[name] = parse_table2_value(key, figures[key])
        except ValueError as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def update_report(*, actor, report, figures=None, figures_source=None, narratives=None):
    """Save entered figures (raw text keyed by table 二 cell) and narratives, all or nothing."""
    report = _lock(report)
    require_editor(actor, report.unit)
    _check(report, "update_report", S.DRAFT)
    values = parse_figures(figures or {})
    before = {**report.entered_figures(), **report.narratives()}
    for name, value in values.items():
        setattr(report, name, value)
    for key, text in (narratives or {}).items():
        setattr(report, NARRATIVE_FIELDS[key], text.strip())
    if figures_source is not None:
        report.figures_source = figures_source.strip()
    report.save()
    after = {**report.entered_figures(), **report.narratives()}
    record(actor=actor, action="report.update", target=report, data=changes(before, after))
    return report


@transaction.atomic
def add_to_narrative(*, actor, report, key, text):
    """Append a drafted paragraph to one narrative, once: a double click or a later visit finds
    it there already and changes nothing. True when it was added."""
    current = getattr(_lock(report), NARRATIVE_FIELDS[key]).strip()
    text = text.strip()
    if text in current:
        return False
    combined = f"{current}\n\n{text}" if current else text
    update_report(actor=actor, report=report, narratives={key: combined})
    return True


def require_figures_source(report):
    """Figures typed in from other systems must say where they came from."""
    if report.figures_source.strip():
        return
    unsourced = [
        fmt.table2_cell_name(key) for key, value in report.entered_figures().items() if value
    ]
    if unsourced:
        raise ValidationError(
            {
                "figures_source": f"{'、'.join(unsourced)}为填报数据，不为零，"
                "请先在“数据来源说明”中写明其来源（如统计系统名称和统计截止日期），再提交审核。"
            }
        )


def refuse_personal_data(report, doing):
    """The narratives are published as they stand, so no number in them may identify anyone."""
    findings = services.personal_data(report)
    if findings:
        raise ValidationError(
            f"报告文字中有未去标识化的个人信息，不能{doing}："
            + "；".join(finding.describe() for finding in findings)
            + f"。请删除或用*遮盖部分数字后再{doing}。"
        )


@transaction.atomic
def submit_report(*, actor, report):
    report = _lock(report)
    require_editor(actor, report.unit)
    source = _move(report, "submit_report", S.SUBMITTED)
    require_figures_source(report)
    refuse_personal_data(report, "提交审核")
    report.submitted_at = local_now()
    report.save(update_fields=["status", "submitted_at", "updated_at"])
    record(
        actor=actor, action="report.submit", target=report, from_state=source, to_state=S.SUBMITTED
    )
    return report


def _confidentiality_result(text):
    text = text.strip()
    if not text:
        raise ValidationError({"confidentiality_result": "审核通过前，请填写保密审查意见。"})
    if len(text) > CONFIDENTIALITY_RESULT_MAX:
        raise ValidationError(
            {"confidentiality_result": f"保密审查意见不能超过{CONFIDENTIALITY_RESULT_MAX}字。"}
        )
    return text


@transaction.atomic
def review_report(*, actor, report, approve, comment="", confidentiality_result=""):
    """The reviewer, who is not the author, approves the report after the confidentiality
    review (保密审查, Art. 17) and records its result, or returns it to the draft."""
    report = _lock(report)
    require_reviewer(actor, report.unit)
    shaped = scoping.participants(report, SHAPING_ACTIONS)
    if not scoping.is_independent(actor, {report.created_by_id, *shaped}):
        raise ValidationError(
            "审核人不能是报告的撰写人，也不能审核自己修改或提交的报告（包括通过本人的其他账号），"
            "请由其他审核人员审核。"
        )
    if not approve and not comment.strip():
        raise ValidationError({"comment": "退回修改的，请写明审核意见。"})
    result = _confidentiality_result(confidentiality_result) if approve else ""
    action, target = ("approve_report", S.REVIEWED) if approve else ("return_report", S.DRAFT)
    source = _move(report, action, target)
    report.reviewed_by, report.reviewed_at = (actor, local_now()) if approve else (None, None)
    report.review_comment = comment.strip()
    report.confidentiality_result = result
    report.save()
    record(
        actor=actor,
        action=f"report.{'approve' if approve else 'return'}",
        target=report,
        from_state=source,
        to_state=target,
        reason=comment.strip(),
        data={"confidentiality_result": result} if approve else None,
    )
    return report


@transaction.atomic
def publish_report(*, actor, report):
    """Publish a reviewed report, freezing its tables; refused while an identity fails."""
    report = _lock(report)
    require_reviewer(actor, report.unit)
    _check(report, "publish_report", S.PUBLISHED)
    if not report.confidentiality_result:
        # Reports reviewed before the result was recorded go back through review.
        raise ValidationError("该报告没有保密审查意见，不能发布。请退回修改后重新提交审核。")
    refuse_personal_data(report, "发布")
    tables = services.compute_tables(report)
    violations = services.violations_of(report, tables)
    if violations:
        raise PublicationRefused(violations)
    replaced = AnnualReport.objects.select_for_update().filter(
        unit=report.unit, year=report.year, status=S.PUBLISHED
    )
    for old in replaced:
        old.status = S.SUPERSEDED
        old.save(update_fields=["status", "updated_at"])
        record(
            actor=actor,
            action="report.supersede",
            target=old,
            from_state=S.PUBLISHED,
            to_state=S.SUPERSEDED,
        )
    source = _move(report, "publish_report", S.PUBLISHED)
    report.snapshot = services.to_snapshot(tables)
    report.published_by, report.published_at = actor, local_now()
    report.save()
    record(
        actor=actor, action="report.publish", target=report, from_state=source, to_state=S.PUBLISHED
    )
    return report


@transaction.atomic
def new_version(*, actor, report, reason):
    """A corrected draft of a published report; the published one stays until this replaces it."""
    report = _lock(report)
    require_editor(actor, report.unit)
    _check(report, "new_version", S.PUBLISHED)
    if not reason.strip():
        raise ValidationError({"reason": "请说明修订原因。"})
    if AnnualReport.objects.filter(
        unit=report.unit, year=report.year, status__in=[S.DRAFT, S.SUBMITTED, S.REVIEWED]
    ).exists():
        raise ValidationError("该年度报告已有正在编制的新版本。")
    latest = (
        AnnualReport.objects.filter(unit=report.unit, year=report.year).order_by("-version").first()
    )
    draft = AnnualReport.objects.create(
        unit=report.unit,
        year=report.year,
        version=latest.version + 1,
        replaces=report,
        change_reason=reason.strip(),
        created_by=actor,
        figures_source=report.figures_source,
        **{name: getattr(report, name) for name in ENTERED_FIELDS.values()},
        **{name: getattr(report, name) for name in NARRATIVE_FIELDS.values()},
    )
    record(
        actor=actor,
        action="report.new_version",
        target=draft,
        to_state=S.DRAFT,
        reason=reason.strip(),
    )
    return draft
