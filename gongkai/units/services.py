"""Changes to the unit tree. Each function checks that the actor is the openness office of
the government concerned, validates, changes, and records the change in the audit trail
inside one transaction; invalid input raises ValidationError with a Chinese message and
changes nothing."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from gongkai.accounts.permissions import require, require_any_role
from gongkai.accounts.roles import Role
from gongkai.audit.services import changes, record
from gongkai.core.identity import is_valid_credit_code

from .models import Unit, UnitKind
from .signals import unit_moved

# Only a government has a website of its own; its units' pages show its identifiers.
WEBSITE_FIELDS = ("site_code", "icp_record", "police_record", "site_organiser", "site_operator")
EDITABLE_FIELDS = (
    "code",
    "full_name",
    "short_name",
    "kind",
    "credit_code",
    "index_code",
    "display_order",
    "is_active",
    "leader_name",
    "leader_post",
    "body_name",
    "address",
    "postcode",
    "phone",
    "fax",
    "office_hours",
    "email",
    *WEBSITE_FIELDS,
)


def descendant_ids(unit) -> set[int]:
    """Ids of every unit below `unit` (not itself), in one query."""
    children = {}
    for pk, parent_id in Unit.objects.filter(government=unit.government_id or unit.pk).values_list(
        "pk", "parent_id"
    ):
        children.setdefault(parent_id, []).append(pk)
    found, stack = set(), [unit.pk]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _government_for(kind, parent):
    if kind == UnitKind.GOVERNMENT:
        return None  # set to itself once it has a primary key
    if parent is None:
        raise ValidationError("除人民政府外，每个单位都必须有上级单位。")
    return parent if parent.is_government else parent.government


def _check_codes(unit):
    unit.credit_code = (unit.credit_code or "").strip().upper()
    if not is_valid_credit_code(unit.credit_code):
        raise ValidationError({"credit_code": "统一社会信用代码无效：应为 18 位，且校验码正确。"})
    clashes = Unit.objects.exclude(pk=unit.pk)
    if clashes.filter(credit_code=unit.credit_code).exists():
        raise ValidationError({"credit_code": "该统一社会信用代码已被其他单位使用。"})
    if clashes.filter(code=unit.code).exists():
        raise ValidationError({"code": "该代码已被其他单位使用。"})
    if clashes.filter(index_code=unit.index_code).exists():
        raise ValidationError({"index_code": "该索引号前缀已被其他单位使用。"})


def _require_office(actor, unit) -> None:
    """Only the openness office of a unit's government manages it; a new government (one
    more site on a shared platform) is set up by the system administrator."""
    if unit is None:
        require_any_role(actor, Role.SYSADMIN)
    else:
        require(actor, unit, Role.OFFICE)


def _save(unit):
    unit.full_clean(exclude=["parent", "government", "merged_into"], validate_unique=False)
    _check_codes(unit)
    try:
        with transaction.atomic():
            unit.save()
    except IntegrityError as exc:
        raise ValidationError("代码重复，保存未成功。") from exc


@transaction.atomic
def create_unit(*, actor, parent=None, **fields) -> Unit:
    _require_office(actor, parent)
    unit = Unit(parent=parent, **fields)
    unit.government = _government_for(unit.kind, parent)
    _save(unit)
    if unit.is_government:
        Unit.objects.filter(pk=unit.pk).update(government=unit)
        unit.government = unit
    record(actor=actor, action="unit.create", target=unit, data={"fields": fields})
    return unit


@transaction.atomic
def update_unit(*, actor, unit, **fields) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require_office(actor, unit)
    before = {name: getattr(unit, name) for name in EDITABLE_FIELDS}
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} cannot be edited here")
        setattr(unit, name, value)
    if unit.kind != before["kind"] and UnitKind.GOVERNMENT in (unit.kind, before["kind"]):
        raise ValidationError({"kind": "不能在人民政府与其他类型之间转换。"})
    _save(unit)
    after = {name: getattr(unit, name) for name in EDITABLE_FIELDS}
    record(actor=actor, action="unit.update", target=unit, data={"changes": changes(before, after)})
    return unit


@transaction.atomic
def move_unit(*, actor, unit, new_parent) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require_office(actor, unit)
    if new_parent is not None:
        _require_office(actor, new_parent)
    if new_parent is None and not unit.is_government:
        raise ValidationError("除人民政府外，每个单位都必须有上级单位。")
    if new_parent is not None and (
        new_parent.pk == unit.pk or new_parent.pk in descendant_ids(unit)
    ):
        raise ValidationError("不能把单位移到它自己或它的下级单位之下。")
    old_parent = unit.parent
    unit.parent = new_parent
    moved = descendant_ids(unit) | {unit.pk}
    if not unit.is_government:
        new_government = _government_for(unit.kind, new_parent)
        if new_government.pk != unit.government_id:
            Unit.objects.filter(pk__in=moved).exclude(kind=UnitKind.GOVERNMENT).update(
                government=new_government
            )
            unit.government = new_government
    unit.save(update_fields=["parent", "government"])
    record(
        actor=actor,
        action="unit.move",
        target=unit,
        data={"from": str(old_parent or ""), "to": str(new_parent or "")},
    )
    unit_moved.send(sender=Unit, unit_ids=moved)
    return unit


@transaction.atomic
def merge_unit(*, actor, unit, into, on) -> Unit:
    """Merge `unit` into `into`: it keeps its history and its public pages redirect."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require_office(actor, unit)
    _require_office(actor, into)
    if into.pk == unit.pk or into.is_merged:
        raise ValidationError("只能并入另一个仍在运行的单位。")
    if unit.is_government or unit.children.filter(merged_into__isnull=True).exists():
        raise ValidationError("该单位还有下级单位，请先调整下级单位。")
    unit.merged_into, unit.merged_on, unit.is_active = into, on, False
    unit.save(update_fields=["merged_into", "merged_on", "is_active"])
    record(actor=actor, action="unit.merge", target=unit, data={"into": into.full_name})
    return unit


@transaction.atomic
def delete_unit(*, actor, unit) -> None:
    """Delete a unit that holds nothing. A unit with records is deactivated or merged instead,
    because its published information and applications must stay attributable."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    _require_office(actor, unit)
    if unit.children.exists():
        raise ValidationError("该单位还有下级单位，不能删除。")
    label = str(unit)
    try:
        with transaction.atomic():
            record(actor=actor, action="unit.delete", target=unit, data={"name": label})
            unit.delete()
    except ProtectedError as exc:
        raise ValidationError(
            "该单位已有业务记录（人员、信息或申请），不能删除；请停用或合并。"
        ) from exc
