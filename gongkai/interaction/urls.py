from django.urls import path

from . import feeds, views

portal_urlpatterns = [
    path("interaction/", views.index, name="index"),
    path("interaction/feed/", feeds.AnswerFeed(), name="feed"),
    path("interaction/ask/", views.ask, name="ask"),
    path("interaction/receipt/", views.receipt, name="receipt"),
    path("interaction/status/", views.status, name="status"),
    path("interaction/<int:pk>/", views.detail, name="detail"),
    path("interaction/faq/<slug:code>/", views.faq, name="faq"),
]

console_urlpatterns = [
    path("", views.queue, name="queue"),
    path("faq/", views.faq_list, name="faq"),
    path("faq/<int:pk>/retire/", views.faq_retire, name="faq-retire"),
    path("<int:pk>/", views.console_detail, name="detail"),
    path("<int:pk>/unmask/", views.unmask, name="unmask"),
    path("<int:pk>/<str:action>/", views.act, name="act"),
]
