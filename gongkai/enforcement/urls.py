from django.urls import path

from . import views

portal_urlpatterns = [
    path("enforcement/", views.public_list, name="list"),
    path("enforcement/<int:pk>/", views.public_detail, name="detail"),
    path("enforcement/feed/", views.DecisionFeed(), name="feed"),
]

console_urlpatterns = [
    path("", views.console_list, name="list"),
    path("units/<int:unit_pk>/new/", views.register, name="register"),
    path("units/<int:unit_pk>/source/", views.source, name="source"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
]
