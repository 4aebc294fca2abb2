import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts.roles import Role
from gongkai.accounts.tests.factories import MembershipFactory
from gongkai.audit.models import AuditEvent
from gongkai.units import services
from gongkai.units.models import Unit, UnitKind

from .factories import UnitFactory, credit_code

pytestmark = pytest.mark.django_db


def _fields(**overrides):
    fields = {
        "code": "new-unit",
        "full_name": "测试区新设局",
        "short_name": "新设局",
        "kind": UnitKind.DEPARTMENT,
        "credit_code": credit_code(9001),
        "index_code": credit_code(9001)[8:17],
    }
    fields.update(overrides)
    return fields


def test_created_unit_belongs_to_its_government_and_is_audited(office, government):
    unit = services.create_unit(actor=office, parent=government, **_fields())
    assert unit.government == government
    assert AuditEvent.objects.for_target(unit).get().action == "unit.create"


def test_invalid_credit_code_is_refused_in_chinese_and_nothing_is_saved(office, government):
    bad = credit_code(9001)[:-1] + ("0" if credit_code(9001)[-1] != "0" else "1")
    with pytest.raises(ValidationError) as error:
        services.create_unit(actor=office, parent=government, **_fields(credit_code=bad))
    assert "统一社会信用代码无效" in str(error.value)
    assert not Unit.objects.filter(code="new-unit").exists()


def test_duplicate_credit_code_is_refused(office, government, unit_a):
    with pytest.raises(ValidationError) as error:
        services.create_unit(
            actor=office, parent=government, **_fields(credit_code=unit_a.credit_code)
        )
    assert "已被其他单位使用" in str(error.value)


def test_duplicate_code_is_refused(office, government, unit_a):
    with pytest.raises(ValidationError, match="该代码已被其他单位使用"):
        services.create_unit(actor=office, parent=government, **_fields(code=unit_a.code))


def test_a_unit_cannot_move_under_its_own_descendant(office, unit_a):
    child = UnitFactory(parent=unit_a)
    grandchild = UnitFactory(parent=child)
    with pytest.raises(ValidationError, match="不能把单位移到它自己或它的下级单位之下"):
        services.move_unit(actor=office, unit=unit_a, new_parent=grandchild)
    unit_a.refresh_from_db()
    assert unit_a.parent_id == unit_a.government_id


def test_moving_a_unit_to_another_government_moves_its_subtree(office, unit_a):
    from .factories import GovernmentFactory

    other = GovernmentFactory()
    MembershipFactory(user=office, unit=other, role=Role.OFFICE)
    child = UnitFactory(parent=unit_a)
    services.move_unit(actor=office, unit=unit_a, new_parent=other)
    child.refresh_from_db()
    assert child.government == other


def test_deleting_a_unit_that_holds_records_is_refused(office, unit_a, editor_a):
    with pytest.raises(ValidationError, match="不能删除；请停用或合并"):
        services.delete_unit(actor=office, unit=unit_a)
    assert Unit.objects.filter(pk=unit_a.pk).exists()
    assert not AuditEvent.objects.filter(action="unit.delete").exists()


def test_an_empty_unit_can_be_deleted_and_the_deletion_is_kept(office, government):
    unit = UnitFactory(parent=government)
    services.delete_unit(actor=office, unit=unit)
    assert not Unit.objects.filter(pk=unit.pk).exists()
    assert AuditEvent.objects.get(action="unit.delete").data["name"] == unit.full_name


def test_merged_unit_keeps_its_row_and_history(office, unit_a, unit_b):
    services.merge_unit(actor=office, unit=unit_b, into=unit_a, on="2026-03-01")
    unit_b.refresh_from_db()
    assert unit_b.merged_into == unit_a
    assert not unit_b.is_active
    assert not unit_b.receives_applications


def test_update_records_what_changed(office, unit_a):
    services.update_unit(actor=office, unit=unit_a, phone="0999-7654321")
    event = AuditEvent.objects.for_target(unit_a).get(action="unit.update")
    assert event.data["changes"] == {"phone": ["0999-1234567", "0999-7654321"]}


def test_descendants_are_found_in_one_query(unit_a, django_assert_num_queries):
    child = UnitFactory(parent=unit_a)
    grandchild = UnitFactory(parent=child)
    with django_assert_num_queries(1):
        assert services.descendant_ids(unit_a) == {child.pk, grandchild.pk}


def test_only_the_office_of_the_units_government_may_change_it(editor_a, unit_a, unit_b):
    from .factories import GovernmentFactory

    other_office = MembershipFactory(unit=GovernmentFactory(), role=Role.OFFICE).user
    for actor in (editor_a, other_office):
        with pytest.raises(PermissionDenied):
            services.update_unit(actor=actor, unit=unit_a, phone="0999-0000000")
        with pytest.raises(PermissionDenied):
            services.merge_unit(actor=actor, unit=unit_b, into=unit_a, on="2026-03-01")
        with pytest.raises(PermissionDenied):
            services.delete_unit(actor=actor, unit=unit_b)
        with pytest.raises(PermissionDenied):
            services.create_unit(actor=actor, parent=unit_a, **_fields())
    unit_a.refresh_from_db()
    assert unit_a.phone == "0999-1234567"
    assert Unit.objects.filter(pk=unit_b.pk, merged_into=None).exists()
    assert not AuditEvent.objects.filter(action__startswith="unit.").exists()


def test_a_unit_cannot_be_moved_into_a_government_the_office_does_not_run(office, unit_a):
    from .factories import GovernmentFactory

    with pytest.raises(PermissionDenied):
        services.move_unit(actor=office, unit=unit_a, new_parent=GovernmentFactory())
    unit_a.refresh_from_db()
    assert unit_a.parent_id == unit_a.government_id


def test_a_new_government_is_set_up_by_the_system_administrator(office, government):
    sysadmin = MembershipFactory(unit=government, role=Role.SYSADMIN).user
    fields = _fields(kind=UnitKind.GOVERNMENT, full_name="测试市人民政府", code="city")
    with pytest.raises(PermissionDenied):
        services.create_unit(actor=office, **fields)
    government = services.create_unit(actor=sysadmin, **fields)
    assert government.government == government


def test_a_unit_with_a_published_guide_is_not_deleted(office, government):
    from gongkai.publishing.models import Guide

    unit = UnitFactory(parent=government)
    Guide.objects.create(unit=unit, arrangement="按法定公开事项编排。")
    with pytest.raises(ValidationError, match="不能删除；请停用或合并"):
        services.delete_unit(actor=office, unit=unit)
    assert Guide.objects.filter(unit=unit).exists()
