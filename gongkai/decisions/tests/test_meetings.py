"""Open meetings: the agenda and the invited published before, the decisions after, each
decision's interpretation the same day — flagged when still missing one working day later."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.decisions import services, workflow
from gongkai.oversight import services as oversight
from gongkai.oversight.models import Indicator
from gongkai.publishing.tests.factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(at, known_calendar, editor_a, reviewer_a, unit_a):
    """A unit meeting on Monday 30 November 2026, its decision published the same day."""
    at(2026, 11, 25, 9)
    meeting = workflow.create_meeting(
        actor=editor_a, unit=unit_a, kind="unit", title="甲局局务会议", held_on=date(2026, 11, 30)
    )
    workflow.add_agenda_item(actor=editor_a, meeting=meeting, title="研究停车收费调整方案")
    workflow.add_agenda_item(
        actor=editor_a, meeting=meeting, title="听取工作汇报", needs_interpretation=False
    )
    workflow.invite_attendee(
        actor=editor_a, meeting=meeting, kind="public", name="钱国平", organisation="居民代表"
    )
    workflow.invite_attendee(
        actor=editor_a, meeting=meeting, kind="expert", name="沈立", organisation="某大学教授"
    )
    workflow.announce_meeting(actor=reviewer_a, meeting=meeting)
    at(2026, 11, 30, 17)
    return workflow.record_meeting_decisions(
        actor=reviewer_a, meeting=meeting, outcomes={1: "原则通过。", 2: "会议听取。"}
    )


def test_the_drafter_cannot_announce(at, editor_a, unit_a):
    meeting = workflow.create_meeting(
        actor=editor_a, unit=unit_a, kind="unit", title="会议", held_on=date(2026, 12, 10)
    )
    workflow.add_agenda_item(actor=editor_a, meeting=meeting, title="议题")
    with pytest.raises(PermissionDenied):
        workflow.announce_meeting(actor=editor_a, meeting=meeting)


def test_only_a_government_holds_an_executive_meeting(editor_a, unit_a):
    with pytest.raises(ValidationError, match="人民政府"):
        workflow.create_meeting(
            actor=editor_a,
            unit=unit_a,
            kind="executive",
            title="常务会议",
            held_on=date(2026, 12, 10),
        )


def test_every_item_needs_its_decision(at, editor_a, reviewer_a, unit_a):
    meeting = workflow.create_meeting(
        actor=editor_a, unit=unit_a, kind="unit", title="会议", held_on=date(2026, 12, 1)
    )
    workflow.add_agenda_item(actor=editor_a, meeting=meeting, title="议题一")
    workflow.add_agenda_item(actor=editor_a, meeting=meeting, title="议题二")
    workflow.announce_meeting(actor=reviewer_a, meeting=meeting)
    with pytest.raises(ValidationError, match="第 2 项"):
        workflow.record_meeting_decisions(actor=reviewer_a, meeting=meeting, outcomes={1: "通过"})
    meeting.refresh_from_db()
    assert meeting.state == "announced"


def test_public_page_masks_the_public_representative(client, held):
    page = client.get(held.get_absolute_url()).content.decode()
    assert "钱*" in page and "钱国平" not in page and "沈立" in page
    assert "原则通过" in page and "尚未发布" in page


def test_missing_interpretation_flagged_after_one_working_day(at, held, unit_a):
    at(2026, 12, 1, 17)  # Tuesday: one working day after the meeting, still on time
    assert services.missing_interpretations([unit_a], date(2026, 12, 1)) == []
    at(2026, 12, 2, 9)
    found = services.missing_interpretations([unit_a], date(2026, 12, 2))
    assert [(item.title, due) for item, due in found] == [
        ("研究停车收费调整方案", date(2026, 12, 1))
    ]
    indicator = Indicator.objects.get(code="meeting_interpretation")
    problems = oversight.problems(indicator, [unit_a], date(2026, 12, 2))
    assert len(problems) == 1 and "研究停车收费调整方案" in problems[0].subject


def test_linking_the_interpretation_clears_the_flag(at, client, held, editor_a, reviewer_a, unit_a):
    at(2026, 12, 2, 9)
    document = published(editor_a, reviewer_a, unit_a, title="解读：停车收费调整方案")
    item = held.items.get(number=1)
    workflow.link_interpretation(actor=editor_a, meeting=held, item=item, document=document)
    assert services.missing_interpretations([unit_a], date(2026, 12, 2)) == []
    assert "解读：停车收费调整方案" in client.get(held.get_absolute_url()).content.decode()


def test_another_units_document_cannot_be_the_interpretation(
    at, held, editor_a, editor_b, reviewer_b, unit_b
):
    document = published(editor_b, reviewer_b, unit_b, title="乙局的解读")
    with pytest.raises(ValidationError, match="本单位"):
        workflow.link_interpretation(
            actor=editor_a, meeting=held, item=held.items.get(number=1), document=document
        )


def test_console_lists_the_late_interpretation(at, client_of, held, editor_a, editor_b):
    at(2026, 12, 3, 9)
    page = client_of(editor_a).get("/console/decisions/meetings/").content.decode()
    assert "会议决定未及时发布解读" in page and "研究停车收费调整方案" in page
    other = client_of(editor_b)
    assert other.get(f"/console/decisions/meetings/{held.pk}/").status_code == 404


def test_meeting_pages_and_api(client, held):
    assert "甲局局务会议" in client.get("/meetings/").content.decode()
    data = client.get(f"/api/v1/meetings/{held.pk}").json()
    assert [i["result"] for i in data["items"]] == ["原则通过。", "会议听取。"]
    assert data["attendees"][0]["name"] == "钱**"
