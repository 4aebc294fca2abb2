"""Encryption of personal data at rest. Values are Fernet tokens in the database; the key is
settings.DATA_ENCRYPTION_KEY, never SECRET_KEY, so that the two can be rotated apart."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import models


def _fernet():
    # Any configured string becomes a valid 32-byte Fernet key.
    digest = hashlib.sha256(settings.DATA_ENCRYPTION_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _fernet().decrypt(token)


def encrypt_text(value: str) -> str:
    return encrypt_bytes(value.encode()).decode()


def decrypt_text(token: str) -> str:
    try:
        return decrypt_bytes(token.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("无法解密：密钥不匹配或数据已损坏") from exc


class EncryptedTextField(models.TextField):
    """A text column stored encrypted. It cannot be searched or sorted by the database;
    keep a separate hash column when equality lookups are needed."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt_text(value)

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt_text(value)


def lookup_hash(value: str) -> str:
    """A keyed hash for equality lookups on encrypted values (e.g. the same applicant)."""
    key = settings.DATA_ENCRYPTION_KEY.encode()
    return hashlib.blake2b(value.strip().upper().encode(), key=key[:64], digest_size=32).hexdigest()
