"""Key material: real 32-byte keys or no start outside development; rotation re-encrypts every
value so that the old key can be removed; lookup hashes have their own key."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.applications.models import Application, IdentityProof
from gongkai.applications.samples import resident_id
from gongkai.core import keys
from gongkai.core.crypto import lookup_hash
from gongkai.feedback.models import Message
from gongkai.feedback.services import leave_message

ID = resident_id()
ROOT = Path(__file__).resolve().parents[3]
# Fixed (xdist collects the same ids on every worker); real in form: 32 random bytes each.
OLD = "eHbbQ8yWzKnJ7m1cPq0e5Z1Vt6A3rT9uL2oF4gH8sWk="
NEW = "Zk3pR7sT1vX9yB2nM5qW8eA4cD6fH0jL3gK7uP1oI9E="
OTHER = "q1W2e3R4t5Y6u7I8o9P0aSdFgHjKlZxCvBnM1234567="


def start(tmp_path, **env):
    """Run `manage.py check` with these settings; returns (exit status, output)."""
    base = {"PATH": os.environ["PATH"], "DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
    )
    return result.returncode, result.stdout + result.stderr


PRODUCTION = {
    "GONGKAI_ENV": "production",
    "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-check",
    "ALLOWED_HOSTS": "gongkai.example",
}


@pytest.mark.parametrize(
    "data_key, lookup_key, said",
    [
        ("a pass phrase, not a key", NEW, "DATA_ENCRYPTION_KEY must be a random"),
        ("c2hvcnQ=", NEW, "decodes to 5 bytes, not 32"),
        (OLD, "", "LOOKUP_HASH_KEY must be set"),
        (keys.DEVELOPMENT_DATA_KEY, NEW, "must not be the development keys"),
        (OLD, OLD, "LOOKUP_HASH_KEY must differ"),
    ],
)
def test_production_refuses_anything_but_real_keys(tmp_path, data_key, lookup_key, said):
    env = {**PRODUCTION, "DATA_ENCRYPTION_KEY": data_key, "LOOKUP_HASH_KEY": lookup_key}
    status, output = start(tmp_path, **env)
    assert status != 0 and said in output


def test_debug_off_outside_production_refuses_a_weak_key_too(tmp_path):
    status, output = start(tmp_path, DEBUG="false", DATA_ENCRYPTION_KEY="secret")
    assert status != 0 and "DATA_ENCRYPTION_KEY must be a random 32-byte key" in output


def test_production_starts_with_real_keys(tmp_path):
    env = {**PRODUCTION, "DATA_ENCRYPTION_KEY": OLD, "LOOKUP_HASH_KEY": NEW}
    assert start(tmp_path, **env)[0] == 0


def test_lookup_hashes_have_their_own_key(settings):
    before = lookup_hash(ID)
    settings.DATA_ENCRYPTION_KEY = NEW
    assert lookup_hash(ID) == before
    settings.LOOKUP_HASH_KEY = OTHER
    assert lookup_hash(ID) != before


@pytest.fixture
def data_under_old_key(settings, submit, unit_a, government):
    settings.DATA_ENCRYPTION_KEY, settings.DATA_ENCRYPTION_OLD_KEYS = OLD, []
    application = submit(unit_a, identity_number=ID, address="东岚路 1 号")
    leave_message(government=government, kind="correction", text="链接失效", contact="13800138000")
    return application


pytestmark = pytest.mark.django_db


def test_rotation_moves_every_value_to_the_new_key(settings, data_under_old_key):
    application = data_under_old_key
    proof = application.identity_proof.content()
    settings.DATA_ENCRYPTION_KEY, settings.DATA_ENCRYPTION_OLD_KEYS = NEW, [OLD]
    call_command("rotate_encryption_key", stdout=io.StringIO())

    settings.DATA_ENCRYPTION_OLD_KEYS = []  # the old key is gone
    again = Application.objects.get(pk=application.pk)
    assert again.identity_number == ID and again.address == "东岚路 1 号"
    assert IdentityProof.objects.get(application=again).content() == proof
    assert Message.objects.get().contact == "13800138000"

    settings.DATA_ENCRYPTION_KEY = OLD  # and nothing is left under the old key
    with pytest.raises(ValueError, match="无法解密"):
        Application.objects.get(pk=application.pk)


def test_rotation_without_the_old_key_changes_nothing(settings, data_under_old_key):
    settings.DATA_ENCRYPTION_KEY, settings.DATA_ENCRYPTION_OLD_KEYS = NEW, []
    with pytest.raises(CommandError, match="DATA_ENCRYPTION_OLD_KEYS"):
        call_command("rotate_encryption_key", stdout=io.StringIO())
    settings.DATA_ENCRYPTION_KEY = OLD
    assert Application.objects.get().identity_number == ID


def test_rotation_recomputes_the_applicants_lookup_hashes(settings, data_under_old_key):
    settings.LOOKUP_HASH_KEY = OTHER
    call_command("rotate_encryption_key", stdout=io.StringIO())
    assert Application.objects.get().identity_hash == lookup_hash(ID)
