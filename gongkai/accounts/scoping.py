"""The one scope layer: what a person may see and act on, for every path (console pages, forms'
choice fields, drill-down lists, console search, the API's staff endpoints).

Views, API endpoints and forms read business records only through these functions; a
structural test (`core/tests/test_structure.py`) fails when one reads such a model directly.
The rules, in one place:

- a business role reaches the records of the units it is held in (the office role: every unit
  of its government); the three administrators hold no business role, so they reach no
  business record at all (三员分立);
- business roles never manage an administrator's account;
- nobody reviews what they wrote, edited or submitted, whatever account they use: accounts
  are one person when they share an identity (`User.person_key`) or one created the other
  (its creator knew its first password).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from gongkai.units.models import Unit

from .models import Membership, User
from .permissions import has_any_role, units_for
from .roles import ADMINISTRATOR_ROLES, WORK_ROLES, Role

# ---------------------------------------------------------------- units


def work_units(user, *roles):
    """Units where `user` holds one of the business `roles` (any business role when none are
    given); administrator roles never count."""
    wanted = (set(roles) or set(WORK_ROLES)) & WORK_ROLES
    if not wanted:
        return Unit.objects.none()
    return units_for(user, *wanted)


# ---------------------------------------------------------------- business records


def documents(user, *roles):
    """Documents (drafts included) of the user's units."""
    from gongkai.publishing.models import Document

    return Document.objects.filter(unit__in=work_units(user, *roles))


def readable_documents(user):
    """Documents of the user's units, and published documents anyone may read."""
    from gongkai.publishing.models import Document

    return Document.objects.filter(
        Q(unit__in=work_units(user)) | Q(pk__in=Document.objects.published().values("pk"))
    )


def published_revisions():
    """Versions anyone may read: the published one and those it superseded."""
    from gongkai.publishing.models import Revision, RevisionStatus

    return Revision.objects.filter(status__in=(RevisionStatus.PUBLISHED, RevisionStatus.SUPERSEDED))


def public_attachments():
    """Attachments of published versions of proactively disclosed, published documents."""
    from gongkai.publishing import vocabularies as v
    from gongkai.publishing.models import Attachment, DocumentState

    return Attachment.objects.filter(
        revision__in=published_revisions(),
        revision__document__state=DocumentState.PUBLISHED,
        revision__document__disclosure=v.PROACTIVE,
    )


def revisions(user, *roles):
    from gongkai.publishing.models import Revision

    return Revision.objects.filter(document__unit__in=work_units(user, *roles))


def alerts(user):
    from gongkai.publishing.models import Alert

    return Alert.objects.filter(unit__in=work_units(user))


def applications(user, *roles):
    """Applications received by the user's units (the office: its government's)."""
    from gongkai.applications.models import READING_ROLES, Application

    return Application.objects.filter(unit__in=work_units(user, *(roles or READING_ROLES)))


def extension_requests(user):
    """Extensions waiting for this user's approval: pending requests in the units where the
    user is the head of the openness body (only the head may extend, Art. 33)."""
    from gongkai.applications.models import ExtensionRequest

    return ExtensionRequest.objects.pending().filter(
        application__in=applications(user, Role.BODY_HEAD)
    )


def applicant_applications(ids):
    """What an applicant reaches: the applications whose tracking number and access code they
    gave in this session (`ids` is what the session remembers)."""
    from gongkai.applications.models import Application

    return Application.objects.filter(pk__in=[i for i in ids if isinstance(i, int)])


def applicant_letters(ids):
    from gongkai.applications.models import Letter

    return Letter.objects.filter(application__in=applicant_applications(ids)).select_related(
        "application"
    )


def remedies(user):
    from gongkai.applications.models import Remedy

    return Remedy.objects.filter(application__in=applications(user))


def reports(user):
    from gongkai.reports.models import AnnualReport
    from gongkai.reports.workflow import READ_ROLES

    return AnnualReport.objects.filter(unit__in=work_units(user, *READ_ROLES))


def linkable_documents(unit):
    """Documents a document of `unit` may amend, repeal, replace or interpret: its own unit's,
    those it co-issued, and — for a people's government — its own departments' (the law lets
    a government repeal or amend what its departments issued). Never another unit's."""
    from gongkai.publishing.models import Document

    allowed = Q(unit=unit) | Q(co_issuers=unit)
    if unit.is_government:
        allowed |= Q(unit__government=unit)
    return Document.objects.filter(allowed).distinct()


# ---------------------------------------------------------------- supervision


def supervised_units(user):
    """Units whose supervision figures (dashboard, inspection, rectification) the user sees:
    the office every unit of its government, anyone else the units they work in."""
    return work_units(user)


def findings(user):
    from gongkai.oversight.models import Finding

    return Finding.objects.filter(unit__in=work_units(user))


def scores(user):
    from gongkai.oversight.models import Score

    return Score.objects.filter(unit__in=work_units(user))


def rectifications(user):
    from gongkai.oversight.models import Rectification

    return Rectification.objects.filter(unit__in=work_units(user))


def adoptions(user):
    """Standard-catalogue items adopted by the user's units."""
    from gongkai.oversight.models import Adoption

    return Adoption.objects.filter(unit__in=work_units(user))


def lists(user, *roles):
    """Public lists (权责清单, 办事指南…) of the user's units."""
    from gongkai.lists.models import PublicList

    return PublicList.objects.filter(unit__in=work_units(user, *roles))


def list_versions(user, *roles):
    """Versions (drafts included) of the lists of the user's units."""
    from gongkai.lists.models import ListVersion

    return ListVersion.objects.filter(public_list__unit__in=work_units(user, *roles))


def list_entries(user, *roles):
    from gongkai.lists.models import Entry

    return Entry.objects.filter(version__in=list_versions(user, *roles))


def decisions(user, *roles):
    """Enforcement decisions (unpublished ones included) of the user's units."""
    from gongkai.enforcement.models import Decision

    return Decision.objects.filter(unit__in=work_units(user, *roles))


def decision_catalogues(user, *roles):
    """Catalogues of major decisions of the governments where the user holds `roles` (the
    office: its government's)."""
    from gongkai.decisions.models import Catalogue

    return Catalogue.objects.filter(government__in=work_units(user, *roles))


def major_decisions(user, *roles):
    """Major decisions the user reaches: those of the catalogues of their governments and
    those their units are responsible for."""
    from gongkai.decisions.models import Decision

    units = work_units(user, *roles)
    return Decision.objects.filter(Q(unit__in=units) | Q(catalogue__government__in=units))


def hearings(user, *roles):
    """Hearings organised by the user's units."""
    from gongkai.decisions.models import Hearing

    return Hearing.objects.filter(unit__in=work_units(user, *roles))


def meetings(user, *roles):
    """Open meetings of the user's units."""
    from gongkai.decisions.models import Meeting

    return Meeting.objects.filter(unit__in=work_units(user, *roles))


def questions(user, *roles):
    """政民互动 questions the user may handle or supervise: those assigned to the user's units,
    and — for the openness office — every question sent to its government, assigned or not."""
    from gongkai.interaction.models import Question

    reach = Q(unit__in=work_units(user, *roles))
    if not roles or Role.OFFICE in roles:
        reach |= Q(government__in=work_units(user, Role.OFFICE).filter(kind="government"))
    return Question.objects.filter(reach)


def faq_entries(user, *roles):
    """Frequently asked questions of the user's units."""
    from gongkai.interaction.models import FaqEntry

    return FaqEntry.objects.filter(unit__in=work_units(user, *roles))


def asker_questions(ids):
    """What an asker reaches: the questions whose number and access code they gave in this
    session (`ids` is what the session remembers)."""
    from gongkai.interaction.models import Question

    return Question.objects.filter(pk__in=[i for i in ids if isinstance(i, int)])


def work_tasks(user):
    """Work-point tasks of the user's units (the office: its government's)."""
    from gongkai.oversight.models import WorkTask

    return WorkTask.objects.filter(unit__in=work_units(user))


def work_plans(user):
    """Work plans of the governments the user works under."""
    from gongkai.oversight.models import WorkPlan

    governments = work_units(user).values("government")
    return WorkPlan.objects.filter(government__in=governments)


def trainings(user):
    """Training plans and records of the user's units (the office: its government's, its
    own included)."""
    from gongkai.oversight.models import Training

    return Training.objects.filter(unit__in=work_units(user))


def work_reminders(user):
    """The user's own reminders of work-point tasks due soon or late."""
    from gongkai.oversight.models import WorkReminder

    return WorkReminder.objects.filter(user=user, task__unit__in=work_units(user))


def consultations(user, *roles):
    """Consultations on drafts (drafts included) of the user's units."""
    from gongkai.participation.models import Consultation

    return Consultation.objects.filter(unit__in=work_units(user, *roles))


def consultation_comments(user, *roles):
    """Comments on the consultations of the user's units (personal data shown masked)."""
    from gongkai.participation.models import Comment

    return Comment.objects.filter(consultation__in=consultations(user, *roles))


def comment_groups(user, *roles):
    from gongkai.participation.models import CommentGroup

    return CommentGroup.objects.filter(consultation__in=consultations(user, *roles))


def stakeholders(user, *roles):
    """The representative enterprises and associations the user's units consult."""
    from gongkai.participation.models import Stakeholder

    return Stakeholder.objects.filter(unit__in=work_units(user, *roles))


def invitations(user, *roles):
    from gongkai.participation.models import Invitation

    return Invitation.objects.filter(consultation__in=consultations(user, *roles))


def incidents(user, *roles):
    """Public-opinion incidents the user's units answer for, handle or supervise after an
    escalation (the office: every incident of its government)."""
    from gongkai.concerns.models import Incident

    units = work_units(user, *roles)
    return Incident.objects.filter(
        Q(handling_unit__in=units) | Q(responsible_unit__in=units) | Q(escalated_to__in=units)
    )


def press_conferences(user, *roles):
    """Press-conference records (drafts included) of the user's units."""
    from gongkai.concerns.models import PressConference

    return PressConference.objects.filter(unit__in=work_units(user, *roles))


# ---------------------------------------------------------------- accounts


def accounts_with_roles():
    """Every staff account holding a role: the system administrator's view of accounts."""
    return User.objects.filter(memberships__isnull=False).distinct()


def administrator_accounts():
    return User.objects.filter(memberships__role__in=ADMINISTRATOR_ROLES).distinct()


def is_administrator(user) -> bool:
    return Membership.objects.filter(user=user, role__in=ADMINISTRATOR_ROLES).exists()


def staff_memberships(actor, unit):
    """The memberships a unit administrator (or the office) manages in `unit`: never those of
    administrator accounts."""
    if not work_units(actor, Role.UNIT_ADMIN, Role.OFFICE).filter(pk=unit.pk).exists():
        raise PermissionDenied("您没有管理该单位人员的权限。")
    return Membership.objects.filter(unit=unit).exclude(user__in=administrator_accounts())


def staff_accounts(actor, unit):
    return User.objects.filter(pk__in=staff_memberships(actor, unit).values("user_id"))


def unit_staff(unit, roles):
    """Active accounts holding one of `roles` in `unit` (e.g. the handlers an application may
    be assigned to)."""
    return User.objects.filter(
        memberships__unit=unit, memberships__role__in=roles, is_active=True
    ).distinct()


def second_factor_accounts(actor):
    """The accounts whose second factor `actor` may reset: only the security administrator
    resets one, and never their own (they would pass the factor by resetting it)."""
    if not has_any_role(actor, Role.SECADMIN):
        return User.objects.none()
    return accounts_with_roles().exclude(pk=actor.pk)


def require_manageable_account(actor, user) -> None:
    """Business roles never manage an administrator's account."""
    if is_administrator(user) and not is_administrator(actor):
        raise PermissionDenied("管理员账号只能由系统管理员管理。")


# ---------------------------------------------------------------- separation of duties


def same_person(a, b) -> bool:
    """Whether accounts `a` and `b` may be one person acting twice."""
    if a is None or b is None:
        return False
    if a.pk == b.pk:
        return True
    if a.person_key and a.person_key == b.person_key:
        return True
    return a.created_by_id == b.pk or b.created_by_id == a.pk


def is_independent(actor, participants) -> bool:
    """Whether `actor` is, by none of their accounts, one of `participants` (ids or users)."""
    ids = {p if isinstance(p, int) else p.pk for p in participants if p is not None}
    if actor.pk in ids:
        return False
    return not any(same_person(actor, person) for person in User.objects.filter(pk__in=ids))


def participants(target, actions, since=None) -> set[int]:
    """Accounts recorded in the audit trail as having taken one of `actions` on `target`."""
    from gongkai.audit.models import AuditEvent

    events = AuditEvent.objects.for_target(target).filter(action__in=actions)
    if since is not None:
        events = events.filter(created_at__gte=since)
    return set(events.exclude(actor=None).values_list("actor_id", flat=True))
