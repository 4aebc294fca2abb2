"""A small territory: the test district (a county: no government under it), a sub-district
and a town under it, its office, and staff of each."""

import datetime

import pytest

from gongkai.core.clock import CHINA, local_now
from gongkai.units.models import UnitKind
from gongkai.units.tests.factories import UnitFactory


def _staff(unit, role, username):
    from gongkai.accounts.tests.factories import StaffFactory

    return StaffFactory(username=username, membership__unit=unit, membership__role=role)


@pytest.fixture
def street(government):
    return UnitFactory(
        parent=government,
        code="jd",
        kind=UnitKind.SUBDISTRICT,
        full_name="测试区东湖街道办事处",
        short_name="东湖街道",
    )


@pytest.fixture
def town(government):
    return UnitFactory(
        parent=government,
        code="zhen",
        kind=UnitKind.TOWN,
        full_name="测试区青石镇人民政府",
        short_name="青石镇",
    )


@pytest.fixture
def gov_office(government):
    return UnitFactory(
        parent=government,
        code="zfb",
        kind=UnitKind.GOVERNMENT_OFFICE,
        full_name="测试区人民政府办公室",
        short_name="区政府办",
    )


@pytest.fixture
def street_editor(street):
    return _staff(street, "editor", "street-editor")


@pytest.fixture
def street_reviewer(street):
    return _staff(street, "reviewer", "street-reviewer")


@pytest.fixture
def town_editor(town):
    return _staff(town, "editor", "town-editor")


@pytest.fixture
def office_reviewer(government):
    return _staff(government, "office", "office-2")


@pytest.fixture
def policy(settings):
    """A local policy the deadline tests spell out, whatever the settings' defaults become."""
    settings.CONCERNS_RESPONSE_LIMITS = {
        "general": {"first": (48, "hours"), "full": (10, "working_days")},
        "significant": {"first": (24, "hours"), "full": (5, "working_days")},
        "major": {"first": (5, "hours"), "full": (3, "working_days")},
        "extraordinary": {"first": (5, "hours"), "full": (24, "hours")},
    }
    settings.CONCERNS_REFERRAL_REPORT_LIMIT = (5, "working_days")


def moment(*args):
    """A China-time moment: moment(2026, 12, 1, 9, 30)."""
    return datetime.datetime(*args, tzinfo=CHINA)


def incident_input(territory_unit, **overrides):
    data = {
        "title": "东湖街道老旧小区加装电梯停工引发关注",
        "summary": "有网民在本地论坛发帖称加装电梯工程停工两个月无人过问。",
        "source": "online",
        "level": "general",
        "territory_unit": territory_unit,
        # An hour ago, whatever the instant the suite runs at; tests of dates stop the clock.
        "detected_at": local_now() - datetime.timedelta(hours=1),
        "source_detail": "本地论坛",
    }
    data.update(overrides)
    return data
