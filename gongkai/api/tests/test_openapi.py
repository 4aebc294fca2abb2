import pytest

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_the_unit_directory(client):
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/units" in schema["paths"]


def test_api_docs_page_is_served_from_our_own_static_files(client):
    html = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_unit_directory_api_lists_active_units_with_contacts(client, unit_a, unit_b, office):
    from gongkai.units.services import merge_unit

    merge_unit(actor=office, unit=unit_b, into=unit_a, on="2026-01-01")
    units = {unit["code"]: unit for unit in client.get("/api/v1/units").json()}
    assert unit_b.code not in units
    assert units[unit_a.code]["phone"] == unit_a.phone
    assert units[unit_a.code]["receives_applications"] is True
