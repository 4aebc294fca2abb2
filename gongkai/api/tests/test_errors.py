"""What an outsider gets back for bad requests: Chinese everywhere, JSON under /api/, and
never a 500 — the inputs schemathesis found first are kept here as fixed cases."""

import json

import pytest
from django.urls import include, path

from gongkai.applications.models import Application
from gongkai.applications.tests.test_api import payload
from gongkai.applications.tokens import issue_token

pytestmark = pytest.mark.django_db


def chinese(text):
    return isinstance(text, str) and not text.isascii()


def test_a_huge_year_is_a_chinese_422_not_a_500(client):
    response = client.get("/api/v1/documents?year=99999999999999999999999")
    assert response.status_code == 422
    assert "不能大于 2100" in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "/api/v1/documents?validity=AAA",
        "/api/v1/documents?type=nonsense",
        "/api/v1/documents?subject=99",
        "/api/v1/documents?category=a99",
        "/api/v1/lists?kind=nonsense",
        "/api/v1/enforcement-decisions?kind=nonsense",
    ],
)
def test_a_filter_value_outside_its_enum_is_refused_not_an_empty_page(client, query):
    response = client.get(query)
    assert response.status_code == 422
    assert "不是可选的值之一" in response.json()["detail"]


def test_every_allowed_filter_value_is_accepted(client):
    for value in ("", "in_force", "repealed"):
        assert client.get(f"/api/v1/documents?validity={value}").status_code == 200


def test_a_lone_surrogate_in_a_tracking_number_is_refused(client, unit_a):
    body = '{"tracking_number": "\\ud800", "access_code": "x"}'
    response = client.post("/api/v1/applications/status", body, content_type="application/json")
    assert response.status_code == 400 and "UTF-8" in response.json()["detail"]


def test_a_lone_surrogate_in_an_application_creates_nothing(client, unit_a):
    body = json.dumps(payload(unit_a, applicant_name="\ud800张三"))
    response = client.post("/api/v1/applications", body, content_type="application/json")
    assert response.status_code == 400
    assert Application.objects.count() == 0


def test_an_unknown_channel_is_a_chinese_400(client, unit_a, admin_a):
    _token, raw = issue_token(actor=admin_a, unit=unit_a, name="12345平台")
    response = client.post(
        "/api/v1/applications/register",
        payload(unit_a, channel="carrier-pigeon", event_date="2026-09-23"),
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"channel": ["没有这个申请渠道。"]}
    assert Application.objects.count() == 0


def test_malformed_json_and_missing_fields_are_said_in_chinese(client):
    broken = client.post("/api/v1/applications/status", "{", content_type="application/json")
    assert broken.status_code in (400, 422) and chinese(broken.json()["detail"])
    missing = client.post("/api/v1/applications/status", "{}", content_type="application/json")
    assert missing.status_code == 422
    assert {"field": "tracking_number", "message": "必须填写"} in missing.json()["errors"]


def test_api_not_found_and_unauthorised_are_chinese_json(client):
    unknown = client.get("/api/v1/no-such-thing")
    assert unknown.status_code == 404 and chinese(unknown.json()["detail"])
    missing = client.get("/api/v1/documents/424242")
    assert missing.status_code == 404 and chinese(missing.json()["detail"])
    anonymous = client.post("/api/v1/applications/register", "{}", content_type="application/json")
    assert anonymous.status_code == 401 and chinese(anonymous.json()["detail"])


def boom(request):
    raise RuntimeError("secret internals")


urlpatterns = [
    path("boom/", boom),
    path("api/boom/", boom),
    path("", include("gongkai.urls")),
]
handler400 = "gongkai.portal.errors.bad_request"
handler403 = "gongkai.portal.errors.forbidden"
handler404 = "gongkai.portal.errors.not_found"
handler500 = "gongkai.portal.errors.server_error"


@pytest.fixture
def crashing(settings, client):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    client.raise_request_exception = False
    return client


def test_a_crash_is_a_chinese_page_without_internals(crashing):
    page = crashing.get("/boom/")
    assert page.status_code == 500
    html = page.content.decode()
    assert "系统暂时出错" in html and "secret internals" not in html and 'lang="zh-Hans"' in html
    api = crashing.get("/api/boom/")
    assert api.status_code == 500 and chinese(api.json()["detail"])
    assert "secret internals" not in api.content.decode()


def test_production_error_pages_are_chinese(crashing, settings):
    not_found = crashing.get("/no-such-page/")
    assert not_found.status_code == 404 and "页面不存在" in not_found.content.decode()
    settings.ALLOWED_HOSTS = ["testserver"]
    bad = crashing.get("/", headers={"host": "evil.example"})
    assert bad.status_code == 400 and "请求有误" in bad.content.decode()


def test_a_refusal_is_a_chinese_page(client_of, editor_a, unit_b):
    # An editor of one unit opening the console's audit trail, which is not theirs to see.
    response = client_of(editor_a).get("/console/audit/")
    assert response.status_code in (403, 404)
    assert not response.content.decode().isascii()


def test_every_error_template_renders_without_a_database_context():
    from django.template import loader

    for status in (400, 403, 404, 500):
        assert loader.get_template(f"{status}.html")
    html = loader.get_template("500.html").render({})
    assert "系统暂时出错" in html
