from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.accounts import views as account_views

from . import views

app_name = "console"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="console:login"), name="logout"),
    path("units/", views.unit_list, name="units"),
    path("units/new/", views.unit_edit, name="unit-new"),
    path("units/<int:pk>/", views.unit_edit, name="unit-edit"),
    path("units/<int:pk>/merge/", views.unit_merge, name="unit-merge"),
    path("units/<int:pk>/delete/", views.unit_delete, name="unit-delete"),
    path("staff/", views.staff_home, name="staff-home"),
    path("staff/<int:pk>/", views.staff_list, name="staff"),
    path("staff/<int:pk>/<int:user_pk>/toggle/", views.staff_toggle, name="staff-toggle"),
    path("accounts/", views.accounts, name="accounts"),
    path("accounts/<int:pk>/toggle/", views.account_toggle, name="account-toggle"),
    path("password/", views.password_change, name="password"),
    path("audit/", views.audit_log, name="audit"),
    path("audit/verify/", views.audit_verify, name="audit-verify"),
    path("security/lockouts/", views.lockouts, name="lockouts"),
    path("second-factor/", account_views.verify, name="second-factor"),
    path("second-factor/setup/", account_views.setup, name="second-factor-setup"),
    path("security/second-factor/", account_views.reset_list, name="second-factor-reset"),
    path(
        "security/second-factor/<int:pk>/reset/",
        account_views.reset,
        name="second-factor-reset-one",
    ),
]
