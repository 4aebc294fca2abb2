"""The enforcement decisions' public pages are static pages like the rest of the site: in the
pages registry (so a full rebuild, the renderer and the page scans cover them), rendered when
a decision is published, removed when it is revoked or its publication period ends."""

import datetime

import pytest

from gongkai.enforcement import services
from gongkai.enforcement.rules import PUBLICATION_DAYS
from gongkai.pages import registry, renderer

pytestmark = pytest.mark.django_db


def _copy(path):
    found = [f for f in renderer.candidates(path) if f.is_file()]
    return found[0].read_text() if found else None


def _decision(editor, unit, number, kind="penalty", party_kind="natural_person"):
    return services.register(
        actor=editor,
        unit=unit,
        kind=kind,
        number=number,
        title=f"违法行为处罚{number}",
        party_kind=party_kind,
        party_name="王小明",
        party_identifier="110101199003071234",
        facts="未按规定公示价格",
        basis="《中华人民共和国价格法》第四十二条",
        outcome="警告",
        decided_on=datetime.date(2026, 12, 1),
    )


def test_published_revoked_and_expired_decisions(editor_a, reviewer_a, unit_a, known_calendar, at):
    at(2026, 12, 1)
    renderer.rebuild()
    assert {"/enforcement/", "/enforcement/feed/"} <= set(registry.all_pages())
    kept = _decision(editor_a, unit_a, "测甲罚〔2026〕1号")
    revoked = _decision(editor_a, unit_a, "测甲罚〔2026〕2号")
    renderer.run_once()
    assert _copy(f"/enforcement/{kept.pk}/") is None  # a draft is on no public page
    for decision in (kept, revoked):
        services.publish(actor=reviewer_a, decision=decision)
    renderer.run_once()
    page = _copy(f"/enforcement/{kept.pk}/")
    assert "违法行为处罚测甲罚〔2026〕1号" in page
    assert "王小明" not in page and "王**" in page
    assert "测甲罚〔2026〕2号" in _copy("/enforcement/")
    assert f"/enforcement/{kept.pk}/" in registry.all_pages()

    services.revoke(actor=reviewer_a, decision=revoked, reason="经行政复议撤销")
    renderer.run_once()
    assert _copy(f"/enforcement/{revoked.pk}/") is None
    assert "测甲罚〔2026〕2号" not in _copy("/enforcement/")

    last = datetime.date(2026, 12, 1) + datetime.timedelta(days=PUBLICATION_DAYS["penalty"])
    at(last.year, last.month, last.day)
    renderer.run_once()
    assert _copy(f"/enforcement/{kept.pk}/") is not None  # its last day
    day_after = last + datetime.timedelta(days=1)
    at(day_after.year, day_after.month, day_after.day)
    renderer.run_once()
    assert _copy(f"/enforcement/{kept.pk}/") is None
    assert "测甲罚〔2026〕1号" not in _copy("/enforcement/")
