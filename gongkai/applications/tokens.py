"""API tokens that let another platform (a 12345 hotline, a provincial portal) register
applications for one unit. The raw token is shown once and stored only as a SHA-256 hash;
a revoked token stays listed, as the record of who could register and until when.

The unit's administrator or the openness office over the unit manages them in the console;
an operator with shell access uses ``manage.py issue_api_token`` (``actor`` None).
"""

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.core.clock import local_now

from .models import ApiToken

MANAGING_ROLES = (Role.UNIT_ADMIN, Role.OFFICE)
NAME_MAX_LENGTH = 100


def token_hash(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def find_active(raw):
    """The active token with this raw value, or None."""
    return (
        ApiToken.objects.select_related("unit")
        .filter(token_hash=token_hash(raw), revoked_at__isnull=True)
        .first()
    )


def _may_manage(actor, unit):
    if actor is not None:
        require(actor, unit, *MANAGING_ROLES)


@transaction.atomic
def issue_token(*, actor, unit, name):
    """Create a token for ``unit``; returns (token, raw value). The raw value is not kept."""
    _may_manage(actor, unit)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "请填写令牌名称（如使用该令牌的平台）。"})
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError({"name": f"令牌名称不能超过 {NAME_MAX_LENGTH} 个字。"})
    if not unit.receives_applications:
        raise ValidationError({"unit": "该单位不受理政府信息公开申请，不能为其签发令牌。"})
    if ApiToken.objects.filter(unit=unit, name=name, revoked_at__isnull=True).exists():
        raise ValidationError({"name": "该单位已有同名的有效令牌，请换一个名称。"})
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, unit=unit, token_hash=token_hash(raw), created_by=actor
    )
    record(actor=actor, action="api_token.issue", target=token, data={"unit": unit.code})
    return token, raw


@transaction.atomic
def revoke_token(*, actor, token):
    token = ApiToken.objects.select_for_update().select_related("unit").get(pk=token.pk)
    _may_manage(actor, token.unit)
    if token.revoked_at is not None:
        raise ValidationError("该令牌已吊销。")
    token.revoked_at = local_now()
    token.revoked_by = actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    record(
        actor=actor,
        action="api_token.revoke",
        target=token,
        from_state="active",
        to_state="revoked",
        data={"unit": token.unit.code},
    )
    return token
