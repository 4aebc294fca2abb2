"""Where an applicant turns against a reply, as the reply letter must say.

《行政复议法》(2023) Art. 20: review within 60 days; Art. 24: a county-level-and-above government
hears reviews of its own departments' acts and of the government one level down; Art. 23(1)(四)
(in force 2024-01-01): against a refusal of disclosure the applicant must apply for review
before suing, and the organ must tell them so (Art. 23 para. 2). 《行政诉讼法》Art. 46: a lawsuit
within 6 months. The review body and the court come from the unit's letter settings; the review
body defaults to what Art. 24 gives.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require
from gongkai.accounts.roles import Role
from gongkai.audit.services import changes, record

from .models import UnitLetterSettings
from .outcomes import REFUSALS

REVIEW_FIRST_SINCE = datetime.date(2024, 1, 1)
ANY_COURT = "有管辖权的人民法院"


def settings_of(unit):
    return UnitLetterSettings.objects.filter(unit=unit).first() or UnitLetterSettings(unit=unit)


def default_review_body(unit):
    """Art. 24: the acts of a department, a sub-district or a town are reviewed by the
    government the unit belongs to; a government's by the government one level up."""
    if unit.is_government:
        above = unit.parent.government if unit.parent else None
        return above.full_name if above else "上一级人民政府"
    return unit.government.full_name if unit.government else "本级人民政府"


def review_body_of(unit):
    return settings_of(unit).review_body.strip() or default_review_body(unit)


def court_of(unit):
    return settings_of(unit).court.strip() or ANY_COURT


def review_first(outcome, replied_on):
    return outcome in REFUSALS and replied_on >= REVIEW_FIRST_SINCE


def remedy_notice(outcome, replied_on, unit):
    review_body, court = review_body_of(unit), court_of(unit)
    if review_first(outcome, replied_on):
        return (
            "如对本答复不服，依照《中华人民共和国行政复议法》第二十三条第一款第（四）项的规定，"
            f"应当先自收到本答复之日起60个自然日内向{review_body}申请行政复议；"
            f"对行政复议决定不服的，可以自收到行政复议决定书之日起15个自然日内向{court}提起行政诉讼。"
        )
    return (
        f"如对本答复不服，可以自收到本答复之日起60个自然日内向{review_body}申请行政复议，"
        f"或者自收到本答复之日起6个月内向{court}提起行政诉讼。"
    )


SETTINGS_FIELDS = ("review_body", "court", "fee_payment")
SETTINGS_ROLES = (Role.UNIT_ADMIN, Role.OFFICE)


@transaction.atomic
def save_letter_settings(*, actor, unit, review_body, court, fee_payment):
    """The unit's administrator or the openness office names the review body, the court and
    the way to pay fees; letters issued from then on print them."""
    require(actor, unit, *SETTINGS_ROLES)
    row = UnitLetterSettings.objects.select_for_update().filter(unit=unit).first()
    row = row or UnitLetterSettings(unit=unit)
    before = {name: getattr(row, name) for name in SETTINGS_FIELDS}
    after = {
        "review_body": review_body.strip(),
        "court": court.strip(),
        "fee_payment": fee_payment.strip(),
    }
    if before == after and row.pk:
        raise ValidationError("设置没有变化，未保存。")
    for name, value in after.items():
        setattr(row, name, value)
    row.updated_by = actor
    row.save()
    record(
        actor=actor,
        action="application_letter_settings.save",
        target=row,
        data={"changes": changes(before, after)},
    )
    return row
