from django.urls import path

from gongkai.publishing import views as publishing_views
from gongkai.reports import views as report_views

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("units/", views.directory, name="directory"),
    path("units/<slug:code>/", views.unit_detail, name="unit"),
    path("units/<slug:code>/guide/", publishing_views.column_guide, name="column-guide"),
    path("units/<slug:code>/rules/", publishing_views.column_rules, name="column-rules"),
    path(
        "units/<slug:code>/statutory/", publishing_views.column_statutory, name="column-statutory"
    ),
    path("units/<slug:code>/annual-reports/", report_views.column_reports, name="column-reports"),
    path("display/", views.display_settings, name="display"),
    path("display.css", views.display_stylesheet, name="display-css"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("contact/", views.contact, name="contact"),
    path("site-map/", views.site_map, name="site-map"),
]
