"""The transition check and the row lock every app's workflow uses (core.workflow)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.concerns.models import PressConference, PressState
from gongkai.core.workflow import check, check_startable, locked, move
from gongkai.interaction.models import Question, Status
from gongkai.interaction.tests.helpers import ask

TABLE = {
    "submit": {(None, Status.RECEIVED)},
    "answer": {(Status.ASSIGNED, Status.ANSWERED)},
    "note": {(Status.ANSWERED, Status.ANSWERED), (Status.PUBLISHED, Status.PUBLISHED)},
}


def test_an_allowed_step_sets_the_state_and_returns_the_one_before():
    question = Question(status=Status.ASSIGNED)
    assert move(question, TABLE, "answer", Status.ANSWERED) == Status.ASSIGNED
    assert question.status == Status.ANSWERED
    assert question.pk is None  # saving is the caller's


def test_a_step_the_table_does_not_allow_is_refused_in_chinese_and_changes_nothing():
    question = Question(status=Status.RECEIVED)
    with pytest.raises(ValidationError) as refused:
        move(question, TABLE, "answer", Status.ANSWERED)
    assert refused.value.messages == ["当前状态为“待分办”，不能执行此操作。"]
    assert question.status == Status.RECEIVED


def test_a_step_that_keeps_the_state_is_allowed_only_from_the_states_listed():
    question = Question(status=Status.PUBLISHED)
    assert move(question, TABLE, "note", Status.PUBLISHED) == Status.PUBLISHED
    with pytest.raises(ValidationError):
        move(question, TABLE, "note", Status.ANSWERED)


def test_the_state_may_live_in_another_field():
    table = {"publish": {(PressState.DRAFT, PressState.PUBLISHED)}}
    conference = PressConference(state=PressState.DRAFT)
    assert move(conference, table, "publish", PressState.PUBLISHED, field="state") == "draft"
    assert conference.state == PressState.PUBLISHED
    with pytest.raises(ValidationError, match="当前状态为“已发布”"):
        move(conference, table, "publish", PressState.PUBLISHED, field="state")


def test_a_record_being_created_has_no_state_yet():
    check(TABLE, "submit", None, Status.RECEIVED)
    with pytest.raises(ValidationError, match="当前状态为“无”，不能执行此操作。"):
        check(TABLE, "answer", None, Status.ANSWERED)
    with pytest.raises(ValidationError, match="当前状态为“已答复”"):
        check(TABLE, "submit", Status.ANSWERED, Status.RECEIVED, "已答复")


def test_a_step_is_refused_at_once_when_none_of_it_starts_from_the_state():
    check_startable(Question(status=Status.PUBLISHED), TABLE, "note")
    with pytest.raises(ValidationError, match="当前状态为“已答复并公开”，不能执行此操作。"):
        check_startable(Question(status=Status.PUBLISHED), TABLE, "answer")


@pytest.mark.django_db
def test_locked_locks_only_the_records_own_row_and_reads_a_nullable_relation(
    known_calendar, government
):
    question, _code = ask(government)  # unassigned: no unit to join
    with CaptureQueriesContext(connection) as queries:
        found = locked(Question, question.pk, "unit", "government")
    assert found == question and found.unit is None and found.government == government
    if connection.features.has_select_for_update_of:
        # PostgreSQL refuses FOR UPDATE on the nullable side of the outer join to the unit.
        assert queries[-1]["sql"].endswith('FOR UPDATE OF "interaction_question"')
