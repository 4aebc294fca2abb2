from django.db import models


class Role(models.TextChoices):
    EDITOR = "editor", "录入"
    REVIEWER = "reviewer", "审核"
    UNIT_ADMIN = "unit_admin", "单位管理员"
    BODY_HEAD = "body_head", "公开工作机构负责人"
    OFFICE = "office", "政务公开办"
    SYSADMIN = "sysadmin", "系统管理员"
    SECADMIN = "secadmin", "安全管理员"
    AUDITADMIN = "auditadmin", "审计管理员"


# 三员分立: each administrator role sits alone on its own account, apart from daily work.
ADMINISTRATOR_ROLES = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITADMIN})
WORK_ROLES = frozenset(set(Role) - ADMINISTRATOR_ROLES)
