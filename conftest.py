"""Fixtures shared by every app's tests: isolated data directories, personas, and a real
chromium driven by Playwright for the browser tests."""

import os
import shutil

import pytest
from hypothesis import settings as hypothesis_settings

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the
# same thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# CI draws the same examples on every run, so a failure there is one anyone can replay;
# elsewhere examples vary, and a failure prints the blob that reproduces it. No deadline:
# speed is for the benchmarks, and a busy machine must not fail a correct example.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
hypothesis_settings.register_profile("dev", print_blob=True, deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _default_instant():
    """06:30 China time, when UTC is still on the previous day: a test that takes a UTC date
    for the China date fails on every run, not only when someone happens to run it at dawn.
    CI runs the suite again from other instants (GONGKAI_TEST_NOW, an ISO moment)."""
    import datetime

    from gongkai.core.clock import CHINA

    given = os.environ.get("GONGKAI_TEST_NOW")
    if given:
        moment = datetime.datetime.fromisoformat(given)
        return moment if moment.tzinfo else moment.replace(tzinfo=CHINA)
    return datetime.datetime(2026, 12, 3, 6, 30, tzinfo=CHINA)


@pytest.fixture(autouse=True)
def _frozen_clock(time_machine):
    """Every test runs on a stopped clock; `at(...)` or `time_machine` moves it."""
    time_machine.move_to(_default_instant(), tick=False)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is deliberately slow; tests that check the production hasher set it back.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "media"
    settings.DATA_DIR.mkdir()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def at(time_machine):
    """`at(2026, 9, 24)` stops the clock at 10:00 China time that day."""
    import datetime

    from gongkai.core.clock import CHINA

    def move(year, month, day, hour=10):
        time_machine.move_to(datetime.datetime(year, month, day, hour, tzinfo=CHINA), tick=False)

    return move


@pytest.fixture
def known_calendar(db):
    """The holiday years chinesecalendar knows, in the database as `migrate` leaves them.
    Browser tests flush the database between tests, so this loads them again when missing."""
    from gongkai.workdays.services import (
        current_calendar,
        forget_cached_calendar,
        load_chinesecalendar_years,
    )

    load_chinesecalendar_years()
    forget_cached_calendar()
    return current_calendar()


@pytest.fixture
def government(db):
    from gongkai.units.tests.factories import GovernmentFactory

    return GovernmentFactory(code="testq", full_name="测试区人民政府", short_name="测试区")


@pytest.fixture
def unit_a(government):
    from gongkai.units.tests.factories import UnitFactory

    return UnitFactory(parent=government, code="unit-a", full_name="测试区甲局", short_name="甲局")


@pytest.fixture
def unit_b(government):
    from gongkai.units.tests.factories import UnitFactory

    return UnitFactory(parent=government, code="unit-b", full_name="测试区乙局", short_name="乙局")


def _staff(unit, role, username):
    from gongkai.accounts.tests.factories import StaffFactory

    return StaffFactory(username=username, membership__unit=unit, membership__role=role)


@pytest.fixture
def editor_a(unit_a):
    return _staff(unit_a, "editor", "editor-a")


@pytest.fixture
def reviewer_a(unit_a):
    return _staff(unit_a, "reviewer", "reviewer-a")


@pytest.fixture
def admin_a(unit_a):
    return _staff(unit_a, "unit_admin", "admin-a")


@pytest.fixture
def head_a(unit_a):
    return _staff(unit_a, "body_head", "head-a")


@pytest.fixture
def editor_b(unit_b):
    return _staff(unit_b, "editor", "editor-b")


@pytest.fixture
def reviewer_b(unit_b):
    return _staff(unit_b, "reviewer", "reviewer-b")


@pytest.fixture
def office(government):
    return _staff(government, "office", "office")


@pytest.fixture
def client_of(client):
    """`client_of(user)` logs the test client in as that person, second factor included when
    their account needs one (accounts.tests.factories.sign_in)."""
    from gongkai.accounts.tests.factories import sign_in

    def login(user):
        return sign_in(client, user)

    return login


@pytest.fixture(scope="session", autouse=True)
def _live_server_one_request_at_a_time():
    """On SQLite the live server's threads share the test's one in-memory connection, so two
    requests at once (a page and its stylesheet, each saving the session) break each other's
    savepoints ("no such savepoint", answered 400) and a browser test fails at random. There
    the live server answers one request at a time; on PostgreSQL each thread has its own
    connection and the server stays threaded."""
    from django.core.servers.basehttp import WSGIServer
    from django.db import connection
    from django.test.testcases import LiveServerThread

    class OneAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            # The server thread itself already uses the overriding connections.
            super().__init__(*args, **kwargs)

    if connection.vendor == "sqlite":
        LiveServerThread.server_class = OneAtATime


@pytest.fixture(scope="session")
def _chromium():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("浏览器测试需要 Debian 的 chromium：sudo apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_chromium, live_server):
    """A fresh page against the live server. `page.console_errors` collects console errors
    and uncaught exceptions so a test can assert there were none."""
    from playwright.sync_api import expect

    context = _chromium.new_context(base_url=live_server.url, locale="zh-CN")
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    # A busy machine answers slowly: actions and expectations wait alike, as a person would.
    page.set_default_timeout(15000)
    expect.set_options(timeout=15000)
    yield page
    context.close()


@pytest.fixture
def axe():
    """`axe(page)` fails the test on any axe-core violation on the page as it is now (axe-core
    is bundled in the axe-playwright-python package; nothing is fetched)."""
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def check(page):
        violations = checker.run(page).response["violations"]
        found = [
            f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in violations
        ]
        assert not found, f"axe on {page.url}:\n" + "\n".join(found)

    return check
