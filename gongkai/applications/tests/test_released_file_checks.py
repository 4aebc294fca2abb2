"""Released files attached to a reply are checked like any other upload, and stored once by
their digest."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import ReleasedFile
from gongkai.applications.outcomes import Outcome
from gongkai.core import files
from gongkai.core.tests.measure import Measured
from gongkai.publishing.samplefiles import pdf_bytes
from gongkai.publishing.tests.bombs import xlsx_bomb


def test_gigabyte_zip_bomb_released_with_a_reply_is_refused(
    submit, unit_a, editor_a, client_of, at
):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 3)
    bomb = xlsx_bomb(1024)  # about 1 MB inflating to 1 GB
    with Measured() as cost:
        response = client_of(editor_a).post(
            reverse("console-applications:act", args=[application.pk, "issue_reply"]),
            {
                "outcome": Outcome.DISCLOSED,
                "replied_on": "2026-09-03",
                "released_file": SimpleUploadedFile("名单.xlsx", bomb),
            },
            follow=True,
        )
    assert "疑似压缩炸弹" in response.content.decode()
    assert not ReleasedFile.objects.exists()
    assert cost.seconds < 10 and cost.harmless


def test_released_file_must_be_what_its_name_says(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 3)
    with pytest.raises(ValidationError, match="与扩展名"):
        workflow.issue_reply(
            actor=editor_a,
            application=application,
            outcome=Outcome.DISCLOSED,
            replied_on=datetime.date(2026, 9, 3),
            files=[("名单.docx", "application/pdf", pdf_bytes([["名单"]]))],
        )


def test_released_files_live_in_the_store(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 1))
    at(2026, 9, 3)
    pdf = pdf_bytes([["清单"]])
    workflow.issue_reply(
        actor=editor_a,
        application=application,
        outcome=Outcome.DISCLOSED,
        replied_on=datetime.date(2026, 9, 3),
        files=[("清单.pdf", "application/pdf", pdf)],
    )
    released = ReleasedFile.objects.get()
    assert released.content() == pdf and released.size == len(pdf)
    assert files.exists(released.sha256) and files.verify_files() == []
