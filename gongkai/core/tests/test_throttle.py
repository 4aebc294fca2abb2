"""The shared, atomic counter behind every rate limit."""

import threading

import pytest
from django.db import connection

from gongkai.core import throttle

LIMIT = throttle.Limit("test", 5, 60)

# SQLite's in-memory test database locks whole tables between threads (no busy wait), which
# is not how a file database in WAL mode behaves; CI's PostgreSQL pass runs these.
CONCURRENT_DATABASE = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="threads need a database that waits for locks"
)


@CONCURRENT_DATABASE
@pytest.mark.django_db(transaction=True)
def test_parallel_takes_on_the_database_allow_exactly_the_limit():
    allowed, start = [], threading.Barrier(16)

    def take():
        start.wait()
        try:
            allowed.append(throttle.take(LIMIT, "198.51.100.1"))
        finally:
            connection.close()

    threads = [threading.Thread(target=take) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(allowed) == [False] * 11 + [True] * 5


def test_the_window_ends(db, at):
    at(2026, 3, 2, hour=10)
    assert all(throttle.take(LIMIT, "a") for _ in range(5))
    assert not throttle.take(LIMIT, "a")
    assert throttle.take(LIMIT, "b")
    at(2026, 3, 2, hour=11)
    assert throttle.take(LIMIT, "a")


def test_redis_counts_atomically_when_configured(db, settings):
    redis = pytest.importorskip("redis")
    settings.REDIS_URL = "redis://127.0.0.1:6379/2"
    try:
        redis.Redis.from_url(settings.REDIS_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    throttle._redis = None
    who = f"redis-{id(settings)}"
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(throttle.take(LIMIT, who)))
        for _ in range(16)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    throttle._redis = None
    assert results.count(True) == 5


def test_only_the_configured_header_names_the_client(rf, settings):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.1")
    assert throttle.client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    assert throttle.client_address(request) == "1.2.3.4"
    chained = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4", REMOTE_ADDR="10.0.0.1")
    assert throttle.client_address(chained) == "1.2.3.4"
    garbage = rf.get("/", HTTP_X_FORWARDED_FOR="not-an-address", REMOTE_ADDR="10.0.0.1")
    assert throttle.client_address(garbage) == "10.0.0.1"
    nothing = rf.get("/", REMOTE_ADDR="")
    assert throttle.client_address(nothing) is None  # axes' address column takes NULL only
