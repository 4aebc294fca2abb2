from django.contrib import admin

from .models import Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("full_name", "code", "kind", "government", "is_active", "merged_into")
    list_filter = ("kind", "is_active", "government")
    search_fields = ("full_name", "short_name", "code", "credit_code")

    # Units are created, changed, merged and deleted by the openness office in the console,
    # whose services validate, check permissions and keep the history; here they are only read.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
