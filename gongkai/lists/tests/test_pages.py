"""The lists over HTTP: public pages, downloads, the feed, and the console's boundaries."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.lists import services
from gongkai.lists.models import PublicList, VersionStatus

from .factories import power, published, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def powers_a(unit_a, editor_a, reviewer_a):
    return published(
        "powers",
        [
            power("XK-1", "建筑工程施工许可"),
            power("CF-1", "违法建设处罚", power_type="行政处罚", body="执法大队"),
        ],
        unit=unit_a,
        editor=editor_a,
        reviewer=reviewer_a,
    )


def test_the_public_list_filters_without_javascript(client, powers_a):
    url = reverse("lists:unit", args=["powers", "unit-a"])
    page = client.get(url).content.decode()
    assert "建筑工程施工许可" in page and "违法建设处罚" in page
    assert "<script" not in page.split("<main", 1)[-1].split("</main>", 1)[0]
    filtered = client.get(url, {"power_type": "行政处罚"}).content.decode()
    assert "违法建设处罚" in filtered and "建筑工程施工许可" not in filtered
    by_body = client.get(url, {"body": "执法大队"}).content.decode()
    assert "违法建设处罚" in by_body and "建筑工程施工许可" not in by_body
    by_word = client.get(url, {"q": "施工"}).content.decode()
    assert "建筑工程施工许可" in by_word and "违法建设处罚" not in by_word


def test_the_kind_page_searches_across_units_and_the_feed_lists_versions(client, powers_a):
    page = client.get(reverse("lists:kind", args=["powers"]), {"q": "施工"}).content.decode()
    assert "检索结果：共 1 项" in page and "甲局 · XK-1" in page
    feed = client.get(reverse("lists:feed", args=["powers"]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "测试区甲局权责清单（第 1 版）" in feed.content.decode()
    found = client.get(reverse("lists:search"), {"q": "违法建设"}).content.decode()
    assert "共 1 项" in found
    # The site-wide search (documents) leads on to the lists with the same words.
    site = client.get(reverse("search:results"), {"q": "违法建设"}).content.decode()
    assert f'href="{reverse("lists:search")}?q=%E8%BF%9D%E6%B3%95%E5%BB%BA%E8%AE%BE"' in site


def test_history_shows_what_changed(client, powers_a, unit_a, editor_a, reviewer_a):
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="powers")
    entry = draft.entries.get(key="XK-1")
    services.save_entry(
        actor=editor_a,
        version=draft,
        entry=entry,
        values={**entry.data, "supervision": "0571-88888888"},
    )
    services.submit(actor=editor_a, version=draft, note="更换监督电话")
    services.publish(actor=reviewer_a, version=draft)
    history = client.get(reverse("lists:history", args=["powers", "unit-a"])).content.decode()
    assert "更换监督电话" in history and "修改 1 项" in history
    version = client.get(reverse("lists:version", args=["powers", "unit-a", 2])).content.decode()
    assert "0571-12345678" in version and "0571-88888888" in version and "监督电话" in version


def test_a_draft_is_not_public(client, unit_a, editor_a):
    services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="powers",
        data=workbook("powers", [power("XK-1", "未发布的事项")]),
        filename="a.xlsx",
    )
    assert client.get(reverse("lists:unit", args=["powers", "unit-a"])).status_code == 404
    assert (
        "未发布的事项" not in client.get(reverse("lists:search"), {"q": "未发布"}).content.decode()
    )


def test_the_template_reads_back_as_an_empty_list_with_the_right_headers(client, unit_a, editor_a):
    response = client.get(reverse("lists:template", args=["powers"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == services.SCHEMAS["powers"].headers
    with pytest.raises(services.ImportFailed, match="没有数据行"):
        services.import_rows(
            actor=editor_a,
            unit=unit_a,
            kind="powers",
            data=response.content,
            filename="template.xlsx",
        )


def test_an_import_through_the_console_lists_row_errors(client_of, editor_a, unit_a):
    client = client_of(editor_a)
    url = reverse("console-lists:workspace", args=[unit_a.pk, "powers"])
    bad = workbook("powers", [power("XK-1"), power("XK-1")])
    response = client.post(url, {"file": SimpleUploadedFile("清单.xlsx", bad)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "表格未导入" in page and "第 3 行：“事项编码”“XK-1”与第 2 行重复。" in page
    assert not PublicList.objects.exists()
    good = workbook("powers", [power("XK-1"), power("XK-2")])
    response = client.post(url, {"file": SimpleUploadedFile("清单.xlsx", good)})
    assert response.status_code == 302
    assert services.open_draft(PublicList.objects.get()).entries.count() == 2


def test_another_units_staff_reach_nothing(client_of, unit_a, editor_a, editor_b, reviewer_b):
    services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="powers",
        data=workbook("powers", [power("XK-1")]),
        filename="a.xlsx",
    )
    draft = services.open_draft(PublicList.objects.get())
    entry = draft.entries.get()
    client = client_of(editor_b)
    assert (
        client.get(reverse("console-lists:workspace", args=[unit_a.pk, "powers"])).status_code
        == 404
    )
    bad = workbook("powers", [power("HACK")])
    url = reverse("console-lists:workspace", args=[unit_a.pk, "powers"])
    assert client.post(url, {"file": SimpleUploadedFile("a.xlsx", bad)}).status_code == 404
    edit = reverse("console-lists:entry-edit", args=[draft.pk, entry.pk])
    assert client.post(edit, {**entry.data, "name": "篡改"}).status_code == 404
    assert (
        client.post(reverse("console-lists:entry-delete", args=[draft.pk, entry.pk])).status_code
        == 404
    )
    assert (
        client.post(reverse("console-lists:submit", args=[draft.pk]), {"note": "x"}).status_code
        == 404
    )
    client = client_of(reviewer_b)
    assert client.post(reverse("console-lists:publish", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT
    assert list(draft.entries.values_list("key", "data__name")) == [("XK-1", "事项")]


def test_the_reviewer_publishes_from_the_console(client_of, unit_a, editor_a, reviewer_a):
    services.import_rows(
        actor=editor_a,
        unit=unit_a,
        kind="powers",
        data=workbook("powers", [power("XK-1")]),
        filename="a.xlsx",
    )
    draft = services.open_draft(PublicList.objects.get())
    client = client_of(editor_a)
    client.post(reverse("console-lists:submit", args=[draft.pk]), {"note": "首次发布"})
    assert client.post(reverse("console-lists:publish", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.status == VersionStatus.SUBMITTED  # refused: the editor holds no reviewer role
    client = client_of(reviewer_a)
    page = client.get(
        reverse("console-lists:workspace", args=[unit_a.pk, "powers"])
    ).content.decode()
    assert "审核通过并发布" in page
    client.post(reverse("console-lists:publish", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED


def test_the_office_page(client_of, office, unit_a, government):
    client = client_of(office)
    response = client.post(
        reverse("console-lists:office"),
        {"kind": "powers", "required": "on", "stale_after_days": "90"},
    )
    assert response.status_code == 302
    page = client.get(reverse("console-lists:office")).content.decode()
    assert "缺失" in page and 'value="90"' in page


def test_the_api_serves_lists_and_their_changes(client, powers_a, unit_a, editor_a, reviewer_a):
    draft = services.start_draft(actor=editor_a, unit=unit_a, kind="powers")
    services.delete_entry(actor=editor_a, version=draft, entry=draft.entries.get(key="CF-1"))
    services.submit(actor=editor_a, version=draft, note="划转处罚权")
    services.publish(actor=reviewer_a, version=draft)
    found = client.get("/api/v1/lists", {"kind": "powers"}).json()
    assert [(x["unit"], x["version"], x["rows"]) for x in found] == [("unit-a", 2, 1)]
    one = client.get("/api/v1/lists/powers/unit-a").json()
    assert [e["code"] for e in one["entries"]] == ["XK-1"]
    versions = client.get("/api/v1/lists/powers/unit-a/versions").json()
    assert [(v["version"], v["removed"]) for v in versions] == [(2, ["CF-1"]), (1, [])]
    assert client.get("/api/v1/lists", {"kind": "nonsense"}).status_code == 422
    schema = client.get("/api/openapi.json").json()
    assert "powers" in str(schema["components"]["schemas"]["ListSummary"]["properties"]["kind"])


def test_proposal_statistics_and_service_halls(client, unit_a, editor_a, reviewer_a):
    proposals = [
        [
            "R-1",
            "人大代表建议",
            "2026",
            "关于增设公交站点的建议",
            "甲局",
            "",
            "2026-03-01",
            "2026-05-20",
            "A类（已解决或采纳）",
            "全文公开",
            "已增设。",
        ],
        [
            "R-2",
            "人大代表建议",
            "2026",
            "关于老旧小区加装电梯的建议",
            "甲局",
            "乙局",
            "2026-03-01",
            "",
            "办理中",
            "摘要公开",
            "",
        ],
        [
            "P-1",
            "政协提案",
            "2026",
            "关于发展托育服务的提案",
            "甲局",
            "",
            "2026-03-05",
            "2026-06-01",
            "B类（正在解决或列入计划）",
            "摘要公开",
            "已列入明年计划。",
        ],
    ]
    published("proposals", proposals, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:kind", args=["proposals"])).content.decode()
    stats = page.split("按年度、类别统计", 1)[1].split("</table>", 1)[0]
    assert "2026 人大代表建议</th><td>1</td><td>0</td><td>0</td><td>1</td><td>2</td>" in stats
    assert "2026 政协提案</th><td>0</td><td>1</td><td>0</td><td>0</td><td>1</td>" in stats
    services_rows = [
        [
            "FW-1",
            "食品经营许可",
            "单项事项",
            "条件",
            "材料",
            "流程",
            "10个工作日",
            "不收费",
            "区政务服务中心",
            "",
            "0571-1",
            "",
        ],
        [
            "FW-2",
            "个体工商户登记",
            "单项事项",
            "条件",
            "材料",
            "流程",
            "1个工作日",
            "不收费",
            "东湖街道便民服务中心",
            "",
            "0571-2",
            "",
        ],
    ]
    published("services", services_rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    halls = client.get(reverse("lists:halls")).content.decode()
    first, second = halls.split("东湖街道便民服务中心</h2>", 1)[1].split("区政务服务中心</h2>")
    assert "个体工商户登记" in first and "食品经营许可" not in first
    assert "食品经营许可" in second and "个体工商户登记" not in second
    assert "政府信息公开申请" in second


def test_the_legal_basis_links_to_the_law_in_the_library(client, unit_a, editor_a, reviewer_a, at):
    from gongkai.publishing.tests.factories import published as published_document

    at(2026, 3, 2)
    law = published_document(editor_a, reviewer_a, unit_a, title="中华人民共和国行政许可法")
    rows = [power("XK-1", name="建筑工程施工许可")]
    rows[0][3] = "《中华人民共和国行政许可法》第十二条；《不在库中的条例》<b>"
    published("powers", rows, unit=unit_a, editor=editor_a, reviewer=reviewer_a)
    page = client.get(reverse("lists:unit", args=["powers", "unit-a"])).content.decode()
    assert f'<a href="/documents/{law.pk}/">《中华人民共和国行政许可法》</a>第十二条' in page
    assert "《不在库中的条例》&lt;b&gt;" in page
