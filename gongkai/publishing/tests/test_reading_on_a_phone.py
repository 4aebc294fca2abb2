"""A reader on a phone: the title before the metadata, tables that scroll in a labelled region,
a banner on a document no longer in force, and a policy library searched in full text."""

import re
from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.clock import CHINA
from gongkai.publishing.models import Document, LinkKind

from .factories import normative, published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _march_2024():
    with time_machine.travel(datetime(2024, 3, 20, 10, tzinfo=CHINA), tick=False):
        yield


def test_the_title_comes_before_the_metadata_which_folds_on_a_phone(
    client, editor_a, reviewer_a, unit_a
):
    document = published(editor_a, reviewer_a, unit_a)
    page = client.get(document.get_absolute_url()).content.decode()
    main = page.split("<main", 1)[1]
    assert main.index("<h1") < main.index("索引号")
    folded = main.split('<details class="meta-narrow">', 1)[1].split("</details>", 1)[0]
    assert "<summary>信息属性" in folded and document.index_number in folded


def test_a_table_in_the_body_scrolls_inside_a_labelled_region(client, editor_a, reviewer_a, unit_a):
    body = "<p>表如下：</p><table><tr><td>项目</td><td>金额</td></tr></table>"
    document = published(editor_a, reviewer_a, unit_a, body_html=body)
    page = client.get(document.get_absolute_url()).content.decode()
    assert re.search(
        r'<div class="table-scroll" role="region" aria-label="[^"]+" tabindex="0"><table>', page
    )


def test_a_repealed_document_says_so_and_what_repealed_it(client, editor_a, reviewer_a, unit_a):
    old = published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(
            title="旧办法", doc_number="测政发〔2024〕1号", effective_date=date(2024, 1, 1)
        ),
    )
    new = published(
        editor_a,
        reviewer_a,
        unit_a,
        links=[{"kind": LinkKind.REPEALS, "target": old.pk}],
        data=normative(
            title="新办法", doc_number="测政发〔2024〕9号", effective_date=date(2024, 3, 1)
        ),
    )
    assert Document.objects.get(pk=old.pk).validity == "repealed"
    page = client.get(old.get_absolute_url()).content.decode()
    banner = page.split('class="validity-banner', 1)[1].split("</div>", 1)[0]
    assert "本文件已废止" in banner and new.get_absolute_url() in banner and "新办法" in banner
    assert "validity-banner" not in client.get(new.get_absolute_url()).content.decode()


def test_the_policy_library_searches_the_body_and_marks_interpretations(
    client, editor_a, reviewer_a, unit_a
):
    policy = published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(
            title="住房补贴办法",
            effective_date=date(2024, 3, 1),
            body_html="<p>对符合条件的家庭发放租赁补贴。</p>",
        ),
    )
    published(editor_a, reviewer_a, unit_a, title="住房补贴办法解读", interprets_id=policy.pk)
    url = reverse("publishing:policies")
    page = client.get(url, {"q": "租赁补贴"}).content.decode()
    row = next(r for r in page.split("</tr>") if "住房补贴办法" in r)
    assert "有解读" in row
    empty = client.get(url, {"q": "无此内容"}).content.decode()
    assert "没有符合条件的文件" in empty and "/search/?q=" in empty


def test_a_policy_not_yet_in_force_is_found_with_its_label(client, editor_a, reviewer_a, unit_a):
    published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(title="将来施行的办法", effective_date=date(2024, 7, 1)),
    )
    url = reverse("publishing:policies")
    assert "将来施行的办法" not in client.get(url).content.decode()
    page = client.get(url, {"scope": "not_yet"}).content.decode()
    row = next(r for r in page.split("</tr>") if "将来施行的办法" in r)
    assert "尚未施行" in row
    document = Document.objects.get(title="将来施行的办法")
    assert (
        "本文件尚未施行，自2024年7月1日起施行"
        in client.get(document.get_absolute_url()).content.decode()
    )
