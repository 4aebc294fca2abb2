import pytest

from gongkai.units.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_home_page_puts_the_openness_entry_first(client, government):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "政府信息公开" in html
    assert f'href="/units/{government.code}/"' in html


def test_unit_column_shows_leader_and_contact(client, unit_a):
    html = client.get(f"/units/{unit_a.code}/").content.decode()
    assert unit_a.leader_name in html
    assert unit_a.phone in html
    for part in ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"):
        assert part in html


@pytest.mark.parametrize(
    "part, says",
    [
        ("guide", "甲局尚未编制公开指南"),
        ("rules", "甲局尚未在本栏目发布信息"),
        ("statutory", "甲局尚未在本栏目发布信息"),
        ("annual-reports", "甲局尚未在本栏目发布年度报告"),
    ],
)
def test_every_statutory_part_is_a_real_page_that_says_plainly_when_empty(
    client, unit_a, part, says
):
    response = client.get(f"/units/{unit_a.code}/{part}/")
    assert response.status_code == 200
    assert says in response.content.decode()


def test_a_filter_that_matches_nothing_says_so(client, unit_a):
    html = client.get(f"/units/{unit_a.code}/statutory/?year=2001").content.decode()
    assert "没有符合条件的信息" in html


def test_unknown_unit_is_a_404_in_chinese(client, db):
    response = client.get("/units/nope/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_merged_unit_pages_redirect_to_the_unit_it_joined(client, unit_a, unit_b, office):
    from gongkai.units.services import merge_unit

    merge_unit(actor=office, unit=unit_b, into=unit_a, on="2026-01-01")
    response = client.get(f"/units/{unit_b.code}/guide/?page=2")
    assert response.status_code == 302
    assert response["Location"] == f"/units/{unit_a.code}/guide/?page=2"


def test_every_response_carries_the_security_headers(client, db):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_display_links_set_cookies_and_come_back(client, db):
    response = client.get("/display/", {"font": "larger", "contrast": "on", "next": "/units/"})
    assert response.status_code == 302 and response["Location"] == "/units/"
    assert response.cookies["display_font"].value == "larger"
    assert response.cookies["display_contrast"].value == "on"
    css = client.get("/display.css")
    assert css["Cache-Control"] == "private, no-store" and "Cookie" in css["Vary"]
    assert "html { font-size: 137.5%; }" in css.content.decode()
    assert '.display-controls a[data-contrast="on"] { display: none; }' in css.content.decode()


def test_display_links_refuse_foreign_redirects_and_unknown_values(client, db):
    response = client.get("/display/", {"font": "huge", "next": "https://evil.example/"})
    assert response["Location"] == "/" and "display_font" not in response.cookies


def test_pages_carry_no_display_state(client, db):
    """Pages are the same for every visitor (they may be served as static files); only
    /display.css follows the cookies."""
    plain = client.get("/units/").content
    client.get("/display/", {"font": "larger", "elder": "on", "contrast": "on"})
    assert client.get("/units/").content == plain
    assert "html { font-size: 137.5%; }" in client.get("/display.css").content.decode()


@pytest.mark.parametrize("count", [5, 60])
def test_home_and_column_pages_run_a_bounded_number_of_queries(
    client, government, django_assert_max_num_queries, count
):
    UnitFactory.create_batch(count, parent=government)
    unit = UnitFactory(parent=government)
    with django_assert_max_num_queries(5):
        client.get("/")
    with django_assert_max_num_queries(4):
        client.get("/units/")
    with django_assert_max_num_queries(4):
        client.get(f"/units/{unit.code}/")
    for part in ("guide", "rules", "statutory", "annual-reports"):
        with django_assert_max_num_queries(6):
            assert client.get(f"/units/{unit.code}/{part}/").status_code == 200


def test_home_page_lists_the_latest_published_information(client, editor_a, reviewer_a, unit_a):
    from gongkai.publishing.tests.factories import published

    document = published(editor_a, reviewer_a, unit_a, title="关于调整城乡居民养老保险待遇的通知")
    html = client.get("/").content.decode()
    assert document.title in html
    assert document.get_absolute_url() in html
