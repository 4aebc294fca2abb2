"""The second factor of staff sign-in: a TOTP code (RFC 6238, any authenticator app) after the
password, or one of ten single-use recovery codes. Built on django-otp's Device (its
middleware and login keep the session's verified device): a confirmed AuthenticatorDevice is
the enrolment, its secret encrypted at rest; a RecoveryDevice holds the recovery codes, kept
only as keyed hashes (accounts.models).

Who must give one (`required`): the three administrators always, in every environment; every
staff account when SECOND_FACTOR_FOR_ALL_STAFF is on (whenever DEBUG is off, and always in
production); and anyone who has enrolled. Until the code is given, the session reaches only
the second-factor pages and logout (accounts.middleware).

Wrong codes are limited per account and per client address by core.throttle's shared counter,
like wrong passwords, and every attempt is an audit event. Only the security administrator
resets another person's factor (never their own); the person then enrols again at sign-in."""

import secrets
from base64 import b32decode, b32encode
from binascii import hexlify
from dataclasses import dataclass

import segno
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp.oath import TOTP

from gongkai.audit.services import record
from gongkai.core import throttle
from gongkai.core.clock import local_now

from . import scoping
from .models import AuthenticatorDevice, RecoveryCode, RecoveryDevice, recovery_code_digest
from .permissions import has_any_role
from .roles import ADMINISTRATOR_ROLES

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "动态口令"
RECOVERY_NAME = "恢复码"
WRONG_CODE_MESSAGE = "动态口令或恢复码不正确，请重新输入。"
TOO_MANY_MESSAGE = "动态口令输错次数过多，请稍后再试，或联系安全管理员。"


class TooManyAttempts(ValidationError):
    """The account or the client address has used up its wrong codes for this window."""


@dataclass(frozen=True)
class Enrolment:
    device: AuthenticatorDevice
    secret: str  # base32, for people who type it in instead of scanning
    uri: str  # otpauth:// URI the QR code carries


# ---------------------------------------------------------------- who must give one


def required(user) -> bool:
    """Whether `user` must give a second factor before the console lets them do anything."""
    if not user.is_authenticated:
        return False
    if has_any_role(user, *ADMINISTRATOR_ROLES):
        return True
    if settings.SECOND_FACTOR_FOR_ALL_STAFF and user.memberships.exists():
        return True
    return is_enrolled(user)


def is_enrolled(user) -> bool:
    return AuthenticatorDevice.objects.filter(user=user, confirmed=True).exists()


def enrolled_among(users) -> set[int]:
    """The ids of those of `users` who have enrolled (one query for a page of accounts)."""
    return set(
        AuthenticatorDevice.objects.filter(user__in=list(users), confirmed=True).values_list(
            "user_id", flat=True
        )
    )


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(device__user=user, device__confirmed=True).count()


# ---------------------------------------------------------------- enrolment


def start_enrolment(user, *, secret: str = "") -> Enrolment:
    """The TOTP secret to scan, kept on an unconfirmed device until a code proves the app has
    it. An account already enrolled cannot enrol again (a stolen password would otherwise
    replace the factor): the security administrator resets it first. `secret` (base32) is
    for the demo's printed secret only."""
    if is_enrolled(user):
        raise ValidationError("该账号已设置动态口令；如需更换，请联系安全管理员重置。")
    device = AuthenticatorDevice.objects.filter(user=user, confirmed=False).first()
    if secret:
        key = hexlify(b32decode(secret)).decode()
        if device is None:
            device = AuthenticatorDevice(user=user, name=DEVICE_NAME, confirmed=False)
        device.key = key
        device.save()
    elif device is None:
        device = AuthenticatorDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return Enrolment(device=device, secret=base32_secret(device), uri=device.config_url)


def base32_secret(device) -> str:
    return b32encode(device.bin_key).decode()


def qr_svg(uri: str) -> str:
    """The QR code of `uri` as inline SVG markup (no image file, no image library)."""
    return segno.make(uri, error="m").svg_inline(scale=5, border=2, title="动态口令二维码")


@transaction.atomic
def confirm_enrolment(*, user, code: str, address: str | None = None) -> list[str]:
    """Confirm the pending device with a code from the app; returns the recovery codes, shown
    once (they are kept only as keyed hashes, and each works once)."""
    pending = AuthenticatorDevice.objects.select_for_update().filter(user=user, confirmed=False)
    device = pending.first()
    if device is None or is_enrolled(user):
        raise ValidationError("没有待确认的动态口令设置，请重新开始。")
    # Nothing to guess here (the person holds the secret on this very page), so no throttle.
    if not device.verify_token(_digits(code)):
        raise ValidationError({"code": "动态口令不正确，请用手机应用中当前显示的 6 位数字。"})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    record(
        actor=user,
        action="auth.second_factor_enrol",
        target=user,
        data={"address": address or ""},
    )
    return codes


def new_recovery_code() -> str:
    """Eight base32 letters and digits (40 random bits), lower case, as django-otp makes them."""
    return b32encode(secrets.token_bytes(5)).decode().lower()


def _new_recovery_codes(user) -> list[str]:
    RecoveryDevice.objects.filter(user=user).delete()
    device = RecoveryDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    RecoveryCode.objects.bulk_create(
        [RecoveryCode(device=device, digest=recovery_code_digest(user.pk, c)) for c in codes]
    )
    return codes


# ---------------------------------------------------------------- at every sign-in


def verify(*, user, code: str, address: str | None = None):
    """The device that accepts `code` (the TOTP app's, or a recovery code, which is used up),
    or ValidationError. Not one transaction: a refused code's count and audit event must stay.
    """
    if not _take(user, address):
        record(
            actor=user,
            action="auth.second_factor_lockout",
            target=user,
            data={"address": address or ""},
        )
        raise TooManyAttempts(TOO_MANY_MESSAGE)
    device = _matching_device(user, code)
    if device is None:
        record(
            actor=user,
            action="auth.second_factor_failure",
            target=user,
            data={"address": address or ""},
        )
        raise ValidationError({"code": WRONG_CODE_MESSAGE})
    _give_back(user, address)
    recovery = isinstance(device, RecoveryDevice)
    record(
        actor=user,
        action="auth.second_factor",
        target=user,
        data={"address": address or "", "method": "recovery" if recovery else "totp"},
    )
    return device


def _matching_device(user, code):
    code = (code or "").strip()
    with transaction.atomic():
        digits = _digits(code)
        if digits.isdigit() and len(digits) == 6:
            devices = AuthenticatorDevice.objects.select_for_update()
            for device in devices.filter(user=user, confirmed=True):
                if device.verify_token(digits):
                    return device
        token = code.replace("-", "").replace(" ", "").lower()
        if token:
            for device in RecoveryDevice.objects.select_for_update().filter(
                user=user, confirmed=True
            ):
                if device.verify_token(token):  # deletes the code: it works once
                    return device
    return None


def _digits(code) -> str:
    return "".join((code or "").split())


def _limits():
    minutes = settings.AXES_COOLOFF_TIME.total_seconds()
    return (
        throttle.Limit("second-factor", settings.SECOND_FACTOR_FAILURE_LIMIT, int(minutes)),
        throttle.Limit("second-factor-address", settings.LOGIN_ADDRESS_FAILURE_LIMIT, int(minutes)),
    )


def _take(user, address) -> bool:
    account, by_address = _limits()
    # Both counted, so that a refused address still counts against the account and back.
    allowed = throttle.take(account, f"user-{user.pk}")
    return throttle.take(by_address, address) and allowed


def _give_back(user, address) -> None:
    account, by_address = _limits()
    throttle.give_back(account, f"user-{user.pk}")
    throttle.give_back(by_address, address)


# ---------------------------------------------------------------- reset


@transaction.atomic
def reset(*, actor, user) -> None:
    """The security administrator removes `user`'s second factor (a lost phone); the person
    enrols again at their next sign-in. Never one's own, never by another role."""
    if not scoping.second_factor_accounts(actor).filter(pk=user.pk).exists():
        if user.pk == actor.pk and has_any_role(actor, *ADMINISTRATOR_ROLES):
            raise PermissionDenied("不能重置自己的动态口令，请由另一位安全管理员办理。")
        raise PermissionDenied("只有安全管理员可以重置他人的动态口令。")
    removed = AuthenticatorDevice.objects.filter(user=user).delete()[0]
    RecoveryDevice.objects.filter(user=user).delete()
    record(actor=actor, action="auth.second_factor_reset", target=user, data={"devices": removed})


# ---------------------------------------------------------------- demo


def current_code(secret: str) -> str:
    """The code an authenticator app shows now for `secret` (the demo prints it as a hint)."""
    totp = TOTP(b32decode(secret))
    totp.time = local_now().timestamp()
    return f"{totp.token():06d}"


def enrol_demo_account(user) -> bool:
    """The demo enrols its accounts through the same steps as a person: the printed secret,
    then its current code. Never in production (settings refuse the demo secret there)."""
    secret = settings.SECOND_FACTOR_DEMO_SECRET
    if not secret or is_enrolled(user):
        return False
    start_enrolment(user, secret=secret)
    confirm_enrolment(user=user, code=current_code(secret))
    # A code works once; the demo's printed current code must still work at the first sign-in
    # (the secret is public anyway).
    AuthenticatorDevice.objects.filter(user=user).update(last_t=-1)
    return True
