from django.urls import path

from . import catalogue_views, indicator_views, training_views, views, workpoint_views

portal_urlpatterns = [
    path("month/", views.month, name="month"),
    path("month/chart/<slug:kind>.svg", views.month_chart, name="month-chart"),
    path("month/report.<str:fmt>", views.month_download, name="month-download"),
    path("catalogues/", catalogue_views.catalogue_index, name="catalogues"),
    path("catalogues/template.xlsx", catalogue_views.catalogue_template, name="catalogue-template"),
    path("catalogues/<int:pk>/", catalogue_views.catalogue_version, name="catalogue-version"),
    path("catalogues/units/<int:unit>/", catalogue_views.catalogue_unit, name="catalogue-unit"),
    path("catalogues/adoptions/<int:pk>/", catalogue_views.adoption_edit, name="adoption-edit"),
    path("work-points/", workpoint_views.plans, name="work-plans"),
    path("work-points/<int:pk>/", workpoint_views.plan, name="work-plan"),
    path("work-points/tasks/<int:pk>/", workpoint_views.task, name="work-task"),
    path("work-points/units/<int:unit>/<int:year>/", workpoint_views.draft, name="work-draft"),
]

console_urlpatterns = [
    path("", views.index, name="index"),
    path("units/<int:unit>/<slug:code>/", views.problems, name="problems"),
    path("reminders/", views.reminders, name="reminders"),
    path("history/", views.history, name="history"),
    path("rectifications/", views.rectification_list, name="rectifications"),
    path("rectifications/<int:pk>/", views.rectification, name="rectification"),
    path("findings/<int:finding>/assign/", views.assign, name="assign"),
    path("month/", views.month, name="month"),
    path("month/chart/<slug:kind>.svg", views.month_chart, name="month-chart"),
    path("month/report.<str:fmt>", views.month_download, name="month-download"),
    path("catalogues/", catalogue_views.catalogue_index, name="catalogues"),
    path("catalogues/template.xlsx", catalogue_views.catalogue_template, name="catalogue-template"),
    path("catalogues/<int:pk>/", catalogue_views.catalogue_version, name="catalogue-version"),
    path("catalogues/units/<int:unit>/", catalogue_views.catalogue_unit, name="catalogue-unit"),
    path("catalogues/adoptions/<int:pk>/", catalogue_views.adoption_edit, name="adoption-edit"),
    path("work-points/", workpoint_views.plans, name="work-plans"),
    path("work-points/<int:pk>/", workpoint_views.plan, name="work-plan"),
    path("work-points/tasks/<int:pk>/", workpoint_views.task, name="work-task"),
    path("work-points/units/<int:unit>/<int:year>/", workpoint_views.draft, name="work-draft"),
    path("trainings/", training_views.trainings, name="trainings"),
    path("trainings/record/", training_views.record_new, name="training-record"),
    path("trainings/<int:pk>/", training_views.detail, name="training"),
    path("indicators/", indicator_views.indicators, name="indicators"),
    path("indicators/<slug:code>/", indicator_views.edit, name="indicator"),
]
