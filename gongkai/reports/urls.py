from django.urls import path

from . import views

portal_urlpatterns = [
    path("annual-reports/", views.report_index, name="index"),
    path("units/<slug:code>/annual-reports/<int:year>/", views.report_page, name="report"),
    path(
        "units/<slug:code>/annual-reports/<int:year>/report.docx",
        views.report_docx,
        name="report-docx",
    ),
    path(
        "units/<slug:code>/annual-reports/<int:year>/report.xlsx",
        views.report_xlsx,
        name="report-xlsx",
    ),
]

console_urlpatterns = [
    path("", views.report_list, name="list"),
    path("generate/", views.generate, name="generate"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/new-version/", views.new_version, name="new-version"),
    path("<int:pk>/cells/<str:table>/<str:key>/", views.cell, name="cell"),
    path("<int:pk>/records/<str:table>/", views.records, name="records"),
]
