"""Keeping a list: import, edit, submit, return, publish — each attributable and audited, each
all-or-nothing. Views and the API are thin shells over these functions."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.accounts.scoping import is_independent, participants
from gongkai.audit.services import changes, record
from gongkai.core import sandbox
from gongkai.core.clock import local_date, local_now
from gongkai.pages import outbox
from gongkai.pages.models import RenderOperation
from gongkai.publishing import inspection
from gongkai.units.models import Unit

from . import rules, xlsx
from .models import Entry, ListKind, ListSetting, ListVersion, PublicList, VersionStatus
from .schemas import FUNCTIONS, POWERS, SCHEMAS, SERVICE_GUIDES, SINGLE_ITEM

# Who drafted a version: none of them may publish it.
DRAFTING_ACTIONS = ("lists.create", "lists.import", "lists.edit", "lists.delete", "lists.submit")
READ_LIMITS = inspection.PARSE_LIMITS


class ImportFailed(ValidationError):
    """The spreadsheet was refused; `messages` are the row-level reasons, in Chinese."""


# ---------------------------------------------------------------- reading a spreadsheet


def read_spreadsheet(data: bytes, filename: str) -> list[list[str]]:
    """The rows of an uploaded XLSX, through the same checks as any upload (type from the
    bytes, name matching the type, zip-bomb limits) and parsed in the sandbox."""
    try:
        if len(data) > settings.UPLOAD_MAX_BYTES:
            raise inspection.FileRejected(
                f"文件大小超过上限 {settings.UPLOAD_MAX_BYTES // 1048576} MB。"
            )
        kind = inspection.sniff(data)
        if kind != inspection.XLSX:
            raise inspection.FileRejected(
                f"上传的是{inspection.KIND_LABELS[kind]}，清单只能用 Excel 表格（XLSX）导入。"
            )
        inspection.check_name_matches(kind, filename)
        return sandbox.run(xlsx.read_rows, data, limits=READ_LIMITS)
    except inspection.FileRejected as exc:
        raise ImportFailed([str(exc)]) from exc
    except xlsx.TooLarge as exc:
        raise ImportFailed([f"{exc}，请分批整理后再导入。"]) from exc
    except sandbox.SandboxFailed as exc:
        raise ImportFailed(["表格解析时超出资源限制，疑似异常文件，已拒绝。"]) from exc
    except Exception as exc:  # any parser failure: the file cannot be read
        raise ImportFailed(
            [f"文件“{filename}”已损坏或无法读取，请用 Excel 另存后重新上传。"]
        ) from exc


def template_bytes(kind: str) -> bytes:
    schema = SCHEMAS[kind]
    hints = []
    for column in schema.columns:
        parts = ["必填" if column.required else "选填"]
        if column.choices:
            parts.append("可选：" + "、".join(column.choices))
        if column.hint:
            parts.append(column.hint)
        parts.append(f"不超过 {column.max_length} 字")
        hints.append("；".join(parts))
    return xlsx.template(schema.label, schema.headers, hints)


def export_bytes(version: ListVersion) -> bytes:
    schema = version.schema
    rows = [[e.data.get(c.key, "") for c in schema.columns] for e in version.entries.all()]
    return xlsx.workbook(schema.label, schema.headers, rows)


# ---------------------------------------------------------------- drafts


def known_power_codes(unit) -> set[str]:
    """Codes of the unit's current powers list, which its functions catalogue may name."""
    current = PublicList.objects.filter(unit=unit, kind=POWERS.kind).values("current")
    return set(Entry.objects.filter(version__in=current).values_list("key", flat=True))


def government_of(unit):
    return unit.government_id or unit.pk


def published_single_items(unit) -> dict[str, str]:
    """Code → name of the single service items in force in the service guides of the units
    of `unit`'s government: what a "一件事" bundle may combine."""
    government = government_of(unit)
    found = (
        Entry.objects.published()
        .filter(version__public_list__kind=SERVICE_GUIDES.kind, data__kind=SINGLE_ITEM)
        .filter(
            models.Q(version__public_list__unit__government_id=government)
            | models.Q(version__public_list__unit_id=government)
        )
    )
    return {e.key: e.data.get("name", "") for e in found}


def _known_codes(schema, unit, draft=None, leaving=None):
    """The codes the schema's reference column may name; for a bundle, also the single
    items of the draft being edited (but not the row `leaving`, which is being changed)."""
    if schema is FUNCTIONS:
        return known_power_codes(unit)
    if schema is SERVICE_GUIDES:
        known = set(published_single_items(unit))
        if draft is not None:
            rows = [e.data for e in draft.entries.exclude(pk=getattr(leaving, "pk", None))]
            known |= rules.single_items(rows)
        return known
    return None


def _unpublished_documents(schema, row) -> dict:
    """Document links of a row that do not lead to a published document of this platform:
    a recipients' list reaches the public only as an attachment that passed the gate."""
    from gongkai.publishing.models import Document

    problems = {}
    for key in schema.extra.get("document_links", ()):
        numbers = rules.document_numbers(row.get(key, ""))
        if not numbers:
            continue
        published = set(
            Document.objects.published().filter(pk__in=numbers).values_list("pk", flat=True)
        )
        missing = [n for n in numbers if n not in published]
        if missing:
            label = schema.column(key).label
            links = "、".join(f"/documents/{n}/" for n in missing)
            problems[key] = f"“{label}”{links}不是本平台已发布的文件，请先经审核发布该文件。"
    return problems


def _rows_in_force(unit, kind) -> dict[str, dict]:
    """The rows of the list's current version, by key."""
    current = PublicList.objects.filter(unit=unit, kind=kind).values("current")
    return {e.key: e.data for e in Entry.objects.filter(version__in=current)}


def _linked_problems(schema, row, in_force) -> dict:
    """What the database says about a row: the documents it names are not published, or
    its progress changed since the version in force without new evidence."""
    problems = _unpublished_documents(schema, row)
    message = rules.unsupported_progress(schema, in_force, row)
    if message:
        problems["__all__"] = message
    return problems


def linked_documents(entries) -> dict[str, str]:
    """Address → title of the published documents the entries' document columns name."""
    from gongkai.publishing.models import Document

    numbers = {
        n
        for entry in entries
        for key in entry.version.schema.extra.get("document_links", ())
        for n in rules.document_numbers(entry.data.get(key, ""))
    }
    found = Document.objects.published().filter(pk__in=numbers).values_list("pk", "title")
    return {f"/documents/{pk}/": title for pk, title in found}


def open_draft(public_list) -> ListVersion | None:
    return public_list.versions.filter(
        status__in=(VersionStatus.DRAFT, VersionStatus.SUBMITTED)
    ).first()


@transaction.atomic
def start_draft(*, actor, unit, kind) -> ListVersion:
    """The list's open draft, or a new one holding a copy of the current version's rows."""
    require(actor, unit, Role.EDITOR)
    if kind not in ListKind.values:
        raise ValidationError("没有这种清单。")
    public_list, _ = PublicList.objects.select_for_update().get_or_create(unit=unit, kind=kind)
    draft = open_draft(public_list)
    if draft is not None:
        if draft.status == VersionStatus.SUBMITTED:
            raise ValidationError("该清单已提交审核，审核退回后才能修改。")
        return draft
    draft = ListVersion.objects.create(public_list=public_list, created_by=actor)
    if public_list.current_id:
        Entry.objects.bulk_create(
            Entry(
                version=draft,
                position=e.position,
                key=e.key,
                data=e.data,
                search_text=e.search_text,
            )
            for e in public_list.current.entries.all()
        )
    record(actor=actor, action="lists.create", target=draft, to_state=VersionStatus.DRAFT)
    return draft


def _editable(actor, version) -> ListVersion:
    version = (
        ListVersion.objects.select_for_update()
        .select_related("public_list__unit")
        .get(pk=version.pk)
    )
    require(actor, version.unit, Role.EDITOR)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError("只有草稿可以修改；已提交的清单需先退回。")
    return version


def _search_text(row: dict) -> str:
    return " ".join(v for v in row.values() if v)


@transaction.atomic
def import_rows(*, actor, unit, kind, data: bytes, filename: str) -> ListVersion:
    """Replace the draft's rows with the spreadsheet's. Either every row is valid and the
    draft holds exactly the sheet, or ImportFailed lists every problem and nothing changed."""
    schema = SCHEMAS.get(kind)
    if schema is None:
        raise ValidationError("没有这种清单。")
    require(actor, unit, Role.EDITOR)
    table = read_spreadsheet(data, filename)
    parsed = rules.parse_table(schema, table, _known_codes(schema, unit))
    in_force = _rows_in_force(unit, kind)
    parsed.errors += [
        f"第 {number} 行：{message}"
        for number, row in zip(parsed.numbers, parsed.rows, strict=True)
        for message in _linked_problems(schema, row, in_force.get(row[schema.key])).values()
    ]
    if parsed.errors:
        raise ImportFailed(parsed.errors)
    version = _editable(actor, start_draft(actor=actor, unit=unit, kind=kind))
    before = version.entries.count()
    version.entries.all().delete()
    Entry.objects.bulk_create(
        Entry(
            version=version,
            position=i,
            key=row[schema.key],
            data=row,
            search_text=_search_text(row),
        )
        for i, row in enumerate(parsed.rows, start=1)
    )
    version.source = filename[:200]
    version.save(update_fields=["source"])
    record(
        actor=actor,
        action="lists.import",
        target=version,
        data={"file": filename[:200], "rows_before": before, "rows": len(parsed.rows)},
    )
    return version


@transaction.atomic
def save_entry(*, actor, version, values: dict, entry=None) -> Entry:
    """Add a row to a draft, or change one of its rows."""
    version = _editable(actor, version)
    schema = version.schema
    row = {c.key: rules.clean(values.get(c.key, "")) for c in schema.columns}
    known = _known_codes(schema, version.unit, version, entry)
    problems = rules.check_row(schema, row, known)
    in_force = _rows_in_force(version.unit, schema.kind).get(row[schema.key])
    problems = {**_linked_problems(schema, row, in_force), **problems}
    clash = version.entries.filter(key=row[schema.key])
    if entry is not None:
        clash = clash.exclude(pk=entry.pk)
    if row[schema.key] and clash.exists():
        problems[schema.key] = f"“{schema.column(schema.key).label}”“{row[schema.key]}”已存在。"
    parent = rules.parent_column(schema)
    if parent is not None and row[parent.key]:
        keys = set(
            version.entries.exclude(pk=getattr(entry, "pk", None)).values_list("key", flat=True)
        )
        if row[parent.key] not in keys:
            problems[parent.key] = (
                f"“{parent.label}”“{row[parent.key]}”不是本清单中其他任务的编码。"
            )
    if problems:
        raise ValidationError(problems)
    if entry is None:
        last = version.entries.order_by("-position").values_list("position", flat=True).first()
        entry = Entry.objects.create(
            version=version,
            position=(last or 0) + 1,
            key=row[schema.key],
            data=row,
            search_text=_search_text(row),
        )
        record(actor=actor, action="lists.edit", target=version, data={"added": entry.key})
        return entry
    entry = version.entries.select_for_update().get(pk=entry.pk)
    before = dict(entry.data)
    entry.key, entry.data, entry.search_text = row[schema.key], row, _search_text(row)
    entry.save(update_fields=["key", "data", "search_text"])
    record(
        actor=actor,
        action="lists.edit",
        target=version,
        data={"entry": entry.key, "changes": changes(before, row)},
    )
    return entry


@transaction.atomic
def delete_entry(*, actor, version, entry) -> None:
    version = _editable(actor, version)
    entry = version.entries.get(pk=entry.pk)
    record(actor=actor, action="lists.delete", target=version, data={"removed": entry.data})
    entry.delete()


@transaction.atomic
def submit(*, actor, version, note="") -> ListVersion:
    version = _editable(actor, version)
    if not version.entries.exists():
        raise ValidationError("清单没有任何条目，不能提交。")
    if not note.strip():
        raise ValidationError({"note": "请写明本次修订说明（例如“依据新修订的法规调整 3 项”）。"})
    broken = _broken_references(version)
    if broken:
        raise ValidationError(broken)
    version.status, version.note, version.return_reason = VersionStatus.SUBMITTED, note.strip(), ""
    version.save(update_fields=["status", "note", "return_reason"])
    record(
        actor=actor,
        action="lists.submit",
        target=version,
        from_state=VersionStatus.DRAFT,
        to_state=VersionStatus.SUBMITTED,
        reason=version.note,
    )
    return version


def _broken_references(version) -> list[str]:
    """Rows of the draft naming codes that are no longer there — a single item deleted or
    made a bundle after a bundle named it, a power dropped from the powers list."""
    schema = version.schema
    known = _known_codes(schema, version.unit, version)
    if known is None:
        return []
    return [
        f"“{entry.key}”：{message}"
        for entry in version.entries.all()
        for message in rules.check_row(schema, entry.data, known).values()
    ]


def _reviewable(actor, version) -> ListVersion:
    version = (
        ListVersion.objects.select_for_update()
        .select_related("public_list__unit")
        .get(pk=version.pk)
    )
    require(actor, version.unit, Role.REVIEWER)
    if version.status != VersionStatus.SUBMITTED:
        raise ValidationError("该版本不在待审核状态。")
    drafters = participants(version, DRAFTING_ACTIONS) | {version.created_by_id}
    if not is_independent(actor, drafters):
        raise PermissionDenied("不能审核自己参与录入或修改的清单，请由其他审核人员审核。")
    return version


@transaction.atomic
def return_for_changes(*, actor, version, reason) -> ListVersion:
    version = _reviewable(actor, version)
    if not reason.strip():
        raise ValidationError({"reason": "请写明退回理由。"})
    version.status, version.return_reason = VersionStatus.DRAFT, reason.strip()[:300]
    version.save(update_fields=["status", "return_reason"])
    record(
        actor=actor,
        action="lists.return",
        target=version,
        from_state=VersionStatus.SUBMITTED,
        to_state=VersionStatus.DRAFT,
        reason=version.return_reason,
    )
    return version


@transaction.atomic
def publish(*, actor, version) -> ListVersion:
    """The reviewer's approval: the version becomes current, the one it replaces history."""
    version = _reviewable(actor, version)
    public_list = PublicList.objects.select_for_update().get(pk=version.public_list_id)
    previous = public_list.current
    if previous is not None:
        previous.status = VersionStatus.SUPERSEDED
        previous.save(update_fields=["status"])
    last = public_list.versions.exclude(number=None).order_by("-number").first()
    version.number = (last.number if last else 0) + 1
    version.status = VersionStatus.PUBLISHED
    version.published_by, version.published_at = actor, local_now()
    version.save(update_fields=["number", "status", "published_by", "published_at"])
    public_list.current = version
    public_list.save(update_fields=["current"])
    record(
        actor=actor,
        action="lists.publish",
        target=version,
        from_state=VersionStatus.SUBMITTED,
        to_state=VersionStatus.PUBLISHED,
        data={"number": version.number, "rows": version.entries.count()},
    )
    outbox.enqueue(RenderOperation.Subject.LIST, public_list.unit_id)
    return version


# ---------------------------------------------------------------- versions


def rows_of(version) -> list[dict]:
    return [e.data for e in version.entries.all()] if version is not None else []


def previous_version(version) -> ListVersion | None:
    """The published version before `version` (for a draft: the current one)."""
    if version.number is None:
        return version.public_list.current
    return (
        ListVersion.objects.published()
        .filter(public_list=version.public_list, number__lt=version.number)
        .order_by("-number")
        .first()
    )


def law_links(entries) -> dict[str, str]:
    """Title → page of every law or rule the entries cite in 《》 in a basis column that is a
    document published on the platform (the library), in one query."""
    from gongkai.publishing.models import Document

    titles = {
        title
        for entry in entries
        for key in rules.BASIS_COLUMNS
        for title in rules.law_titles(entry.data.get(key, ""))
    }
    if not titles:
        return {}
    found = Document.objects.published().filter(title__in=titles).order_by("-first_published_at")
    links = {}
    for title, pk in found.values_list("title", "pk"):
        links.setdefault(title, reverse("publishing:document", args=[pk]))
    return links


def changes_in(version) -> rules.Diff:
    return rules.diff(version.schema, rows_of(previous_version(version)), rows_of(version))


# ---------------------------------------------------------------- the office's view


@transaction.atomic
def save_setting(
    *, actor, government, kind, required, stale_after_days, due_on=None
) -> ListSetting:
    require(actor, government, Role.OFFICE)
    if not 1 <= int(stale_after_days) <= 3660:
        raise ValidationError({"stale_after_days": "更新周期应在 1 到 3660 个自然日之间。"})
    if due_on is not None and not required:
        raise ValidationError({"due_on": "只有要求各单位必须公开的清单才能设定公开期限。"})
    setting, _ = ListSetting.objects.select_for_update().get_or_create(
        government=government, kind=kind
    )

    def state():
        return {
            "required": setting.required,
            "stale_after_days": setting.stale_after_days,
            "due_on": setting.due_on.isoformat() if setting.due_on else "",
        }

    before = state()
    setting.required, setting.stale_after_days = bool(required), int(stale_after_days)
    setting.due_on = due_on
    setting.save()
    record(actor=actor, action="lists.setting", target=setting, data=changes(before, state()))
    return setting


def settings_of(government) -> dict[str, ListSetting]:
    found = {s.kind: s for s in ListSetting.objects.filter(government=government)}
    return {
        kind: found.get(kind) or ListSetting(government=government, kind=kind)
        for kind in ListKind.values
    }


@dataclass(frozen=True)
class Standing:
    """How one unit's list stands against the office's setting."""

    state: str  # "current" | "stale" | "missing" | "late" | "pending" | "not_required"
    published_on: date | None = None
    age_days: int | None = None
    stale_after_days: int | None = None  # the office's period, for a published list

    LABELS = {
        "current": "已公开",
        "stale": "未按期更新",
        "missing": "缺失",
        "late": "逾期未公开",
        "pending": "待审核",
        "not_required": "—",
    }

    @property
    def label(self) -> str:
        return self.LABELS[self.state]


def standing(setting, published_at, has_submitted: bool, today: date) -> Standing:
    """Pure: a list is missing when required and never published — late once the office's
    deadline for it has passed (`age_days`: the calendar days since), whether or not a
    version waits for review — and stale when its current version is older than the
    office's period."""
    if published_at is None:
        if setting.required and setting.due_on and today > setting.due_on:
            return Standing("late", None, (today - setting.due_on).days)
        if has_submitted:
            return Standing("pending")
        return Standing("missing" if setting.required else "not_required")
    published_on = local_date(published_at)
    age = (today - published_on).days
    state = "stale" if age > setting.stale_after_days else "current"
    return Standing(state, published_on, age, setting.stale_after_days)


def published_standings(public_lists, today: date) -> dict[int, Standing]:
    """How each published list stands against its government's setting (current or stale),
    by the list's pk, in one query for the settings."""

    def government_of(public_list):
        return public_list.unit.government_id or public_list.unit_id

    found = {
        (s.government_id, s.kind): s
        for s in ListSetting.objects.filter(
            government_id__in={government_of(pl) for pl in public_lists}
        )
    }
    return {
        pl.pk: standing(
            found.get((government_of(pl), pl.kind)) or ListSetting(kind=pl.kind),
            pl.current.published_at,
            False,
            today,
        )
        for pl in public_lists
    }


def office_overview(units, government, today: date):
    """[(unit, [(kind label, Standing)…])…] for the units the office supervises."""
    settings_by_kind = settings_of(government)
    lists = PublicList.objects.filter(unit__in=units).select_related("current")
    published = {(pl.unit_id, pl.kind): pl.current.published_at for pl in lists if pl.current_id}
    submitted = set(
        ListVersion.objects.filter(
            public_list__unit__in=units, status=VersionStatus.SUBMITTED
        ).values_list("public_list__unit_id", "public_list__kind")
    )
    rows = []
    for unit in units:
        states = [
            (
                kind,
                standing(
                    settings_by_kind[kind],
                    published.get((unit.pk, kind)),
                    (unit.pk, kind) in submitted,
                    today,
                ),
            )
            for kind in ListKind.values
        ]
        rows.append((unit, states))
    return rows


def units_of_government(government):
    return Unit.objects.active().filter(government=government).order_by("display_order", "pk")
