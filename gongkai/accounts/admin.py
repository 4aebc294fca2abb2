from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from .models import Membership, User
from .services import ROLE_SEPARATION_MESSAGE, roles_may_share_an_account


class MembershipFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        roles = {
            form.cleaned_data["role"]
            for form in self.forms
            if form.cleaned_data.get("role") and not form.cleaned_data.get("DELETE")
        }
        if not roles_may_share_an_account(roles):
            raise ValidationError(ROLE_SEPARATION_MESSAGE)


class MembershipInline(admin.TabularInline):
    model = Membership
    formset = MembershipFormSet
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class StaffAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = ("username", "last_name", "first_name", "is_active", "last_login")
