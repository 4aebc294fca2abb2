"""The second factor, attacked over HTTP the way an outsider with a stolen password would: the
password alone opens nothing; codes cannot be guessed, replayed or re-enrolled around; only
the security administrator resets a factor, never their own; production refuses shortcuts."""

import base64
import datetime
import importlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from gongkai.accounts import second_factor
from gongkai.accounts.models import AuthenticatorDevice, recovery_code_digest
from gongkai.accounts.tests.factories import (
    PASSWORD,
    TOTP_SECRET,
    StaffFactory,
    enrol_second_factor,
)
from gongkai.audit.models import AuditEvent
from gongkai.core.crypto import decrypt_text

pytestmark = pytest.mark.django_db

LOGIN = "/console/login/"
VERIFY = "/console/second-factor/"
SETUP = "/console/second-factor/setup/"
ROOT = Path(__file__).resolve().parents[3]


def _staff(unit, role, username):
    return StaffFactory(username=username, membership__unit=unit, membership__role=role)


@pytest.fixture
def sysadmin(government):
    return _staff(government, "sysadmin", "the-sysadmin")


@pytest.fixture
def secadmin(government):
    return _staff(government, "secadmin", "the-secadmin")


@pytest.fixture
def auditadmin(government):
    return _staff(government, "auditadmin", "the-auditadmin")


def _password(client, user, **extra):
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD}, **extra)
    assert response.status_code == 302, "the password itself is right"
    return response


def _later(time_machine, seconds=30):
    """Each TOTP code works once; the app shows the next one 30 seconds later."""
    time_machine.shift(datetime.timedelta(seconds=seconds))


def _code():
    return second_factor.current_code(TOTP_SECRET)


# ---------------------------------------------------------------- the password alone


ADMIN_PAGES = [
    "/console/",
    "/console/accounts/",
    "/console/audit/",
    "/console/audit/verify/",
    "/console/security/lockouts/",
    "/console/security/second-factor/",
    "/console/password/",
    "/console/workdays/",
]


@pytest.mark.parametrize("who", ["sysadmin", "secadmin", "auditadmin"])
def test_an_administrator_with_the_password_only_reaches_nothing(client, who, request):
    admin = request.getfixturevalue(who)
    enrol_second_factor(admin)
    _password(client, admin)
    for page in ADMIN_PAGES:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"].startswith(VERIFY), page
    response = client.post("/console/accounts/", {"username": "x"})
    assert response.status_code == 302 and response["Location"] == VERIFY
    assert not AuditEvent.objects.filter(action="staff.create").exists()
    # The second-factor page shows no navigation to anything else.
    page = client.get(VERIFY).content.decode()
    assert "工作台导航" not in page and "/console/accounts/" not in page


def test_an_administrator_not_yet_enrolled_is_sent_to_enrolment_only(client, sysadmin):
    _password(client, sysadmin)
    response = client.get("/console/accounts/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    assert client.get(VERIFY)["Location"] == "/console/second-factor/setup/"


def test_half_a_sign_in_counts_as_signed_out_outside_the_console(client, sysadmin, rf):
    from django.contrib.auth.models import AnonymousUser

    from gongkai.accounts.middleware import SessionPolicyMiddleware

    enrol_second_factor(sysadmin)
    _password(client, sysadmin)
    seen = {}

    def view(request):
        seen["user"] = request.user
        return None

    request = rf.get("/")
    request.user = sysadmin
    request.user.is_verified = lambda: False
    request.session = client.session
    SessionPolicyMiddleware(view)(request)
    assert isinstance(seen["user"], AnonymousUser)


def test_business_staff_need_it_when_the_setting_is_on(client, settings, editor_a):
    settings.SECOND_FACTOR_FOR_ALL_STAFF = True
    _password(client, editor_a)
    response = client.get("/console/publishing/")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)


def test_business_staff_in_development_sign_in_with_the_password(client, settings, editor_a):
    settings.SECOND_FACTOR_FOR_ALL_STAFF = False
    _password(client, editor_a)
    assert client.get("/console/").status_code == 200


def test_whoever_has_enrolled_must_give_it(client, settings, editor_a):
    settings.SECOND_FACTOR_FOR_ALL_STAFF = False
    enrol_second_factor(editor_a)
    _password(client, editor_a)
    assert client.get("/console/")["Location"].startswith(VERIFY)


# ---------------------------------------------------------------- enrolment


def test_enrolment_shows_the_qr_code_and_the_secret_then_the_recovery_codes_once(
    client, sysadmin, time_machine
):
    _password(client, sysadmin)
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "动态口令二维码" in page
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert len(secret) == 32

    wrong = client.post(SETUP, {"code": "000000"})
    assert "动态口令不正确" in wrong.content.decode()
    assert not second_factor.is_enrolled(sysadmin)

    response = client.post(SETUP, {"code": second_factor.current_code(secret)})
    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == second_factor.RECOVERY_CODE_COUNT
    assert second_factor.is_enrolled(sysadmin)
    assert client.get("/console/accounts/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.second_factor_enrol", actor=sysadmin).exists()
    assert '<a class="button primary" href="/console/">' in response.content.decode()
    # Shown once: the enrolment page now only leads to the code page.
    assert client.get(SETUP).status_code == 302


def test_a_stolen_password_cannot_enrol_a_new_factor_over_the_old_one(client, sysadmin):
    enrol_second_factor(sysadmin)
    _password(client, sysadmin)
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    response = client.post(SETUP, {"code": "123456"})
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)

    with pytest.raises(Exception, match="已设置动态口令"):
        second_factor.start_enrolment(sysadmin)


# ---------------------------------------------------------------- codes


def test_the_right_code_opens_the_console_and_returns_to_the_page_asked_for(
    client, sysadmin, time_machine
):
    enrol_second_factor(sysadmin)
    _later(time_machine)
    client.post(LOGIN, {"username": sysadmin.username, "password": PASSWORD})
    first = client.get("/console/accounts/")
    assert first["Location"] == VERIFY + "?next=%2Fconsole%2Faccounts%2F"
    response = client.post(VERIFY, {"code": _code(), "next": "/console/accounts/"})
    assert response.status_code == 302 and response["Location"] == "/console/accounts/"
    assert client.get("/console/accounts/").status_code == 200
    event = AuditEvent.objects.get(action="auth.second_factor")
    assert event.actor == sysadmin and event.data["method"] == "totp"


def test_the_code_page_sends_nobody_to_another_site(client, sysadmin, time_machine):
    enrol_second_factor(sysadmin)
    _later(time_machine)
    _password(client, sysadmin)
    response = client.post(VERIFY, {"code": _code(), "next": "https://evil.example/"})
    assert response.status_code == 302 and response["Location"] == "/console/"


def test_a_code_is_not_accepted_twice(client, sysadmin, time_machine):
    enrol_second_factor(sysadmin)
    _later(time_machine)
    code = _code()
    _password(client, sysadmin)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post(reverse("console:logout"))
    _password(client, sysadmin)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200 and "不正确" in response.content.decode()
    assert client.get("/console/")["Location"].startswith(VERIFY)


def test_wrong_codes_are_refused_throttled_and_audited(client, secadmin, time_machine, settings):
    enrol_second_factor(secadmin)
    _later(time_machine)
    _password(client, secadmin, REMOTE_ADDR="10.9.8.7")
    for wrong in ("000000", "111111", "222222", "333333", "444444"):
        response = client.post(VERIFY, {"code": wrong}, REMOTE_ADDR="10.9.8.7")
        assert response.status_code == 200 and "不正确" in response.content.decode()
    # The sixth attempt is refused even with the right code: guessing has stopped.
    response = client.post(VERIFY, {"code": _code()}, REMOTE_ADDR="10.9.8.7")
    assert response.status_code == 429 and "过多" in response.content.decode()
    assert client.get("/console/")["Location"].startswith(VERIFY)
    failures = AuditEvent.objects.filter(action="auth.second_factor_failure", actor=secadmin)
    assert failures.count() == settings.SECOND_FACTOR_FAILURE_LIMIT
    assert failures.first().data["address"] == "10.9.8.7"
    assert AuditEvent.objects.filter(action="auth.second_factor_lockout").count() == 1
    # The allowance is per account, not per session: a new sign-in does not refill it.
    client.post(reverse("console:logout"))
    _password(client, secadmin, REMOTE_ADDR="10.9.8.6")
    assert client.post(VERIFY, {"code": _code()}, REMOTE_ADDR="10.9.8.6").status_code == 429
    # After the window the right code works again.
    _later(time_machine, settings.AXES_COOLOFF_TIME.total_seconds())
    assert client.post(VERIFY, {"code": _code()}, REMOTE_ADDR="10.9.8.6").status_code == 302


def test_a_recovery_code_works_once(client, auditadmin):
    codes = enrol_second_factor(auditadmin)
    _password(client, auditadmin)
    response = client.post(VERIFY, {"code": codes[0].upper()})
    assert response.status_code == 302
    assert client.get("/console/audit/").status_code == 200
    assert second_factor.recovery_codes_left(auditadmin) == len(codes) - 1
    assert AuditEvent.objects.get(action="auth.second_factor").data["method"] == "recovery"

    client.post(reverse("console:logout"))
    _password(client, auditadmin)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200 and "不正确" in response.content.decode()
    assert client.post(VERIFY, {"code": codes[1]}).status_code == 302


# ---------------------------------------------------------------- secrets at rest (等保: 鉴别数据)

# Fixed (xdist collects the same ids on every worker); real in form: 32 random bytes each.
OLD_KEY = "eHbbQ8yWzKnJ7m1cPq0e5Z1Vt6A3rT9uL2oF4gH8sWk="
NEW_KEY = "Zk3pR7sT1vX9yB2nM5qW8eA4cD6fH0jL3gK7uP1oI9E="
SECRET_HEX = base64.b32decode(TOTP_SECRET).hex()


def _column(sql, *params):
    """What the database itself holds, read past the models (as a stolen dump would be)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _everything_stored(user):
    keys = _column("SELECT key FROM accounts_authenticatordevice WHERE user_id = %s", user.pk)
    digests = _column(
        "SELECT c.digest FROM accounts_recoverycode c JOIN accounts_recoverydevice d"
        " ON c.device_id = d.id WHERE d.user_id = %s",
        user.pk,
    )
    return keys, digests


def test_the_database_holds_neither_the_secret_nor_the_recovery_codes(sysadmin):
    codes = enrol_second_factor(sysadmin)
    keys, digests = _everything_stored(sysadmin)
    assert len(keys) == 1 and len(digests) == len(codes)
    stored = " ".join(keys + digests).lower()
    for clear in (SECRET_HEX, TOTP_SECRET.lower(), *codes):
        assert clear.lower() not in stored
    assert decrypt_text(keys[0]) == SECRET_HEX  # the secret is encrypted with the data key
    # django-otp's own tables, which kept both in the clear, are not used.
    for table in ("otp_totp_totpdevice", "otp_static_statictoken"):
        assert _column(f"SELECT COUNT(*) FROM {table}") == [0]  # noqa: S608


def test_a_recovery_code_is_a_keyed_hash_bound_to_its_account(sysadmin, secadmin, settings):
    codes = enrol_second_factor(sysadmin)
    _, digests = _everything_stored(sysadmin)
    assert recovery_code_digest(sysadmin.pk, codes[0]) in digests
    # Another account's code, or the same code under another key, is no match.
    assert recovery_code_digest(secadmin.pk, codes[0]) not in digests
    settings.LOOKUP_HASH_KEY = OLD_KEY
    assert recovery_code_digest(sysadmin.pk, codes[0]) not in digests
    enrol_second_factor(secadmin)
    with pytest.raises(ValidationError):
        second_factor.verify(user=secadmin, code=codes[0])


def test_after_a_key_rotation_the_secret_opens_only_with_the_new_key_and_codes_still_work(
    client, sysadmin, settings, time_machine
):
    settings.DATA_ENCRYPTION_KEY, settings.DATA_ENCRYPTION_OLD_KEYS = OLD_KEY, []
    codes = enrol_second_factor(sysadmin)
    settings.DATA_ENCRYPTION_KEY, settings.DATA_ENCRYPTION_OLD_KEYS = NEW_KEY, [OLD_KEY]
    out = io.StringIO()
    call_command("rotate_encryption_key", stdout=out)
    assert "accounts.AuthenticatorDevice.key：1 行" in out.getvalue()

    settings.DATA_ENCRYPTION_OLD_KEYS = []  # the old key is gone
    (key,), _ = _everything_stored(sysadmin)
    assert decrypt_text(key) == SECRET_HEX
    _later(time_machine)
    _password(client, sysadmin)
    assert client.post(VERIFY, {"code": _code()}).status_code == 302
    client.post(reverse("console:logout"))
    _password(client, sysadmin)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302

    settings.DATA_ENCRYPTION_KEY = OLD_KEY  # and nothing is left under the old key
    with pytest.raises(ValueError, match="无法解密"):
        decrypt_text(key)


def test_the_migration_encrypts_old_secrets_and_hashes_old_codes_leaving_nothing_clear(
    client, sysadmin, time_machine
):
    """Accounts enrolled before the secrets were protected (django-otp's own devices) keep
    their authenticator app and their unused recovery codes; nothing clear is left behind."""
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=sysadmin, name="动态口令", key=SECRET_HEX, last_t=7)
    old = StaticDevice.objects.create(user=sysadmin, name="恢复码")
    codes = ["abcdefgh", "ijklmnop"]
    for code in codes:
        StaticToken.objects.create(device=old, token=code)

    migration = importlib.import_module(
        "gongkai.accounts.migrations.0006_second_factor_secrets_protected"
    )
    migration.protect_second_factor(django_apps, None)

    assert not TOTPDevice.objects.exists() and not StaticToken.objects.exists()
    assert not StaticDevice.objects.exists()
    keys, digests = _everything_stored(sysadmin)
    stored = " ".join(keys + digests)
    assert SECRET_HEX not in stored and not any(code in stored for code in codes)
    assert decrypt_text(keys[0]) == SECRET_HEX
    assert AuthenticatorDevice.objects.get(user=sysadmin).last_t == 7
    assert second_factor.is_enrolled(sysadmin)
    assert second_factor.recovery_codes_left(sysadmin) == 2

    _later(time_machine)
    _password(client, sysadmin)
    assert client.post(VERIFY, {"code": _code()}).status_code == 302
    client.post(reverse("console:logout"))
    _password(client, sysadmin)
    assert client.post(VERIFY, {"code": codes[1]}).status_code == 302
    client.post(reverse("console:logout"))
    _password(client, sysadmin)
    assert client.post(VERIFY, {"code": codes[1]}).status_code == 200  # once only


def test_no_code_uses_django_otps_own_devices_any_more():
    """Their tables keep secrets in the clear: only the migration that empties them names them."""
    package = ROOT / "gongkai"
    offenders = [
        str(path.relative_to(ROOT))
        for path in package.rglob("*.py")
        if "migrations" not in path.parts
        and path.name != "test_second_factor.py"
        and re.search(r"otp_(totp|static)\.models|get_model\(\s*.otp_", path.read_text())
    ]
    assert offenders == []


# ---------------------------------------------------------------- reset


def test_the_security_administrator_resets_another_persons_factor_audited(
    client_of, client, secadmin, sysadmin
):
    enrol_second_factor(sysadmin)
    page = client_of(secadmin).get("/console/security/second-factor/").content.decode()
    assert sysadmin.username in page and "已设置" in page
    response = client_of(secadmin).post(f"/console/security/second-factor/{sysadmin.pk}/reset/")
    assert response.status_code == 302
    assert not second_factor.is_enrolled(sysadmin)
    assert second_factor.recovery_codes_left(sysadmin) == 0
    event = AuditEvent.objects.get(action="auth.second_factor_reset")
    assert event.actor == secadmin and event.target_id == str(sysadmin.pk)
    # The person enrols again at the next sign-in.
    client.post(reverse("console:logout"))
    _password(client, sysadmin)
    assert client.get("/console/")["Location"].startswith(SETUP)


@pytest.mark.parametrize("who", ["sysadmin", "auditadmin", "editor_a", "office"])
def test_no_one_but_the_security_administrator_resets_a_factor(
    client_of, who, request, secadmin, reviewer_a
):
    actor = request.getfixturevalue(who)
    enrol_second_factor(reviewer_a)
    enrol_second_factor(secadmin)
    for target in (reviewer_a, secadmin):
        url = f"/console/security/second-factor/{target.pk}/reset/"
        assert client_of(actor).post(url).status_code in (403, 404)
        with pytest.raises(PermissionDenied):
            second_factor.reset(actor=actor, user=target)
    assert client_of(actor).get("/console/security/second-factor/").status_code == 403
    assert second_factor.is_enrolled(reviewer_a) and second_factor.is_enrolled(secadmin)
    assert not AuditEvent.objects.filter(action="auth.second_factor_reset").exists()


def test_the_security_administrator_cannot_reset_their_own(client_of, secadmin):
    enrol_second_factor(secadmin)
    response = client_of(secadmin).post(f"/console/security/second-factor/{secadmin.pk}/reset/")
    assert response.status_code == 404
    with pytest.raises(PermissionDenied, match="不能重置自己的"):
        second_factor.reset(actor=secadmin, user=secadmin)
    assert second_factor.is_enrolled(secadmin)


def test_a_reset_needs_a_verified_session(client, secadmin, sysadmin):
    enrol_second_factor(secadmin)
    enrol_second_factor(sysadmin)
    _password(client, secadmin)
    response = client.post(f"/console/security/second-factor/{sysadmin.pk}/reset/")
    assert response.status_code == 302 and response["Location"] == VERIFY
    assert second_factor.is_enrolled(sysadmin)


# ---------------------------------------------------------------- demo and production


def test_the_demo_enrols_its_administrators_with_the_printed_secret(client, time_machine):
    from gongkai.accounts import demo as account_demo
    from gongkai.accounts.models import User
    from gongkai.units import demo as unit_demo

    unit_demo.load(io.StringIO())
    account_demo.load(io.StringIO())
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    printed = out.getvalue()
    from django.conf import settings

    assert settings.SECOND_FACTOR_DEMO_SECRET in printed
    code = re.search(r"动态口令 (\d{6})", printed).group(1)
    sysadmin = User.objects.get(username="sysadmin")
    assert second_factor.is_enrolled(sysadmin)
    client.post(LOGIN, {"username": "sysadmin", "password": account_demo.DEMO_PASSWORD})
    assert client.post(VERIFY, {"code": code}).status_code == 302
    assert client.get("/console/accounts/").status_code == 200


def _production_check(tmp_path, **extra):
    env = {
        "PATH": os.environ["PATH"],
        "GONGKAI_ENV": "production",
        "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-check",
        # A real 32-byte key, so that only the setting under test is wrong.
        "DATA_ENCRYPTION_KEY": base64.urlsafe_b64encode(b"k" * 32).decode(),
        "LOOKUP_HASH_KEY": base64.urlsafe_b64encode(b"h" * 32).decode(),
        "ALLOWED_HOSTS": "gongkai.example",
        "DATA_DIR": str(tmp_path),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_the_demo_secret(tmp_path):
    demo_secret = "GONGKAIDEMOTOTPSECRETFORDEMOONLY"
    result = _production_check(tmp_path, SECOND_FACTOR_DEMO_SECRET=demo_secret)
    assert result.returncode != 0
    assert "SECOND_FACTOR_DEMO_SECRET" in result.stderr


def test_production_refuses_to_turn_the_second_factor_off(tmp_path):
    result = _production_check(tmp_path, SECOND_FACTOR_FOR_ALL_STAFF="false")
    assert result.returncode != 0
    assert "SECOND_FACTOR_FOR_ALL_STAFF" in result.stderr
