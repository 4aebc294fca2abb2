from django.contrib import admin

from .models import Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("full_name", "code", "kind", "government", "is_active", "merged_into")
    list_filter = ("kind", "is_active", "government")
    search_fields = ("full_name", "short_name", "code", "credit_code")
    readonly_fields = ("government", "merged_into", "merged_on")

    def has_delete_permission(self, request, obj=None):
        # Units are deleted, merged or deactivated through the console, which keeps history.
        return False
