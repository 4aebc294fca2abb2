import pytest

from gongkai.core.crypto import decrypt_text, encrypt_text, lookup_hash
from gongkai.core.masking import mask_address, mask_phone, mask_resident_id


def test_masks_keep_only_what_identifies_a_record():
    assert mask_resident_id("11010519491231002X") == "110105********002X"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_address("东岚区东湖街道幸福路12号3单元") == "东岚区东湖街道****"


def test_encryption_round_trips_and_hides_the_value():
    token = encrypt_text("11010519491231002X")
    assert "11010519491231002X" not in token
    assert decrypt_text(token) == "11010519491231002X"


def test_decrypting_with_another_key_fails_clearly(settings):
    token = encrypt_text("secret")
    settings.DATA_ENCRYPTION_KEY = "another key"
    with pytest.raises(ValueError, match="无法解密"):
        decrypt_text(token)


def test_lookup_hash_ignores_case_and_spaces():
    assert lookup_hash(" 11010519491231002x") == lookup_hash("11010519491231002X")


def test_production_settings_refuse_to_start_without_a_secret_key():
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; "
            "os.environ['DJANGO_SETTINGS_MODULE'] = 'gongkai.settings'; django.setup()",
        ],
        env={"GONGKAI_ENV": "production", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
