from django.urls import path

from . import views

portal_urlpatterns = [
    path("feedback/", views.leave, name="form"),
    path("feedback/thanks/", views.thanks, name="thanks"),
]

console_urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/handle/", views.handle, name="handle"),
]
