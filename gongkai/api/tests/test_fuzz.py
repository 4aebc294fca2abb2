"""Schemathesis against the OpenAPI document: whatever a client sends — huge numbers, lone
surrogates, unknown choices, missing fields — the API answers with a 4xx and a Chinese JSON
message, never a 500. Examples are few and derandomized so the run is bounded and repeatable;
run with more (``--hypothesis-profile``) when hunting."""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from gongkai.api.api import api

pytestmark = pytest.mark.django_db(transaction=False)

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))
APP = WSGIHandler()


@pytest.fixture
def _data(unit_a):
    return unit_a


@pytest.fixture
def _connection_kept():
    """The WSGI handler is called directly, so, as Django's test client does, the end of a
    request must not close the connection that holds the test's transaction (it would with
    CONN_MAX_AGE=0, as CI runs PostgreSQL)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", "12")),
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_no_input_makes_the_api_fail(case, _data, _connection_kept):
    response = case.call(app=APP)
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400 and "json" in response.headers.get("content-type", ""):
        detail = response.json().get("detail")
        assert isinstance(detail, str) and not detail.isascii(), response.text
