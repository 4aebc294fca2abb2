"""The arithmetic of hearings and meetings, as small pure functions.

Selecting a hearing's participants: by order of registration (first come), or by a lottery
anyone can re-run — each registration number's SHA-256 with the published seed, smallest
first. The seed and the registration numbers are on the hearing's page, so the draw can be
checked without trusting the platform (`draw_order`).

A meeting's decisions are interpreted the same day; the platform flags one without its
interpretation once one working day after the meeting has passed (`interpretation_due`).
"""

import hashlib
from datetime import date

from gongkai.workdays.calendar import Calendar, add_working_days

FIRST_COME, LOTTERY = "first_come", "lottery"
INTERPRETATION_WITHIN_WORKING_DAYS = 1


def draw_key(seed: str, number: str) -> str:
    return hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()


def draw_order(seed: str, numbers: list[str]) -> list[str]:
    """The registration numbers in the order the lottery draws them."""
    return sorted(numbers, key=lambda number: (draw_key(seed, number), number))


def select(rule: str, numbers_in_order: list[str], seats: int, seed: str = "") -> list[str]:
    """The registrations selected: `numbers_in_order` is the order of registration."""
    if rule == FIRST_COME:
        return list(numbers_in_order[:seats])
    if rule == LOTTERY:
        return draw_order(seed, list(numbers_in_order))[:seats]
    raise ValueError(f"unknown selection rule {rule!r}")


def interpretation_due(calendar: Calendar, held_on: date) -> date:
    """The last day an interpretation of a meeting's decision is still on time."""
    return add_working_days(calendar, held_on, INTERPRETATION_WITHIN_WORKING_DAYS)


def interpretation_late(calendar: Calendar, held_on: date, today: date) -> bool:
    return today > interpretation_due(calendar, held_on)
