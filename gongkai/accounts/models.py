from django.contrib.auth.models import AbstractUser
from django.db import models

from .roles import Role


class User(AbstractUser):
    """A staff account. Citizens need no account: applicants use a tracking number and code.

    A person may hold several accounts; `person_key` (a keyed hash of their resident ID
    number) links them to one identity, and `created_by` remembers who knew the account's
    first password, so separation of duties can ask whether two accounts are one person."""

    person_key = models.CharField(
        "身份标识", max_length=64, blank=True, default="", db_default="", db_index=True
    )
    created_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # An initial password was chosen by someone else: its owner replaces it before any work.
    must_change_password = models.BooleanField(default=False, db_default=False)

    class Meta:
        verbose_name = "工作人员"
        verbose_name_plural = "工作人员"
        constraints = [
            # 三员分立 leaves no back door: no account stands above the roles.
            models.CheckConstraint(condition=models.Q(is_superuser=False), name="no_superuser")
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    def get_full_name(self):
        # Chinese names are family name first, with no space.
        return f"{self.last_name}{self.first_name}".strip()


class Membership(models.Model):
    """A role held by a person in a unit. An office role is held on a government unit and
    reaches every unit of that government."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership")
        ]
        verbose_name = "角色"
        verbose_name_plural = "角色"

    def __str__(self):
        return f"{self.user} · {self.unit.short_name} · {self.get_role_display()}"
