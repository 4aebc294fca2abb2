import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.accounts import services
from gongkai.accounts.models import User
from gongkai.accounts.permissions import has_role, units_for
from gongkai.accounts.roles import Role
from gongkai.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _create(actor, unit, password="Strong-pass-2026", username="new-editor", role=Role.EDITOR):
    return services.create_staff(
        actor=actor, unit=unit, username=username, password=password, last_name="李四", role=role
    )


@pytest.mark.parametrize(
    "password",
    ["Short-1a", "alllowercaseletters", "lowercase12345678", "1234567890123"],
)
def test_weak_passwords_are_refused_in_chinese_and_no_account_is_made(admin_a, unit_a, password):
    with pytest.raises(ValidationError) as error:
        _create(admin_a, unit_a, password=password)
    assert any("密码" in message for message in error.value.messages)
    assert not User.objects.filter(username="new-editor").exists()


def test_passwords_are_hashed_with_argon2(settings, admin_a, unit_a):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = _create(admin_a, unit_a)
    assert user.password.startswith("argon2")
    assert user.check_password("Strong-pass-2026")


def test_unit_admin_creates_staff_only_in_their_own_unit(admin_a, unit_b):
    with pytest.raises(PermissionDenied):
        _create(admin_a, unit_b)


def test_staff_creation_is_audited(admin_a, unit_a):
    user = _create(admin_a, unit_a)
    events = AuditEvent.objects.for_target(user).order_by("sequence")
    assert [(e.action, e.actor) for e in events] == [
        ("role.grant", admin_a),
        ("staff.create", admin_a),
    ]


def test_administrator_roles_sit_alone_on_their_own_accounts(government, editor_a):
    from .factories import StaffFactory

    sysadmin = StaffFactory(membership__unit=government, membership__role=Role.SYSADMIN)
    with pytest.raises(ValidationError, match="三员分立"):
        services.grant_role(actor=sysadmin, user=editor_a, unit=government, role=Role.AUDITADMIN)
    with pytest.raises(ValidationError, match="三员分立"):
        services.grant_role(actor=sysadmin, user=sysadmin, unit=government, role=Role.SECADMIN)


def test_office_role_reaches_every_unit_of_its_government(office, unit_a, unit_b):
    assert set(units_for(office, Role.OFFICE)) >= {unit_a, unit_b}
    assert has_role(office, unit_b, Role.OFFICE)
    assert not has_role(office, unit_b, Role.EDITOR)


def test_an_editor_holds_no_role_in_another_unit(editor_a, unit_b):
    assert list(units_for(editor_a)) == [editor_a.memberships.get().unit]
    assert not has_role(editor_a, unit_b, Role.EDITOR)


def test_inactive_accounts_hold_no_roles(editor_a, unit_a):
    editor_a.is_active = False
    editor_a.save()
    user = User.objects.get(pk=editor_a.pk)
    assert not has_role(user, unit_a, Role.EDITOR)
