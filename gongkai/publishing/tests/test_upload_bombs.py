"""Zip bombs uploaded as attachments are refused from the zip's directory, quickly, and
without the server's memory growing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.tests.measure import Measured
from gongkai.publishing.models import Attachment

from .bombs import xlsx_bomb
from .factories import draft


def test_small_zip_bomb_attachment_is_refused_quickly(client_of, editor_a, unit_a):
    bomb = xlsx_bomb(100)  # about 100 KB inflating to 100 MB
    assert len(bomb) < 120 * 1024
    document = draft(editor_a, unit_a)
    client = client_of(editor_a)
    with Measured() as cost:
        response = client.post(
            reverse("console-publishing:attach", args=[document.pk]),
            {"file": SimpleUploadedFile("名单.xlsx", bomb)},
            follow=True,
        )
    assert "疑似压缩炸弹" in response.content.decode()
    assert not Attachment.objects.exists()
    assert cost.seconds < 10 and cost.harmless
