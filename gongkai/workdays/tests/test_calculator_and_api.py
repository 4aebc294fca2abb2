"""The public working-day calculator and its JSON twin explain every date."""

import pytest

pytestmark = pytest.mark.django_db

API = "/api/v1/workdays/add"


def test_calculator_gives_the_date_and_its_explanation(client):
    page = client.get("/workdays/", {"start": "2026-09-18", "days": "20"}).content.decode()
    assert "2026年10月22日" in page
    assert "这个日期是怎么算的" in page
    assert "调休上班，计为第1个工作日" in page  # Sunday 20 September 2026
    assert "国庆节放假，不计入" in page
    assert "暂定" not in page


def test_calculator_marks_dates_in_a_missing_year_provisional(client):
    page = client.get("/workdays/", {"start": "2026-12-10", "days": "20"}).content.decode()
    # 1 January 2027 is a Friday and 元旦 by law, even before the 2027 notice is out.
    assert "2027年1月8日" in page
    assert "暂定" in page
    assert "元旦（法定假日，按《全国年节及纪念日放假办法》推算）" in page
    assert "2027年放假通知尚未录入" in page


def test_calculator_without_input_shows_only_the_form(client):
    page = client.get("/workdays/").content.decode()
    assert 'name="start"' in page
    assert "计算结果" not in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-13-01", "days": "5"}, "起算日期格式应为年-月-日"),
        ({"start": "", "days": "5"}, "请填写起算日期"),
        ({"start": "2026-09-18", "days": "abc"}, "工作日数应为整数"),
        ({"start": "2026-09-18", "days": "0"}, "工作日数至少为1"),
        ({"start": "2026-09-18", "days": "100000"}, "工作日数不能超过366"),
    ],
)
def test_bad_input_gets_a_chinese_message(client, params, message):
    page = client.get("/workdays/", params)
    assert page.status_code == 200
    assert message in page.content.decode()
    response = client.get(API, params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_api_returns_date_provisional_and_explanation(client):
    data = client.get(API, {"start": "2026-02-10", "days": "20"}).json()
    assert data["date"] == "2026-03-16"
    assert data["provisional"] is False
    steps = {s["day"]: s for s in data["explanation"]}
    assert steps["2026-02-14"]["kind"] == "makeup_workday"
    assert steps["2026-02-14"]["count"] == 4
    assert steps["2026-02-17"]["kind"] == "holiday"
    assert steps["2026-03-16"]["count"] == 20


def test_api_marks_a_missing_year(client):
    data = client.get(API, {"start": "2026-12-10", "days": "20"}).json()
    assert data["date"] == "2027-01-08"
    assert data["provisional"] is True
    assert data["assumed_years"] == [2027]


def test_api_without_parameters_is_a_400_not_a_500(client):
    response = client.get(API)
    assert response.status_code == 400
    assert response.json()["detail"] == "请填写起算日期。"


def test_endpoint_is_in_the_openapi_document(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/v1/workdays/add"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"start", "days"}
    assert "400" in operation["responses"]
