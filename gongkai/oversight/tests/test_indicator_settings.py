"""The office sets the inspection indicators on a console page: every change audited, bad
input refused in Chinese with nothing changed, and the next inspection scores by the new
settings."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.audit.models import AuditEvent
from gongkai.oversight import indicators
from gongkai.oversight.models import Indicator

pytestmark = pytest.mark.django_db


def _values(indicator, **changes):
    values = {field: getattr(indicator, field) for field in indicators.FIELDS}
    values.update(changes)
    return values


def test_the_office_changes_a_period_and_the_change_is_audited(office, government):
    stale = Indicator.objects.get(code="stale_news")
    indicators.update_indicator(
        actor=office,
        indicator=stale,
        **_values(stale, period_days=10, weight=Decimal("4"), keywords="动态，要闻、工作信息"),
    )
    stale.refresh_from_db()
    assert (stale.period_days, stale.weight, stale.keywords) == (10, 4, "动态,要闻,工作信息")
    event = AuditEvent.objects.for_target(stale).get(action="update_indicator")
    assert event.actor == office
    assert event.data["changed"]["period_days"] == [14, 10]
    assert event.data["changed"]["weight"] == ["5.00", "4.00"]
    # Saving without a change records nothing.
    indicators.update_indicator(actor=office, indicator=stale, **_values(stale))
    assert AuditEvent.objects.for_target(stale).filter(action="update_indicator").count() == 1


@pytest.mark.parametrize(
    ("code", "changes", "field", "message"),
    [
        (
            "stale_news",
            {"period_days": 0},
            "period_days",
            "更新周期应为1至3650之间的整数（自然日）。",
        ),
        ("stale_news", {"keywords": " ，"}, "keywords", "请填写栏目名称关键词，多个用逗号分隔。"),
        ("empty_column", {"weight": Decimal("0")}, "weight", "每项扣分应在0.01至100分之间。"),
        ("empty_column", {"cap": Decimal("1")}, "cap", "最多扣分不能少于每项扣分。"),
        (
            "empty_column",
            {"veto_threshold": 0},
            "veto_threshold",
            "单项否决阈值应为1至10000之间的整数，留空表示不否决。",
        ),
        (
            "empty_category",
            {"categories": "a20.07,zz"},
            "categories",
            "无法识别的法定公开事项代码：zz。",
        ),
        ("empty_column", {"name": " "}, "name", "请填写指标名称。"),
    ],
)
def test_bad_settings_are_refused_in_chinese_and_nothing_changes(
    office, government, code, changes, field, message
):
    indicator = Indicator.objects.get(code=code)
    before = _values(indicator)
    with pytest.raises(ValidationError) as error:
        indicators.update_indicator(
            actor=office, indicator=indicator, **_values(indicator, **changes)
        )
    assert error.value.message_dict[field] == [message]
    indicator.refresh_from_db()
    assert _values(indicator) == before
    assert not AuditEvent.objects.filter(action="update_indicator").exists()


def test_only_the_office_sets_indicators(editor_a, client_of):
    stale = Indicator.objects.get(code="stale_news")
    with pytest.raises(PermissionDenied):
        indicators.update_indicator(actor=editor_a, indicator=stale, **_values(stale))
    client = client_of(editor_a)
    page = reverse("console-oversight:indicator", args=["stale_news"])
    assert client.get(page).status_code == 403
    listing = client.get(reverse("console-oversight:indicators")).content.decode()
    assert "动态、要闻类栏目超过2周未更新" in listing
    assert page not in listing


def test_settings_page_and_the_next_score(office, government, unit_a, client_of):
    from gongkai.core.clock import local_today
    from gongkai.oversight import services

    client = client_of(office)
    page = reverse("console-oversight:indicator", args=["empty_column"])
    form = client.get(page).content.decode()
    assert "单项否决阈值" in form and "更新周期" not in form
    response = client.post(
        page, {"name": "空白栏目", "weight": "abc", "cap": "20", "veto_threshold": ""}
    )
    assert response.status_code == 200
    assert Indicator.objects.get(code="empty_column").weight == 2
    response = client.post(
        page,
        {"name": "空白栏目", "weight": "7", "cap": "20", "veto_threshold": "", "is_active": "on"},
    )
    assert response["Location"] == reverse("console-oversight:indicators")
    indicator = Indicator.objects.get(code="empty_column")
    assert (indicator.weight, indicator.veto_threshold) == (7, None)
    run = services.run_inspection(government, local_today())
    found = run.findings.filter(unit=unit_a, indicator=indicator).count()
    score = run.scores.get(unit=unit_a)
    assert "empty_column" not in score.vetoes
    if found:
        assert score.points <= 100 - min(7 * found, 20)
