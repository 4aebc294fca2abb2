"""Rate limits that hold across processes and parallel requests: an atomic counter per
(limit, client, time window) in a shared store — Redis when `REDIS_URL` is set, otherwise the
database. A per-process cache would multiply the allowance by the number of workers and race.

The client's address is REMOTE_ADDR, or — behind a reverse proxy — the value the proxy wrote
in the header named by `TRUSTED_PROXY_HEADER`; any other header is ignored, so a client
cannot choose its own address."""

import ipaddress
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F

from .clock import local_now
from .models import ThrottleCounter


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


def client_address(request) -> str | None:
    """The client's address: from the trusted proxy's header when one is configured (its last
    entry, the one the proxy itself appended), else from the connection; None when neither
    holds an address (axes stores it in an address column, which refuses anything else)."""
    header = settings.TRUSTED_PROXY_HEADER
    if header:
        meta = "HTTP_" + header.upper().replace("-", "_")
        value = request.META.get(meta, "").split(",")[-1].strip()
        if _is_address(value):
            return value
    value = request.META.get("REMOTE_ADDR", "")
    return value if _is_address(value) else None


def _is_address(value) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _window_key(limit: Limit, who: str | None) -> tuple[str, int]:
    now = int(local_now().timestamp())
    window = now // limit.seconds
    expires_in = (window + 1) * limit.seconds - now
    return f"gongkai:throttle:{limit.name}:{who or 'unknown'}:{window}", expires_in


def take(limit: Limit, who: str | None) -> bool:
    """Count one attempt by `who`; False when it is beyond the limit of this window."""
    key, expires_in = _window_key(limit, who)
    return _increment(key, expires_in, 1) <= limit.count


def give_back(limit: Limit, who: str | None) -> None:
    """Undo one counted attempt (e.g. a lookup that succeeded: only failures count)."""
    key, expires_in = _window_key(limit, who)
    _increment(key, expires_in, -1)


def _increment(key, expires_in, by) -> int:
    if settings.REDIS_URL:
        return _redis_increment(key, expires_in, by)
    return _database_increment(key, expires_in, by)


_redis = None


def _redis_client():
    global _redis
    if _redis is None:
        import redis

        _redis = redis.Redis.from_url(settings.REDIS_URL)
    return _redis


def _redis_increment(key, expires_in, by) -> int:
    pipe = _redis_client().pipeline()
    pipe.incrby(key, by)
    pipe.expire(key, expires_in, nx=True)
    count, _ = pipe.execute()
    return count


def _database_increment(key, expires_in, by) -> int:
    now = local_now()
    with transaction.atomic():
        _, created = ThrottleCounter.objects.get_or_create(
            key=key, defaults={"expires_at": now + timedelta(seconds=expires_in)}
        )
        # One UPDATE adds atomically: the row stays locked until this transaction ends.
        ThrottleCounter.objects.filter(key=key).update(count=F("count") + by)
        count = ThrottleCounter.objects.values_list("count", flat=True).get(key=key)
    if created:
        ThrottleCounter.objects.filter(expires_at__lt=now).delete()
    return count
