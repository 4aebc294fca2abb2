"""What counts as key material, without Django (settings imports this). A key is 32 random
bytes written in URL-safe base64 (44 characters), the form ``Fernet.generate_key()`` prints
(``GENERATE`` below); a pass phrase or a short string is refused outside
development."""

import base64
import binascii
import secrets

KEY_BYTES = 32
GENERATE = (
    "python3 -c 'import base64, secrets; "
    "print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())'"
)

# Development only: public in this repository, refused in production.
DEVELOPMENT_DATA_KEY = "ZGV2ZWxvcG1lbnQtb25seS1ub3QtYS1yZWFsLWtleSE="
DEVELOPMENT_LOOKUP_KEY = "ZGV2ZWxvcG1lbnQtb25seS1sb29rdXAtaGFzaC1rZXk="
DEVELOPMENT_KEYS = (DEVELOPMENT_DATA_KEY, DEVELOPMENT_LOOKUP_KEY)


def generate_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def key_problem(value: str) -> str | None:
    """Why ``value`` is not a real key, or None."""
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return "it is not URL-safe base64"
    if len(raw) != KEY_BYTES:
        return f"it decodes to {len(raw)} bytes, not {KEY_BYTES}"
    return None


def refusal(name: str, value: str) -> str | None:
    """The message to refuse the setting ``name`` with, or None when it is a real key."""
    problem = key_problem(value)
    if problem is None:
        return None
    return (
        f"{name} must be a random {KEY_BYTES}-byte key in URL-safe base64 ({problem}); "
        f"make one with: {GENERATE}"
    )
