"""The furniture of a government website: footer identifiers set per government in the
console, 联系我们, the human 网站地图, and the annual reports of every unit by year."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

WEBSITE = {
    "site_code": "9999000001",
    "icp_record": "测ICP备12345678号",
    "police_record": "测公网安备99990002000001号",
    "site_organiser": "测试区人民政府办公室",
    "site_operator": "测试区大数据中心",
}


def _government_form(government):
    return {
        "code": government.code,
        "full_name": government.full_name,
        "short_name": government.short_name,
        "kind": "government",
        "credit_code": government.credit_code,
        "index_code": government.index_code,
        "display_order": 1,
        "is_active": "on",
        **WEBSITE,
    }


def test_the_office_sets_the_footer_identifiers_in_the_console(client, government, office, unit_a):
    client.force_login(office)
    response = client.post(f"/console/units/{government.pk}/", _government_form(government))
    assert response.status_code == 302
    client.logout()
    for url in ("/", f"/units/{unit_a.code}/", reverse("publishing:policies")):
        footer = client.get(url).content.decode().split("<footer", 1)[1]
        for value in WEBSITE.values():
            assert value in footer, url
        for link in ("联系我们", "网站地图", "纠错和意见"):
            assert link in footer


def test_a_departments_form_has_no_website_fields(client, office, unit_a):
    client.force_login(office)
    page = client.get(f"/console/units/{unit_a.pk}/").content.decode()
    assert "网站标识码" not in page


def test_the_feedback_link_carries_the_page_it_was_on(client, government, unit_a):
    page = client.get(f"/units/{unit_a.code}/").content.decode()
    assert f"/feedback/?page=/units/{unit_a.code}/" in page


def test_the_site_map_lists_every_units_column_and_the_services(client, government, unit_a):
    page = client.get(reverse("portal:site-map")).content.decode()
    for url in (
        reverse("portal:column-guide", args=[unit_a.code]),
        reverse("applications:notice"),
        reverse("reports:index"),
        reverse("feedback:form"),
        reverse("portal:accessibility"),
    ):
        assert f'href="{url}"' in page


def test_contact_shows_each_governments_office(client, government):
    government.phone = "010-88886666"
    government.save()
    assert "010-88886666" in client.get(reverse("portal:contact")).content.decode()


def test_a_change_to_a_government_renders_every_static_page_again(government, unit_a):
    from gongkai.pages.models import RenderOperation
    from gongkai.pages.registry import affected, all_pages

    assert affected(RenderOperation.Subject.UNIT, government.pk) == set(all_pages())
