"""Moves the second factor off django-otp's own tables, which kept the TOTP secret as plain hex
and the recovery codes in the clear: each TOTPDevice becomes an AuthenticatorDevice (the same
secret, encrypted with DATA_ENCRYPTION_KEY by its field), each StaticDevice a RecoveryDevice
whose codes are kept only as keyed hashes; the old rows are deleted. Nobody enrols again.

A session verified with an old device asks for a code once more (its device id is gone).
Going back restores the TOTP secrets into django-otp's table; recovery codes cannot be
recovered from their hashes, so the person's security administrator resets them if needed."""

import hmac
from hashlib import sha256

from django.conf import settings
from django.db import migrations


def _digest(user_id, code):
    # As accounts.models.recovery_code_digest at the time of this migration (kept here, so that
    # a later change there does not change what this migration wrote).
    message = f"gongkai-recovery-code:{user_id}:{code}".encode()
    return hmac.new(settings.LOOKUP_HASH_KEY.encode(), message, sha256).hexdigest()


def protect_second_factor(apps, schema_editor):
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    StaticDevice = apps.get_model("otp_static", "StaticDevice")
    StaticToken = apps.get_model("otp_static", "StaticToken")
    AuthenticatorDevice = apps.get_model("accounts", "AuthenticatorDevice")
    RecoveryDevice = apps.get_model("accounts", "RecoveryDevice")
    RecoveryCode = apps.get_model("accounts", "RecoveryCode")

    for old in TOTPDevice.objects.order_by("pk"):
        new = AuthenticatorDevice.objects.create(
            user_id=old.user_id,
            name=old.name,
            confirmed=old.confirmed,
            key=old.key,  # the field encrypts it
            step=old.step,
            t0=old.t0,
            digits=old.digits,
            tolerance=old.tolerance,
            drift=old.drift,
            last_t=old.last_t,
        )
        AuthenticatorDevice.objects.filter(pk=new.pk).update(
            created_at=old.created_at, last_used_at=old.last_used_at
        )
    for old in StaticDevice.objects.order_by("pk"):
        new = RecoveryDevice.objects.create(
            user_id=old.user_id, name=old.name, confirmed=old.confirmed
        )
        RecoveryDevice.objects.filter(pk=new.pk).update(
            created_at=old.created_at, last_used_at=old.last_used_at
        )
        tokens = StaticToken.objects.filter(device_id=old.pk).values_list("token", flat=True)
        RecoveryCode.objects.bulk_create(
            [RecoveryCode(device_id=new.pk, digest=_digest(old.user_id, t)) for t in tokens]
        )
    # Nothing left in the clear: overwrite, then delete (the tokens go with their devices).
    StaticToken.objects.update(token="")
    TOTPDevice.objects.update(key="")
    StaticDevice.objects.all().delete()
    TOTPDevice.objects.all().delete()


def restore_totp_secrets(apps, schema_editor):
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    AuthenticatorDevice = apps.get_model("accounts", "AuthenticatorDevice")
    for new in AuthenticatorDevice.objects.order_by("pk"):
        TOTPDevice.objects.create(
            user_id=new.user_id,
            name=new.name,
            confirmed=new.confirmed,
            key=new.key,  # decrypted by the field
            step=new.step,
            t0=new.t0,
            digits=new.digits,
            tolerance=new.tolerance,
            drift=new.drift,
            last_t=new.last_t,
        )
    AuthenticatorDevice.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_second_factor_devices"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(protect_second_factor, restore_totp_secrets)]
