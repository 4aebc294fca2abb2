import hmac
import time
from base64 import b32encode
from binascii import unhexlify
from hashlib import sha256
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django_otp.models import Device, TimestampMixin
from django_otp.oath import TOTP
from django_otp.util import random_hex

from gongkai.core.crypto import EncryptedTextField

from .roles import Role


class User(AbstractUser):
    """A staff account. Citizens need no account: applicants use a tracking number and code.

    A person may hold several accounts; `person_key` (a keyed hash of their resident ID
    number) links them to one identity, and `created_by` remembers who knew the account's
    first password, so separation of duties can ask whether two accounts are one person."""

    person_key = models.CharField(
        "身份标识", max_length=64, blank=True, default="", db_default="", db_index=True
    )
    created_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # An initial password was chosen by someone else: its owner replaces it before any work.
    must_change_password = models.BooleanField(default=False, db_default=False)

    class Meta:
        verbose_name = "工作人员"
        verbose_name_plural = "工作人员"
        constraints = [
            # 三员分立 leaves no back door: no account stands above the roles.
            models.CheckConstraint(condition=models.Q(is_superuser=False), name="no_superuser")
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def get_full_name(self):
        # Chinese names are family name first, with no space.
        return f"{self.last_name}{self.first_name}".strip()


class Membership(models.Model):
    """A role held by a person in a unit. An office role is held on a government unit and
    reaches every unit of that government."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership")
        ]
        verbose_name = "角色"
        verbose_name_plural = "角色"

    def __str__(self):
        return f"{self.user} · {self.unit.short_name} · {self.get_role_display()}"


# ---------------------------------------------------------------- the second factor's devices
#
# django-otp devices (the OTP middleware, django_otp.login and is_verified() work with them as
# with its own), but nothing secret in the clear (等保 2.0: 鉴别数据 kept confidential in
# storage): the TOTP secret is encrypted with DATA_ENCRYPTION_KEY like personal data (and so
# re-encrypted by rotate_encryption_key), the recovery codes are kept only as keyed hashes.
# Wrong codes are counted by core.throttle (accounts.second_factor), not per device.


def default_totp_key() -> str:
    return random_hex(20)  # 160 bits, hex, as django-otp's TOTPDevice


class AuthenticatorDevice(TimestampMixin, Device):
    """An authenticator app's TOTP secret (RFC 6238), as django-otp's TOTPDevice keeps it but
    encrypted at rest. `last_t` makes each code work once."""

    key = EncryptedTextField("密钥（加密保存）", default=default_totp_key)
    step = models.PositiveSmallIntegerField(default=30)
    t0 = models.BigIntegerField(default=0)
    digits = models.PositiveSmallIntegerField(default=6)
    tolerance = models.PositiveSmallIntegerField(default=1)
    drift = models.SmallIntegerField(default=0)
    last_t = models.BigIntegerField(default=-1)

    class Meta(Device.Meta):
        verbose_name = "动态口令"
        verbose_name_plural = "动态口令"

    @property
    def bin_key(self) -> bytes:
        return unhexlify(self.key.encode())

    def verify_token(self, token) -> bool:
        try:
            token = int(token)
        except (TypeError, ValueError):
            return False
        totp = TOTP(self.bin_key, self.step, self.t0, self.digits, self.drift)
        totp.time = time.time()  # the phone's clock is the real one, never a pretended date
        if not totp.verify(token, self.tolerance, self.last_t + 1):
            return False
        self.last_t = totp.t()
        self.drift = totp.drift
        self.set_last_used_timestamp(commit=False)
        self.save(update_fields=["last_t", "drift", "last_used_at"])
        return True

    @property
    def config_url(self) -> str:
        """The otpauth:// URI an authenticator app scans (Google's Key URI Format)."""
        issuer = settings.OTP_TOTP_ISSUER.replace(":", "")
        label = f"{issuer}:{self.user.get_username()}"
        params = urlencode(
            {
                "secret": b32encode(self.bin_key),
                "algorithm": "SHA1",
                "digits": self.digits,
                "period": self.step,
            }
        )
        return f"otpauth://totp/{quote(label)}?{params}&issuer={quote(issuer)}"


def recovery_code_digest(user_id: int, code: str) -> str:
    """The keyed hash a recovery code is kept as: HMAC-SHA256 under LOOKUP_HASH_KEY (not the
    data key, so the database and the data key together still do not give the codes), bound
    to its account so one code's hash says nothing about another account's."""
    message = f"gongkai-recovery-code:{user_id}:{code}".encode()
    return hmac.new(settings.LOOKUP_HASH_KEY.encode(), message, sha256).hexdigest()


class RecoveryDevice(TimestampMixin, Device):
    """An account's single-use recovery codes, kept only as keyed hashes."""

    class Meta(Device.Meta):
        verbose_name = "恢复码"
        verbose_name_plural = "恢复码"

    def verify_token(self, token) -> bool:
        """Whether `token` is one of the codes left; if so it is used up (deleted). Every code
        left is compared, each in constant time, so the answer's timing tells nothing."""
        digest = recovery_code_digest(self.user_id, str(token or ""))
        match = None
        for code in self.codes.all():
            if hmac.compare_digest(code.digest, digest):
                match = code
        if match is None:
            return False
        match.delete()
        self.set_last_used_timestamp(commit=False)
        self.save(update_fields=["last_used_at"])
        return True


class RecoveryCode(models.Model):
    device = models.ForeignKey(RecoveryDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = "恢复码"
        verbose_name_plural = "恢复码"

    def __str__(self):
        return f"{self.device.user} 的一个恢复码"  # never the code: only its hash is kept
