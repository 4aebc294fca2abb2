"""Information processing fees (国办函〔2020〕109号).

Fees exist to curb excessive requests, not to recover costs (Art. 2). Each request is charged
per item (按件) or per volume (按量), never both (Art. 3), and both methods use progressive
excess rates. Amounts are whole yuan.
"""

import enum


class FeeMethod(enum.StrEnum):
    PER_ITEM = "per_item"
    PER_VOLUME = "per_volume"


FEE_METHOD_LABELS = {FeeMethod.PER_ITEM: "按件计收", FeeMethod.PER_VOLUME: "按量计收"}

# Art. 4: the applicant's requests in one calendar month; the first ten are free, 11–30 cost
# 100 each, and from the 31st every band of ten adds another 100 per request.
PER_ITEM_FREE = 10
PER_ITEM_FIRST_BAND_END = 30
PER_ITEM_STEP = 100
PER_ITEM_BAND = 10

# Art. 5: (last page of the band, yuan per page); None = no upper bound.
PER_VOLUME_BANDS = ((30, 0), (100, 10), (200, 20), (None, 40))


# What the fee notice says about each method's rates (Arts. 4, 5), in the measures' words.
RATE_TEXT = {
    FeeMethod.PER_ITEM: "申请人一个自然月内向本机关累计提出政府信息公开申请10件以下（含10件）的，"
    "不收费；11—30件（含30件）的部分，每件收费100元；31件以上的部分，以10件为一档，"
    "每增加一档，收费标准提高100元/件。",
    FeeMethod.PER_VOLUME: "同一申请处理信息量30页以下（含30页）的，不收费；"
    "31—100页（含100页）的部分，每页收费10元；101—200页（含200页）的部分，每页收费20元；200页以上的部分，每页收费40元。",
}


def rate_text(method):
    return RATE_TEXT[FeeMethod(method)]


def per_item_fee(rank):
    """Fee for the applicant's ``rank``-th request (1-based) in the calendar month."""
    if rank < 1:
        raise ValueError("rank starts at 1")
    if rank <= PER_ITEM_FREE:
        return 0
    if rank <= PER_ITEM_FIRST_BAND_END:
        return PER_ITEM_STEP
    return PER_ITEM_STEP * (2 + (rank - PER_ITEM_FIRST_BAND_END - 1) // PER_ITEM_BAND)


def page_price(page):
    """Price of the ``page``-th page (1-based) of one request."""
    if page < 1:
        raise ValueError("page starts at 1")
    for last, price in PER_VOLUME_BANDS:
        if last is None or page <= last:
            return price
    raise AssertionError("the last band is unbounded")


def per_volume_fee(pages):
    """Fee for ``pages`` pages, each band charged at its own rate."""
    if pages < 0:
        raise ValueError("pages must not be negative")
    total = 0
    lower = 0
    for last, price in PER_VOLUME_BANDS:
        upper = pages if last is None else min(pages, last)
        if upper > lower:
            total += (upper - lower) * price
        if last is None or pages <= last:
            break
        lower = last
    return total


def compute_fee(*, method, monthly_rank=None, pages=None):
    """The fee of one request by exactly one method.

    ``monthly_rank`` goes with per item and ``pages`` with per volume; giving the other one
    too is charging twice, which Art. 3 forbids.
    """
    method = FeeMethod(method)
    if method is FeeMethod.PER_ITEM:
        if monthly_rank is None or pages is not None:
            raise ValueError("按件计收只依据本月申请序号，不能同时按页数计收")
        return per_item_fee(monthly_rank)
    if pages is None or monthly_rank is not None:
        raise ValueError("按量计收只依据页数，不能同时按件计收")
    return per_volume_fee(pages)
