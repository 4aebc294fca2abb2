"""Re-encrypting every encrypted value with the current DATA_ENCRYPTION_KEY, and recomputing
the lookup hashes that can be recomputed with the current LOOKUP_HASH_KEY.

Encrypted values are found by their field type (EncryptedTextField, anywhere), so a model added
later is rotated without touching this; encrypted binary columns are listed in
``ENCRYPTED_BINARY`` (the identity proofs)."""

from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction

from .crypto import EncryptedTextField, lookup_hash, rotate_bytes

# (app_label.Model, field) of columns holding Fernet tokens as bytes.
ENCRYPTED_BINARY = [("applications.IdentityProof", "encrypted_content")]
# (app_label.Model, hash field, source field): lookup hashes of a value that is kept
# (encrypted), so they can be computed again. Accounts' person_key hashes a number that is
# not kept: it cannot follow a change of LOOKUP_HASH_KEY (see the README).
LOOKUP_HASHES = [("applications.Application", "identity_hash", "identity_number")]

BATCH = 500


@dataclass
class Rotated:
    values: dict = field(default_factory=dict)  # "app.Model.field" -> rows re-encrypted
    hashes: dict = field(default_factory=dict)  # "app.Model.field" -> rows whose hash changed


def _in_batches(queryset):
    """The rows of `queryset`, BATCH at a time by primary key. Not .iterator(): on PostgreSQL
    that is a server-side cursor, which a value no key opens would leave behind in a rolled-back
    savepoint, breaking the transaction around it."""
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        yield from queryset.filter(pk__in=pks[start : start + BATCH]).order_by("pk")


def encrypted_text_fields():
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


@transaction.atomic
def rotate_all() -> Rotated:
    """Everything in one transaction: a failure (a value no configured key opens) leaves every
    row as it was, under the keys it had."""
    done = Rotated()
    for model, names in encrypted_text_fields():
        label = model._meta.label
        count = 0
        for row in _in_batches(model._base_manager.only("pk", *names)):
            # Reading decrypts with any configured key; writing encrypts with the current one.
            model._base_manager.filter(pk=row.pk).update(**{n: getattr(row, n) for n in names})
            count += 1
        for name in names:
            done.values[f"{label}.{name}"] = count
    for model_label, name in ENCRYPTED_BINARY:
        model = apps.get_model(model_label)
        count = 0
        for row in _in_batches(model._base_manager.only("pk", name)):
            token = bytes(getattr(row, name))
            model._base_manager.filter(pk=row.pk).update(**{name: rotate_bytes(token)})
            count += 1
        done.values[f"{model_label}.{name}"] = count
    for model_label, hash_name, source in LOOKUP_HASHES:
        model = apps.get_model(model_label)
        changed = 0
        for row in _in_batches(model._base_manager.only("pk", hash_name, source)):
            value = lookup_hash(getattr(row, source) or "")
            if value != getattr(row, hash_name):
                model._base_manager.filter(pk=row.pk).update(**{hash_name: value})
                changed += 1
        done.hashes[f"{model_label}.{hash_name}"] = changed
    return done
