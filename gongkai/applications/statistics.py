"""Counts for the annual report (table 三 and table 四), read from the facts.

For a year Y and applicant kind K, with R the received date and P the date of the reply (or of
the closing decision) of each application:

- ``new``: R in Y;
- ``carried_over``: R before 1 January Y and no reply before then;
- each outcome: P in Y, in the row of the reply's outcome;
- ``carried_forward``: R by 31 December Y and no reply by then.

So new + carried_over = Σ outcomes + carried_forward for every column, and this year's
carried_over equals last year's carried_forward.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from .models import Application, Remedy, RemedyKind, RemedyResult
from .outcomes import ApplicantKind, Outcome

ROW_KEYS = ("new", "carried_over", *Outcome.values, "carried_forward")
REMEDY_PREFIX = {
    RemedyKind.REVIEW: "review",
    RemedyKind.LITIGATION_DIRECT: "litigation_direct",
    RemedyKind.LITIGATION_AFTER_REVIEW: "litigation_after_review",
}


@dataclass
class RequestStatistics:
    year: int
    cells: dict = field(default_factory=dict)
    records: dict = field(default_factory=dict)


def _unit_ids(units):
    return [getattr(unit, "pk", unit) for unit in units]


def request_statistics(*, units, year):
    """Table 三 counts for the given units (a government passes all its units) and year."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    rows = (
        Application.objects.filter(unit__in=_unit_ids(units), received_on__lte=last)
        .filter(Q(reply__isnull=True) | Q(reply__replied_on__gte=first))
        .values_list("pk", "applicant_kind", "received_on", "reply__replied_on", "reply__outcome")
        .order_by("pk")
    )
    records = defaultdict(list)
    for pk, kind, received, replied, outcome in rows:
        if received >= first:
            records[("new", kind)].append(pk)
        else:
            records[("carried_over", kind)].append(pk)
        if replied is not None and replied <= last:
            records[(outcome, kind)].append(pk)
        else:
            records[("carried_forward", kind)].append(pk)
    cells = {
        (row, kind): len(records.get((row, kind), ()))
        for row in ROW_KEYS
        for kind in ApplicantKind.values
    }
    full_records = {key: list(records.get(key, ())) for key in cells}
    return RequestStatistics(year=year, cells=cells, records=full_records)


def review_records(*, units, year):
    """Table 四's cells as lists of remedy ids: reviews and lawsuits filed in the year, by
    their result at the year's end (undecided by 31 December counts as pending)."""
    last = datetime.date(year, 12, 31)
    records = {
        f"{prefix}.{result}": []
        for prefix in REMEDY_PREFIX.values()
        for result in (*RemedyResult.values, "total")
    }
    remedies = Remedy.objects.filter(
        application__unit__in=_unit_ids(units), filed_on__year=year
    ).order_by("pk")
    for pk, kind, result, decided_on in remedies.values_list("pk", "kind", "result", "decided_on"):
        if decided_on is None or decided_on > last:
            result = RemedyResult.PENDING
        prefix = REMEDY_PREFIX[kind]
        records[f"{prefix}.{result}"].append(pk)
        records[f"{prefix}.total"].append(pk)
    return records


def review_statistics(*, units, year):
    """Table 四's counts (see `review_records`)."""
    return {key: len(ids) for key, ids in review_records(units=units, year=year).items()}
