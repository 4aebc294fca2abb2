from django.urls import path

from . import views

portal_urlpatterns = []

console_urlpatterns = [
    path("", views.index, name="index"),
    path("units/<int:unit>/<slug:code>/", views.problems, name="problems"),
    path("reminders/", views.reminders, name="reminders"),
    path("history/", views.history, name="history"),
    path("rectifications/", views.rectification_list, name="rectifications"),
    path("rectifications/<int:pk>/", views.rectification, name="rectification"),
    path("findings/<int:finding>/assign/", views.assign, name="assign"),
]
