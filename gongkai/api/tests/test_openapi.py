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


# Every choice field of the API, wherever it appears (request bodies, query parameters and
# responses), with the values a client must be offered and one Chinese label it must see.
CHOICE_FIELDS = {
    "applicant_kind": ("natural_person", "自然人"),
    "identity_kind": ("resident_id", "居民身份证"),
    "format_wanted": ("electronic", "电子文件"),
    "delivery_wanted": ("post", "邮寄"),
    "channel": ("online", "网上申请"),
    "status": ("awaiting_correction", "待补正"),
    "state": None,  # major decisions and 政民互动 questions each have their own
    "outcome": ("not_processed_petition", "信访举报投诉类申请"),
    "kind": None,  # letters, calendar steps and units each have their own
    "subject": ("01", "国务院组织机构"),
    "doc_type": ("notice", "通知"),
    "type": ("notice", "通知"),
    "statutory_category": ("a20.01", "第二十条（一）"),
    "category": ("a20.01", "第二十条（一）"),
    "validity": ("in_force", "有效"),
    "disclosure": ("proactive", "主动公开"),
    "relation": ("amends_by", "被修改"),
    "sort": ("date_asc", "发布日期（旧→新）"),
}


def _choice_schemas(schema):
    """(where, name, property schema) of every choice-named property and query parameter."""
    for name, component in schema["components"]["schemas"].items():
        for prop, spec in component.get("properties", {}).items():
            if prop in CHOICE_FIELDS:
                yield f"{name}.{prop}", prop, spec
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if parameter["name"] in CHOICE_FIELDS:
                    where = f"{method.upper()} {path} ?{parameter['name']}"
                    yield where, parameter["name"], parameter["schema"]


def _enum_of(spec):
    """The enum of a property, looking inside an optional (anyOf with null)."""
    for option in spec.get("anyOf", [spec]):
        if "enum" in option:
            return option["enum"], option.get("description", "")
    return None, ""


def test_every_choice_field_lists_its_values_and_chinese_labels(client):
    schema = client.get("/api/openapi.json").json()
    found = list(_choice_schemas(schema))
    assert {name for _where, name, _spec in found} == set(CHOICE_FIELDS)
    for where, name, spec in found:
        values, description = _enum_of(spec)
        assert values, f"{where} has no enum"
        for value in values:
            assert f"{value or '（空）'}=" in description, f"{where}: {value} has no label"
        if CHOICE_FIELDS[name]:
            value, label = CHOICE_FIELDS[name]
            assert value in values and label in description, where


def test_the_application_form_of_the_api_offers_exactly_the_workflows_values(client):
    from gongkai.applications.outcomes import ApplicantKind, Outcome

    schema = client.get("/api/openapi.json").json()["components"]["schemas"]
    applicant = schema["ApplicationIn"]["properties"]["applicant_kind"]
    assert applicant["enum"] == list(ApplicantKind.values)
    assert "legal_services_organisation=法律服务机构" in applicant["description"]
    outcome, _description = _enum_of(schema["StatusOut"]["properties"]["outcome"])
    assert outcome == list(Outcome.values) and len(outcome) == 21
    channel = schema["StaffApplicationIn"]["properties"]["channel"]
    assert "fax=传真" in channel["description"]


def test_a_client_filling_the_enums_gets_its_application_registered(client, unit_a, known_calendar):
    import base64

    from gongkai.applications.samples import PNG

    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["ApplicationIn"]
    props = schema["properties"]
    payload = {name: props[name]["enum"][0] for name in props if "enum" in props[name]}
    payload.update(
        unit=unit_a.code,
        applicant_name="李明",
        identity_number="11010519491231002X",
        identity_proof_base64=base64.b64encode(PNG).decode(),
        phone="13800138000",
        address="东岚区湖滨路1号",
        title="2025年部门预算",
        description="预算公开表",
    )
    response = client.post("/api/v1/applications", payload, content_type="application/json")
    assert response.status_code == 200, response.content.decode()


def test_no_two_shapes_of_the_api_share_a_name_in_its_document():
    """The OpenAPI document names each schema by its class name only, so a second class of the
    same name silently replaces the first there: a client would be documented the wrong
    fields (the calendar's explanation steps once showed a major decision's steps)."""
    from ninja import Schema

    from gongkai.api.api import api

    api.get_openapi_schema()  # imports every router and its schemas
    shapes = {}
    pending = list(Schema.__subclasses__())
    while pending:
        schema = pending.pop()
        pending += schema.__subclasses__()
        if schema.__module__.startswith("gongkai."):
            shapes.setdefault(schema.__name__, {})[schema.__module__] = schema
    clashes = {
        name: sorted(found)
        for name, found in shapes.items()
        if len({str(s.model_json_schema()) for s in found.values()}) > 1
    }
    assert clashes == {}
