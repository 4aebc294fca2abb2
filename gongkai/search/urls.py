from django.urls import path

from . import views

portal_urlpatterns = [
    path("search/", views.results, name="results"),
]

console_urlpatterns = [
    path("", views.console_search, name="index"),
]
