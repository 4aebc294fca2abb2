"""Attacks on object scoping and separation of duties, made over HTTP as an assessor would make
them. Each one worked before the scope layer (accounts.scoping) existed."""

import pytest
from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.accounts.tests.factories import StaffFactory
from gongkai.publishing.models import RevisionStatus, Validity
from gongkai.publishing.tests.factories import draft, normative, published

pytestmark = pytest.mark.django_db

IDENTITY = "110105198503151230"


@pytest.fixture(autouse=True)
def _in_2024(at):
    at(2024, 5, 6)


def _staff(unit, role, username):
    return StaffFactory(username=username, membership__unit=unit, membership__role=role)


def _edit_data(client, document, **changes):
    form = client.get(reverse("console-publishing:edit", args=[document.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False, "")}
    data.update(
        subject="06.02",
        doc_type="notice",
        statutory_category="a20.12",
        part="statutory",
        disclosure="proactive",
        date_written="2024-03-05",
        body_html="<p>现将有关事项通知如下。</p>",
    )
    data.update(changes)
    return data


@pytest.fixture
def policy_a(editor_a, reviewer_a, unit_a):
    return published(editor_a, reviewer_a, unit_a, data=normative(doc_number="测甲发〔2024〕1号"))


# ---------------------------------------------------------------- links between documents


def test_another_unit_cannot_repeal_a_units_document(client_of, editor_b, unit_b, policy_a):
    document = draft(editor_b, unit_b, title="乙局关于废止若干文件的决定")
    client = client_of(editor_b)
    data = _edit_data(client, document, repeals=policy_a.index_number)
    response = client.post(reverse("console-publishing:edit", args=[document.pk]), data)
    assert response.status_code == 200
    assert "可关联文件" in response.content.decode()
    assert document.revisions.get().links == []
    policy_a.refresh_from_db()
    assert policy_a.validity == Validity.IN_FORCE and policy_a.repealed_on is None


def test_the_workflow_refuses_a_cross_unit_link_whatever_path_sent_it(
    editor_b, reviewer_b, unit_b, policy_a
):
    from gongkai.publishing import workflow

    with pytest.raises(workflow.WorkflowError, match="不能关联其他单位的文件"):
        published(editor_b, reviewer_b, unit_b, links=[{"kind": "repeals", "target": policy_a.pk}])
    policy_a.refresh_from_db()
    assert policy_a.repealed_on is None


def test_the_government_repeals_its_own_departments_document(government, policy_a):
    editor = _staff(government, "editor", "gov-editor")
    reviewer = _staff(government, "reviewer", "gov-reviewer")
    published(
        editor,
        reviewer,
        government,
        links=[{"kind": "repeals", "target": policy_a.pk}],
        title="区政府关于废止部分规范性文件的决定",
        doc_number="测政发〔2024〕9号",
    )
    policy_a.refresh_from_db()
    assert policy_a.repealed_on is not None and policy_a.validity == Validity.REPEALED


def test_a_co_issuer_may_amend_the_document_it_co_issued(editor_a, reviewer_a, unit_a, unit_b):
    joint = published(editor_a, reviewer_a, unit_a, co_issuer_ids=[unit_b.pk])
    editor_b, reviewer_b = _staff(unit_b, "editor", "e-b"), _staff(unit_b, "reviewer", "r-b")
    published(editor_b, reviewer_b, unit_b, links=[{"kind": "amends", "target": joint.pk}])
    joint.refresh_from_db()
    assert joint.amended_on is not None


# ---------------------------------------------------------------- drill-down and lists


def test_a_report_drill_down_shows_no_other_units_drafts(client_of, government, unit_a, at):
    from gongkai.reports import workflow as reports

    secret = draft(_staff(unit_a, "editor", "e-a2"), unit_a, title="甲局尚未公开的草稿标题")
    at(2026, 1, 20)
    office = _staff(government, "office", "office-x")
    report = reports.generate_report(actor=office, unit=government, year=2025)
    gov_editor = _staff(government, "editor", "gov-editor")
    url = reverse("console-reports:records", args=[report.pk, "t2"]) + f"?ids={secret.pk}"
    page = client_of(gov_editor).get(url).content.decode()
    assert secret.title not in page
    assert secret.title in client_of(office).get(url).content.decode()


def test_a_report_drill_down_shows_no_other_units_applications(
    client_of, government, unit_a, editor_a, at
):
    from gongkai.reports import workflow as reports
    from gongkai.reports.tests.scenario import small_year

    at(2026, 1, 20)
    small_year(unit_a, editor_a)
    from gongkai.applications.models import Application

    application = Application.objects.first()
    office = _staff(government, "office", "office-x")
    report = reports.generate_report(actor=office, unit=government, year=2025)
    url = reverse("console-reports:records", args=[report.pk, "t3"]) + f"?ids={application.pk}"
    gov_editor = _staff(government, "editor", "gov-editor")
    assert application.tracking_number not in client_of(gov_editor).get(url).content.decode()
    assert application.tracking_number in client_of(office).get(url).content.decode()


# ---------------------------------------------------------------- the three administrators


@pytest.mark.parametrize("role", ["sysadmin", "secadmin", "auditadmin"])
def test_administrators_see_and_search_no_business_drafts(client_of, government, role):
    editor = _staff(government, "editor", "gov-editor")
    document = draft(editor, government, title="区政府内部讨论稿森林防火")
    client = client_of(_staff(government, role, f"the-{role}"))
    assert document.title not in client.get(reverse("console-publishing:list")).content.decode()
    assert client.get(reverse("console-publishing:detail", args=[document.pk])).status_code == 404
    search = client.get(reverse("console-search:index") + "?q=森林防火").content.decode()
    assert document.title not in search


def test_a_unit_administrator_cannot_disable_the_system_administrator(client_of, government):
    sysadmin = _staff(government, "sysadmin", "the-sysadmin")
    unit_admin = _staff(government, "unit_admin", "gov-admin")
    client = client_of(unit_admin)
    page = client.get(reverse("console:staff", args=[government.pk])).content.decode()
    assert "the-sysadmin" not in page
    url = reverse("console:staff-toggle", args=[government.pk, sysadmin.pk])
    assert client.post(url).status_code == 404
    sysadmin.refresh_from_db()
    assert sysadmin.is_active


def test_business_services_refuse_to_manage_an_administrator_account(government):
    from django.core.exceptions import PermissionDenied

    from gongkai.accounts import services

    sysadmin = _staff(government, "sysadmin", "the-sysadmin")
    office = _staff(government, "office", "office-x")
    with pytest.raises(PermissionDenied):
        services.set_active(actor=office, user=sysadmin, active=False, unit=government)
    with pytest.raises(PermissionDenied):
        services.revoke_role(actor=office, membership=sysadmin.memberships.get())


# ---------------------------------------------------------------- nobody reviews their own work


def test_a_unit_administrator_cannot_review_their_own_draft_with_a_second_account(
    client, client_of, unit_a, admin_a
):
    document = draft(admin_a, unit_a, title="管理员自己起草的通知")
    admin = client_of(admin_a)
    admin.post(reverse("console-publishing:submit", args=[document.pk]))
    response = admin.post(
        reverse("console:staff", args=[unit_a.pk]),
        {
            "username": "admin-a-2",
            "last_name": "另一个我",
            "identity_number": "11010519491231002X",
            "role": "reviewer",
            "password": "Second-self-2026",
        },
    )
    assert response.status_code == 302
    second = User.objects.get(username="admin-a-2")
    assert second.created_by == admin_a
    client.logout()
    login = {"username": "admin-a-2", "password": "Second-self-2026"}
    assert client.post(reverse("console:login"), login).status_code == 302
    change = {"old_password": "Second-self-2026", "new_password": "Second-self-2027"}
    change["new_password_again"] = change["new_password"]
    assert client.post(reverse("console:password"), change).status_code == 302
    response = client.post(
        reverse("console-publishing:review", args=[document.pk]),
        {"confidentiality_result": "同意公开", "disclosure_confirmed": "on"},
    )
    assert response.status_code == 403
    assert document.revisions.get().status == RevisionStatus.SUBMITTED


def test_accounts_sharing_an_identity_are_one_person(client_of, unit_a, admin_a, office):
    """Two accounts made by different administrators for one resident ID are one person."""
    from gongkai.accounts import services

    services.create_staff(
        actor=admin_a,
        username="wang-editor",
        password="Qingshan-7-river",
        last_name="王",
        unit=unit_a,
        role="editor",
        identity_number=IDENTITY,
    )
    services.create_staff(
        actor=office,
        username="wang-reviewer",
        password="Baiyun-8-mountain",
        last_name="王",
        unit=unit_a,
        role="reviewer",
        identity_number=IDENTITY.lower(),
    )
    # Both owners have replaced the initial passwords, so both accounts may work.
    User.objects.filter(username__startswith="wang-").update(must_change_password=False)
    editor = User.objects.get(username="wang-editor")
    reviewer = User.objects.get(username="wang-reviewer")
    assert editor.person_key == reviewer.person_key != ""
    document = draft(editor, unit_a)
    client_of(editor).post(reverse("console-publishing:submit", args=[document.pk]))
    response = client_of(reviewer).post(
        reverse("console-publishing:review", args=[document.pk]),
        {"confidentiality_result": "同意公开", "disclosure_confirmed": "on"},
    )
    assert response.status_code == 403


def test_a_reviewer_who_edited_the_draft_cannot_review_it(client_of, unit_a, editor_a):
    both = _staff(unit_a, "editor", "editor-reviewer")
    both.memberships.create(unit=unit_a, role="reviewer")
    document = draft(editor_a, unit_a)
    client = client_of(both)
    data = _edit_data(client, document, title="经另一人修改的标题")
    assert client.post(reverse("console-publishing:edit", args=[document.pk]), data).status_code
    client_of(editor_a).post(reverse("console-publishing:submit", args=[document.pk]))
    response = client_of(both).post(
        reverse("console-publishing:review", args=[document.pk]),
        {"confidentiality_result": "同意公开", "disclosure_confirmed": "on"},
    )
    assert response.status_code == 403
    assert document.revisions.get().status == RevisionStatus.SUBMITTED


def test_whoever_edited_or_submitted_an_annual_report_cannot_approve_it(
    client_of, unit_a, editor_a, admin_a, at
):
    from gongkai.reports import workflow as reports
    from gongkai.reports.models import ReportStatus
    from gongkai.reports.tests.scenario import small_year

    at(2026, 1, 20)
    small_year(unit_a, editor_a)
    report = reports.generate_report(actor=editor_a, unit=unit_a, year=2025)
    reports.update_report(
        actor=admin_a, report=report, figures_source="本年度数据由系统统计，经人工核对。"
    )
    reports.submit_report(actor=admin_a, report=report)
    response = client_of(admin_a).post(
        reverse("console-reports:review", args=[report.pk]),
        {"decision": "approve", "confidentiality_result": "经审查，同意公开。"},
        follow=True,
    )
    assert "也不能审核自己修改或提交的报告" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_another_units_document_is_not_found_on_any_console_page(client_of, editor_b, policy_a):
    client = client_of(editor_b)
    for name in ("detail", "edit"):
        url = reverse(f"console-publishing:{name}", args=[policy_a.pk])
        assert client.get(url).status_code == 404
