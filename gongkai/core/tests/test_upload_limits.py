"""The site-wide request body limit and where uploads wait, attacked over HTTP."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.test import RequestFactory
from django.urls import reverse

from .measure import Measured

GIGABYTE = 1024**3


class GigabyteBody:
    """A request body that claims a gigabyte and counts what the server reads of it."""

    def __init__(self, size=GIGABYTE):
        self.size, self.read_bytes = size, 0

    def read(self, size=-1):
        size = self.size - self.read_bytes if size is None or size < 0 else size
        size = min(size, self.size - self.read_bytes, 1024 * 1024)
        self.read_bytes += size
        if self.read_bytes > 64 * 1024 * 1024:
            raise AssertionError("the server kept reading an oversized body")
        return b"\0" * size

    def readline(self, size=-1):
        return self.read(size)


def _post_gigabyte(client, path, content_type):
    body = GigabyteBody()
    response = client.generic(
        "POST",
        path,
        **{
            "CONTENT_LENGTH": str(body.size),
            "CONTENT_TYPE": content_type,
            "wsgi.input": body,
        },
    )
    return response, body


@pytest.mark.django_db
def test_anonymous_gigabyte_application_is_refused_before_it_is_read(client):
    client.get(reverse("applications:apply"))  # the first request loads the URLs and templates
    with Measured() as cost:
        response, body = _post_gigabyte(
            client, reverse("applications:apply"), "multipart/form-data; boundary=x"
        )
    assert response.status_code == 413
    assert "请求内容过大" in response.content.decode()
    assert body.read_bytes == 0
    assert cost.seconds < 5 and cost.harmless


@pytest.mark.django_db
def test_gigabyte_api_request_gets_a_chinese_json_refusal(client):
    response, body = _post_gigabyte(client, "/api/v1/applications", "application/json")
    assert response.status_code == 413
    assert "请求内容过大" in response.json()["detail"]
    assert body.read_bytes == 0


def test_uploads_wait_in_temporary_files_not_in_memory():
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("a.pdf", b"%PDF" * 10)})
    assert [type(h) for h in request.upload_handlers] == [TemporaryFileUploadHandler]
