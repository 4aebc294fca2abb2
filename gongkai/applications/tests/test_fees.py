import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.applications.fees import (
    FeeMethod,
    compute_fee,
    page_price,
    per_item_fee,
    per_volume_fee,
)


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
