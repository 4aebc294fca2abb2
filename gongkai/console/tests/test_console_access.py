import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from gongkai.accounts.tests.factories import PASSWORD, StaffFactory
from gongkai.audit.models import AuditEvent
from gongkai.units.models import Unit

pytestmark = pytest.mark.django_db

CONSOLE_URLS = ["/console/", "/console/units/", "/console/staff/", "/console/audit/"]


@pytest.mark.parametrize("url", CONSOLE_URLS)
def test_console_pages_require_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/console/login/")


def test_login_logs_in_and_lands_on_the_dashboard(client, editor_a):
    response = client.post("/console/login/", {"username": "editor-a", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/console/"
    assert "录入" in client.get("/console/").content.decode()


def test_repeated_failures_lock_the_account(client, editor_a):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        response = client.post("/console/login/", {"username": "editor-a", "password": "wrong"})
    response = client.post("/console/login/", {"username": "editor-a", "password": PASSWORD})
    assert response.status_code == 429
    assert "暂时锁定" in response.content.decode()


def test_a_wrong_password_says_so_in_chinese(client, editor_a):
    response = client.post("/console/login/", {"username": "editor-a", "password": "wrong"})
    assert "用户名或密码不正确" in response.content.decode()


def test_idle_sessions_end_after_thirty_minutes(client, editor_a, client_of):
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    assert django_settings.SESSION_SAVE_EVERY_REQUEST
    client = client_of(editor_a)
    client.get("/console/")
    session = client.session
    assert 0 < session.get_expiry_age() <= 30 * 60


def test_an_account_without_roles_is_refused(client, db):
    from gongkai.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get("/console/").status_code == 403


# (who, url, expected status) — the permission matrix of the foundation's console pages.
@pytest.mark.parametrize(
    ("persona", "page", "status"),
    [
        ("office", "units", 200),
        ("editor_a", "units", 403),
        ("admin_a", "units", 403),
        ("admin_a", "staff_a", 200),
        ("admin_a", "staff_b", 403),
        ("editor_a", "staff_a", 403),
        ("office", "staff_b", 200),
        ("editor_a", "audit", 403),
        ("office", "audit", 403),
    ],
)
def test_console_permission_matrix(request, client_of, unit_a, unit_b, persona, page, status):
    user = request.getfixturevalue(persona)
    urls = {
        "units": "/console/units/",
        "staff_a": f"/console/staff/{unit_a.pk}/",
        "staff_b": f"/console/staff/{unit_b.pk}/",
        "audit": "/console/audit/",
    }
    assert client_of(user).get(urls[page]).status_code == status


def test_audit_administrator_reads_the_audit_log(client_of, government, office, unit_a):
    from gongkai.units.services import update_unit

    update_unit(actor=office, unit=unit_a, phone="0999-0000000")
    auditor = StaffFactory(membership__unit=government, membership__role="auditadmin")
    html = client_of(auditor).get("/console/audit/").content.decode()
    assert "unit.update" in html


def test_office_edits_a_unit_and_bad_credit_code_changes_nothing(client_of, office, unit_a):
    client = client_of(office)
    form = {
        "parent": unit_a.parent_id,
        "code": unit_a.code,
        "full_name": "测试区甲局（新）",
        "short_name": "甲局",
        "kind": "department",
        "credit_code": "123",
        "index_code": unit_a.index_code,
        "display_order": 1,
        "is_active": "on",
    }
    response = client.post(f"/console/units/{unit_a.pk}/", form)
    assert response.status_code == 200
    assert "统一社会信用代码无效" in response.content.decode()
    unit_a.refresh_from_db()
    assert unit_a.full_name == "测试区甲局"
    form["credit_code"] = unit_a.credit_code
    assert client.post(f"/console/units/{unit_a.pk}/", form).status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.full_name == "测试区甲局（新）"


def test_office_cannot_delete_a_unit_with_staff(client_of, office, unit_a, editor_a):
    response = client_of(office).post(f"/console/units/{unit_a.pk}/delete/", follow=True)
    assert "不能删除" in response.content.decode()
    assert Unit.objects.filter(pk=unit_a.pk).exists()


def test_unit_admin_creates_staff_through_the_console(client_of, admin_a, unit_a):
    response = client_of(admin_a).post(
        f"/console/staff/{unit_a.pk}/",
        {"username": "weak", "last_name": "王", "role": "editor", "password": "weakweak"},
    )
    assert "密码" in response.content.decode()
    response = client_of(admin_a).post(
        f"/console/staff/{unit_a.pk}/",
        {
            "username": "newbie",
            "last_name": "王",
            "identity_number": "110105198503151230",
            "role": "editor",
            "password": "Good-pass-2026",
        },
    )
    assert response.status_code == 302
    assert unit_a.memberships.filter(user__username="newbie", role="editor").exists()


def test_the_console_menu_shows_only_what_a_role_can_use(client_of, editor_a, office):
    editor_menu = client_of(editor_a).get("/console/").content.decode()
    assert "主动公开" in editor_menu
    assert "单位管理" not in editor_menu
    assert "审计日志" not in editor_menu
    assert "单位管理" in client_of(office).get("/console/").content.decode()


def _unit_form_data(unit, **changes):
    from gongkai.units.services import EDITABLE_FIELDS

    data = {name: getattr(unit, name) for name in EDITABLE_FIELDS}
    data["parent"] = unit.parent_id
    data.update(changes)
    return {k: ("on" if v is True else v) for k, v in data.items() if v not in (None, False)}


def test_office_moves_a_unit_in_the_console(client_of, office, unit_a, unit_b):
    url = reverse("console:unit-edit", args=[unit_a.pk])
    response = client_of(office).post(url, _unit_form_data(unit_a, parent=unit_b.pk))
    assert response.status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.parent_id == unit_b.pk
    assert AuditEvent.objects.filter(action="unit.move", target_id=str(unit_a.pk)).exists()


def test_moving_a_unit_under_its_own_descendant_changes_nothing(client_of, office, unit_a):
    from gongkai.units.tests.factories import UnitFactory

    child = UnitFactory(parent=unit_a)
    url = reverse("console:unit-edit", args=[unit_a.pk])
    data = _unit_form_data(unit_a, parent=child.pk, phone="0999-5555555")
    response = client_of(office).post(url, data)
    assert response.status_code == 200
    assert "不能把单位移到它自己或它的下级单位之下" in response.content.decode()
    unit_a.refresh_from_db()
    assert unit_a.parent_id == unit_a.government_id
    assert unit_a.phone != "0999-5555555"
    assert not AuditEvent.objects.filter(action__startswith="unit.").exists()


def test_staff_change_their_own_password(client_of, editor_a):
    from gongkai.accounts.tests.factories import PASSWORD

    client = client_of(editor_a)
    url = reverse("console:password")
    weak = {"old_password": PASSWORD, "new_password": "abc", "new_password_again": "abc"}
    page = client.post(url, weak).content.decode()
    assert "密码太短：至少需要 10 个字符" in page
    editor_a.refresh_from_db()
    assert editor_a.check_password(PASSWORD)

    wrong = {"old_password": "Not-the-2026-one", "new_password": "New-pass-2026x"}
    wrong["new_password_again"] = wrong["new_password"]
    assert "当前密码不正确" in client.post(url, wrong).content.decode()

    good = dict(wrong, old_password=PASSWORD)
    assert client.post(url, good).status_code == 302
    editor_a.refresh_from_db()
    assert editor_a.check_password("New-pass-2026x")
    assert AuditEvent.objects.for_target(editor_a).get(action="staff.password").actor == editor_a
    assert client.get(reverse("console:dashboard")).status_code == 200


@pytest.mark.parametrize(
    "role, says",
    [
        ("sysadmin", "工作人员账号：启用"),
        ("secadmin", "当前被锁定的账号：0 个"),
        ("auditadmin", "今日审计记录"),
    ],
)
def test_each_administrator_sees_a_panel_for_their_own_job(client_of, government, role, says):
    admin = StaffFactory(membership__unit=government, membership__role=role)
    page = client_of(admin).get(reverse("console:dashboard")).content.decode()
    assert says in page
    others = {"sysadmin": "工作人员账号：启用", "secadmin": "当前被锁定", "auditadmin": "今日审计"}
    assert all(text not in page for r, text in others.items() if r != role)
