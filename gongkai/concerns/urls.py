from django.urls import path

from . import views

portal_urlpatterns = [
    path("concerns/responses/", views.responses, name="responses"),
    path("concerns/press/", views.press_list, name="press-list"),
    path("concerns/press/<int:pk>/", views.press_detail, name="press"),
]

console_urlpatterns = [
    path("", views.console_list, name="list"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/relevel/", views.relevel, name="relevel"),
    path("<int:pk>/first-response/", views.first_response, name="first-response"),
    path("<int:pk>/link/", views.link, name="link"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("<int:pk>/escalate/", views.escalate, name="escalate"),
    path("<int:pk>/report/", views.report, name="report"),
    path("press/", views.press_console, name="press"),
    path("press/new/", views.press_new, name="press-new"),
    path("press/<int:pk>/publish/", views.press_publish, name="press-publish"),
    path("press/<int:pk>/withdraw/", views.press_withdraw, name="press-withdraw"),
]
