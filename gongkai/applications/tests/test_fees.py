import datetime
from itertools import count

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.applications import services, workflow
from gongkai.applications.fees import (
    FeeMethod,
    compute_fee,
    page_price,
    per_item_fee,
    per_volume_fee,
)
from gongkai.applications.letters import docx_text
from gongkai.applications.models import Application, LetterKind
from gongkai.applications.remedies import save_letter_settings
from gongkai.applications.tests.factories import resident_id
from gongkai.core.crypto import lookup_hash

D = datetime.date
_serial = count(1)


def test_first_ten_requests_in_a_month_are_free():
    assert [per_item_fee(k) for k in range(1, 11)] == [0] * 10


def test_requests_eleven_to_thirty_cost_one_hundred():
    assert {per_item_fee(k) for k in range(11, 31)} == {100}


def test_each_band_of_ten_after_thirty_adds_one_hundred():
    assert [per_item_fee(k) for k in (31, 40, 41, 50, 51)] == [200, 200, 300, 300, 400]


def test_worked_example_forty_five_requests_cost_5500():
    assert sum(per_item_fee(k) for k in range(1, 46)) == 5500


def test_worked_example_250_pages_cost_4700():
    assert per_volume_fee(250) == 70 * 10 + 100 * 20 + 50 * 40 == 4700


@pytest.mark.parametrize(
    ("pages", "fee"), [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700)]
)
def test_per_volume_band_edges(pages, fee):
    assert per_volume_fee(pages) == fee


def test_one_method_only():
    with pytest.raises(ValueError):
        compute_fee(method=FeeMethod.PER_ITEM, monthly_rank=12, pages=40)
    with pytest.raises(ValueError):
        compute_fee(method=FeeMethod.PER_VOLUME, monthly_rank=12, pages=40)
    assert compute_fee(method="per_item", monthly_rank=12) == 100
    assert compute_fee(method="per_volume", pages=40) == 100


@given(st.integers(min_value=1, max_value=500))
def test_per_item_fee_never_falls_as_the_month_goes_on(rank):
    assert per_item_fee(rank + 1) >= per_item_fee(rank)


@given(st.integers(min_value=0, max_value=2000))
def test_per_volume_fee_is_monotone(pages):
    assert per_volume_fee(pages + 1) >= per_volume_fee(pages)


@given(st.integers(min_value=0, max_value=1000))
def test_per_volume_fee_is_the_sum_of_its_page_prices(pages):
    assert per_volume_fee(pages) == sum(page_price(p) for p in range(1, pages + 1))


def rule_20(k):
    """Rule 20 as written in rules.md, independent of fees.py."""
    if k <= 10:
        return 0
    if k <= 30:
        return 100
    return 100 * (2 + (k - 31) // 10)


def received(unit, identity, on):
    """An application row received on ``on``; the count only reads who, where and when."""
    serial = next(_serial)
    return Application.objects.create(
        tracking_number=f"T{serial:09d}",
        access_code_hash="-",
        unit=unit,
        applicant_kind="natural_person",
        applicant_name="李明",
        identity_kind="resident_id",
        identity_number=identity,
        identity_hash=lookup_hash(identity),
        phone="13800138000",
        title="申请",
        description="申请",
        format_wanted="electronic",
        delivery_wanted="email",
        channel="in_person",
        event_date=on,
        received_on=on,
    )


NOISE = st.tuples(
    st.sampled_from(["other applicant", "other unit", "previous month", "next month"]),
    st.integers(min_value=1, max_value=28),
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    days=st.lists(st.integers(min_value=1, max_value=31), min_size=1, max_size=45),
    noise=st.lists(NOISE, max_size=8),
)
def test_per_item_fee_follows_the_computed_monthly_count(unit_a, unit_b, days, noise):
    applicant = resident_id(1)
    with transaction.atomic():
        for kind, day in noise:
            unit, identity, on = unit_a, applicant, D(2026, 10, day)
            if kind == "other applicant":
                identity = resident_id(2)
            elif kind == "other unit":
                unit = unit_b
            elif kind == "previous month":
                on = D(2026, 9, day)
            else:
                on = D(2026, 11, day)
            received(unit, identity, on)
        # Registered in list order, received on the drawn days: the count follows the
        # received date, and registration order only breaks ties within a day.
        rows = [received(unit_a, applicant, D(2026, 10, day)) for day in days]
        in_month_order = sorted(rows, key=lambda row: (row.received_on, row.pk))
        for rank, row in enumerate(in_month_order, start=1):
            assert services.monthly_rank(row) == rank
            fee = compute_fee(method=FeeMethod.PER_ITEM, monthly_rank=services.monthly_rank(row))
            assert fee == rule_20(rank)
        transaction.set_rollback(True)


def test_fee_notice_per_item_counts_the_applicants_month(submit, unit_a, unit_b, editor_a, at):
    applicant = resident_id(1)
    for day in range(1, 10):
        received(unit_a, applicant, D(2026, 9, day))
    received(unit_a, applicant, D(2026, 8, 31))
    received(unit_b, applicant, D(2026, 9, 2))
    received(unit_a, resident_id(2), D(2026, 9, 2))
    tenth = submit(unit_a, on=(2026, 9, 10), identity_number=applicant)
    at(2026, 9, 11)
    with pytest.raises(ValidationError, match="第10件申请"):
        workflow.issue_fee_notice(
            actor=editor_a, application=tenth, method="per_item", issued_on=D(2026, 9, 11)
        )
    eleventh = submit(unit_a, on=(2026, 9, 11), identity_number=applicant)
    notice = workflow.issue_fee_notice(
        actor=editor_a, application=eleventh, method="per_item", issued_on=D(2026, 9, 11)
    )
    assert (notice.monthly_rank, notice.amount) == (11, 100)
    letter = docx_text(eleventh.letters.get(kind=LetterKind.FEE).docx())
    assert "第11件申请" in letter and "100元" in letter
    assert "计收方式和标准：按件计收。" in letter
    assert "11—30件（含30件）的部分，每件收费100元" in letter
    assert "每页" not in letter


def test_fee_notice_per_volume_states_basis_rate_amount_payment_and_window(
    submit, unit_a, editor_a, admin_a, at
):
    save_letter_settings(
        actor=admin_a,
        unit=unit_a,
        review_body="",
        court="",
        fee_payment="凭本通知到测试区政务服务中心二楼非税收入窗口缴纳。",
    )
    application = submit(unit_a, on=(2026, 9, 24))
    at(2026, 9, 25)
    workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=250,
        issued_on=D(2026, 9, 25),
        notice_received_on=D(2026, 9, 25),
    )
    letter = docx_text(application.letters.get(kind=LetterKind.FEE).docx())
    assert "收费依据：《中华人民共和国政府信息公开条例》第四十二条" in letter
    assert "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）" in letter
    assert "计收方式和标准：按量计收。" in letter
    assert "101—200页（含200页）的部分，每页收费20元" in letter
    assert "共250页，应缴纳信息处理费4700元" in letter
    assert "缴纳方式和地点：凭本通知到测试区政务服务中心二楼非税收入窗口缴纳。" in letter
    # 20 working days from the day after receipt, over the National Day break.
    assert "20个工作日内（即2026年10月29日前）缴纳" in letter
    assert "每件收费" not in letter


def test_fee_notice_without_settings_tells_where_the_unit_is(submit, unit_a, editor_a, at):
    application = submit(unit_a, on=(2026, 9, 24))
    at(2026, 9, 25)
    workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=40,
        issued_on=D(2026, 9, 25),
    )
    letter = docx_text(application.letters.get(kind=LetterKind.FEE).docx())
    assert f"缴纳方式和地点：到{unit_a.full_name}" in letter and "非税收入缴款书" in letter


def test_console_has_no_typed_monthly_rank(client_of, submit, unit_a, editor_a):
    application = submit(unit_a)
    url = reverse("console-applications:act", args=[application.pk, "issue_fee_notice"])
    client = client_of(editor_a)
    detail = client.get(reverse("console-applications:detail", args=[application.pk]))
    assert "monthly_rank" not in detail.content.decode()
    response = client.post(
        url, {"method": "per_item", "monthly_rank": "35", "issued_on": "2026-09-24"}
    )
    assert "第1件申请" in response.content.decode()
    assert not hasattr(Application.objects.get(pk=application.pk), "fee_notice")
