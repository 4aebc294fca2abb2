"""Encryption of personal data at rest, and the keyed hashes that find equal values.

Values are Fernet tokens in the database. Keys (core.keys): ``DATA_ENCRYPTION_KEY`` encrypts;
``DATA_ENCRYPTION_OLD_KEYS`` (during a rotation) still decrypt, so that ``manage.py
rotate_encryption_key`` can re-encrypt every value with the new key, after which the old ones
are removed. ``LOOKUP_HASH_KEY`` keys the lookup hashes (blind indexes), apart from the data
key: rotating one does not touch the other, and a leaked lookup key decrypts nothing. Neither
is SECRET_KEY. Each configured key is hashed (SHA-256) into the Fernet key, as it always was,
so data encrypted before keys were checked still decrypts."""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@lru_cache(maxsize=8)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet(
        [Fernet(base64.urlsafe_b64encode(hashlib.sha256(k.encode()).digest())) for k in keys]
    )


def _fernet() -> MultiFernet:
    # The first key encrypts; every key decrypts.
    old = tuple(getattr(settings, "DATA_ENCRYPTION_OLD_KEYS", ()) or ())
    return _multi((settings.DATA_ENCRYPTION_KEY, *old))


def encrypt_bytes(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _fernet().decrypt(token)


def rotate_bytes(token: bytes) -> bytes:
    """The same plaintext, encrypted again with the current key (decrypted with any key)."""
    return _fernet().rotate(token)


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
    key = settings.LOOKUP_HASH_KEY.encode()
    return hashlib.blake2b(value.strip().upper().encode(), key=key[:64], digest_size=32).hexdigest()
