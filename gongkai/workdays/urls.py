from django.urls import path

from . import views

portal_urlpatterns = [
    path("workdays/", views.calculator, name="calculator"),
]

console_urlpatterns = [
    path("", views.index, name="index"),
    path("notice/", views.notice, name="notice"),
    path("year/new/", views.new_year, name="new-year"),
    path("year/<int:year>/", views.year_detail, name="year"),
    path("year/<int:year>/edit/", views.year_edit, name="edit"),
]
