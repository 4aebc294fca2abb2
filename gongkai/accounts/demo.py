"""Demo staff: for every unit an editor, a reviewer, a unit administrator and the head of its
disclosure working body; one openness office; and the three separate administrators."""

from gongkai.core import clock, demotime
from gongkai.units.models import Unit

from . import second_factor
from .models import Membership, User
from .roles import Role

DEMO_PASSWORD = "Demo-2026-gongkai"

UNIT_ROLES = (
    ("editor", Role.EDITOR, "录入员"),
    ("reviewer", Role.REVIEWER, "审核员"),
    ("admin", Role.UNIT_ADMIN, "管理员"),
    ("head", Role.BODY_HEAD, "负责人"),
)

GOVERNMENT_ACCOUNTS = (
    ("office", Role.OFFICE, "政务公开办"),
    ("office-reviewer", Role.OFFICE, "政务公开办审核"),
    ("sysadmin", Role.SYSADMIN, "系统管理员"),
    ("secadmin", Role.SECADMIN, "安全管理员"),
    ("auditadmin", Role.AUDITADMIN, "审计管理员"),
)

DEMO_LOGINS = (
    ("office", "政务公开办（监督全区各单位）"),
    ("office-reviewer", "政务公开办（审核区政府年度报告等）"),
    ("fgj-editor", "区发改局 录入"),
    ("fgj-reviewer", "区发改局 审核"),
    ("fgj-admin", "区发改局 单位管理员"),
    ("fgj-head", "区发改局 公开工作机构负责人"),
    ("sysadmin", "系统管理员（账号管理）"),
    ("secadmin", "安全管理员"),
    ("auditadmin", "审计管理员"),
)


def load(stdout):
    if not User.objects.filter(username="office").exists():
        # The accounts exist from the day the platform went live, before anything they did.
        with demotime.on(demotime.setup_day(clock.local_today())):
            _load_accounts(stdout)
    # Accounts that must give a second factor get the printed demo secret, through the same
    # enrolment steps as a person (accounts.second_factor); `demo_logins` says how to use it.
    # Enrolled now, on the real clock: the code it confirms with is the current one.
    for user in User.objects.filter(memberships__isnull=False).distinct():
        if second_factor.required(user):
            second_factor.enrol_demo_account(user)


def _load_accounts(stdout):
    # One Argon2 hash shared by every demo account keeps loading fast.
    template = User()
    template.set_password(DEMO_PASSWORD)
    government = Unit.objects.get(code="dlq")
    accounts = []
    for unit in Unit.objects.all():
        for suffix, role, label in UNIT_ROLES:
            accounts.append((f"{unit.code}-{suffix}", unit, role, unit.short_name, label))
    for username, role, label in GOVERNMENT_ACCOUNTS:
        accounts.append((username, government, role, "", label))
    users = User.objects.bulk_create(
        [
            User(
                username=username,
                last_name=last,
                first_name=first,
                password=template.password,
                date_joined=clock.now(),
            )
            for username, _unit, role, last, first in accounts
        ]
    )
    users = {
        user.username: user for user in User.objects.filter(username__in=[a[0] for a in accounts])
    }
    Membership.objects.bulk_create(
        [
            Membership(user=users[username], unit=unit, role=role)
            for username, unit, role, *_ in accounts
        ]
    )
    stdout.write(f"工作人员：{len(users)} 个账号（密码均为 {DEMO_PASSWORD}）")
