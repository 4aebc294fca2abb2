"""The score: 100 less weight × findings per indicator, each capped; single vetoes named."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gongkai.oversight.models import Indicator
from gongkai.oversight.services import passed, score


def _indicators():
    return [
        Indicator(code="a", name="甲", weight=Decimal(3), cap=Decimal(30)),
        Indicator(code="b", name="乙", weight=Decimal(5), cap=Decimal(20), veto_threshold=1),
        Indicator(code="c", name="丙", weight=Decimal("0.5"), cap=Decimal(10), veto_threshold=6),
    ]


def test_weights_caps_and_vetoes():
    indicators = _indicators()
    assert score({}, indicators).points == 100
    result = score({"a": 2, "c": 5}, indicators)
    assert result.points == Decimal("91.5") and result.vetoes == ()
    assert passed(result)
    capped = score({"a": 50}, indicators)
    assert capped.points == 70  # 150 deducted, capped at 30
    vetoed = score({"b": 1}, indicators)
    assert vetoed.points == 95 and vetoed.vetoes == ("乙",)
    assert not passed(vetoed)
    assert score({"c": 6}, indicators).vetoes == ("丙",)
    assert not passed(
        score(
            {"a": 10, "b": 0, "c": 20},
            [
                Indicator(code="a", name="甲", weight=Decimal(5), cap=Decimal(50)),
            ],
        )
    )  # 50 points: below the pass mark


@given(st.dictionaries(st.sampled_from("abc"), st.integers(0, 1000)))
def test_score_stays_between_0_and_100_and_never_rises_with_more_findings(counts):
    indicators = _indicators()
    result = score(counts, indicators)
    assert 0 <= result.points <= 100
    worse = {k: n + 1 for k, n in counts.items()}
    assert score(worse, indicators).points <= result.points
