"""The legal arithmetic of publishing an enforcement decision, as small pure functions.

The deadline: a decision of 行政许可 or 行政处罚 is published within 7 working days of the
day it was made (the "双公示" practice; rules.md records its national source as
UNCONFIRMED, so the number is one constant here). The publication period: how long a
decision stays on the site. Local rules differ; these defaults follow common practice and
are the one place to change.
"""

from datetime import date, timedelta

from gongkai.core.masking import mask_name, mask_resident_id
from gongkai.workdays.calendar import Calendar, add_working_days

PUBLISH_WITHIN_WORKING_DAYS = 7
LICENCE, PENALTY, COERCION = "licence", "penalty", "coercion"
# Days a decision stays public after it is published; None: while it is in force.
PUBLICATION_DAYS = {LICENCE: None, PENALTY: 3 * 365, COERCION: 3 * 365}
NATURAL_PERSON = "natural_person"


def publication_due(calendar: Calendar, decided_on: date) -> date:
    """The last day on which the decision may be published in time."""
    return add_working_days(calendar, decided_on, PUBLISH_WITHIN_WORKING_DAYS)


def is_late(calendar: Calendar, decided_on: date, published_on: date) -> bool:
    return published_on > publication_due(calendar, decided_on)


def public_until(kind: str, published_on: date) -> date | None:
    days = PUBLICATION_DAYS[kind]
    return None if days is None else published_on + timedelta(days=days)


def shown_party(party_kind: str, name: str, identifier: str) -> tuple[str, str]:
    """What the public sees of the party: a natural person's name and identity number are
    masked; an enterprise's or organisation's name and credit code are public."""
    if party_kind == NATURAL_PERSON:
        return mask_name(name), mask_resident_id(identifier) if identifier else ""
    return name, identifier
