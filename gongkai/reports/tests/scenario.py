"""Applications taken through the real workflow to a given outcome, for report tests."""

import datetime
from itertools import count

from gongkai.applications import workflow
from gongkai.applications.models import ExcessiveDecision
from gongkai.applications.outcomes import ApplicantKind, Outcome
from gongkai.applications.tests.factories import application_input, credit_code, resident_id

D = datetime.date
_serial = count(1)


def register(unit, actor, kind, received_on):
    """An application handed in at the counter on `received_on` by an applicant of `kind`."""
    # Sample identity numbers tell a thousand apart; the property tests register more than
    # that in one run, each example rolled back before the next.
    serial = next(_serial) % 1000
    if kind == ApplicantKind.NATURAL_PERSON:
        identity = {"identity_kind": "resident_id", "identity_number": resident_id(serial)}
    else:
        identity = {"identity_kind": "credit_code", "identity_number": credit_code(serial)}
    application, _code = workflow.register_application(
        actor=actor,
        **application_input(
            unit, applicant_kind=kind, channel="in_person", event_date=received_on, **identity
        ),
    )
    return application


def close_with(application, actor, outcome, on):
    """Take a registered application to `outcome`, the closing act dated `on`."""
    start = application.received_on
    if outcome == Outcome.OTHER_CORRECTION_LAPSED:
        workflow.request_correction(
            actor=actor, application=application, items="请写明文号", sent_on=start
        )
        return workflow.close_correction_lapsed(actor=actor, application=application, closed_on=on)
    if outcome == Outcome.OTHER_FEE_UNPAID:
        workflow.issue_fee_notice(
            actor=actor,
            application=application,
            method="per_volume",
            issued_on=start,
            pages=40,
            notice_received_on=start,
        )
        return workflow.close_fee_unpaid(actor=actor, application=application, closed_on=on)
    if outcome == Outcome.NOT_PROCESSED_EXCESSIVE:
        workflow.ask_for_reasons(actor=actor, application=application, requested_on=start)
        return workflow.handle_excessive_request(
            actor=actor,
            application=application,
            decision=ExcessiveDecision.DECLINE,
            decided_on=on,
            applicant_silent=True,
            reasons="同一申请人一个月内提出大量内容相近的申请，且未说明理由。",
        )
    if outcome == Outcome.UNAVAILABLE_STILL_UNCLEAR:
        workflow.request_correction(
            actor=actor, application=application, items="请写明所需信息", sent_on=start
        )
        workflow.receive_correction(
            actor=actor, application=application, received_on=start, corrected_text="仍然是全部文件"
        )
    return workflow.issue_reply(
        actor=actor,
        application=application,
        outcome=outcome,
        replied_on=on,
        reasons="依据条例相关规定。",
        legal_basis="《中华人民共和国政府信息公开条例》第十四条",
        how_to_obtain="电子邮件发送",
    )


def paid_fee_then_disclosed(application, actor, paid_on, replied_on):
    workflow.issue_fee_notice(
        actor=actor,
        application=application,
        method="per_volume",
        issued_on=application.received_on,
        pages=40,
    )
    workflow.record_payment(actor=actor, application=application, paid_on=paid_on)
    return close_with(application, actor, Outcome.DISCLOSED, replied_on)


def approve(report, reviewer):
    """The reviewer passes the submitted report, confidentiality review included."""
    from gongkai.reports import workflow as reports

    return reports.review_report(
        actor=reviewer,
        report=report,
        approve=True,
        confidentiality_result=reports.CONFIDENTIALITY_CLEARED,
    )


def publish(report, editor, reviewer):
    """Submit, review and publish through the report workflow."""
    from gongkai.reports import workflow as reports

    reports.submit_report(actor=editor, report=report)
    approve(report, reviewer)
    return reports.publish_report(actor=reviewer, report=report)


def small_year(unit, actor):
    """Three 2025 applications: one disclosed, one withheld, one carried forward."""
    disclosed = register(unit, actor, ApplicantKind.NATURAL_PERSON, D(2025, 3, 3))
    close_with(disclosed, actor, Outcome.DISCLOSED, D(2025, 3, 20))
    withheld = register(unit, actor, ApplicantKind.COMMERCIAL_ENTERPRISE, D(2025, 5, 6))
    close_with(withheld, actor, Outcome.WITHHELD_STATE_SECRET, D(2025, 5, 20))
    return register(unit, actor, ApplicantKind.NATURAL_PERSON, D(2025, 12, 29))
