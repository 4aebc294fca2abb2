from django.urls import path

from . import views

portal_urlpatterns = [
    path("decisions/", views.index, name="index"),
    path("decisions/<str:code>/<int:year>/", views.catalogue, name="catalogue"),
    path("decisions/<str:code>/<int:year>/<int:number>/", views.decision, name="decision"),
]

console_urlpatterns = [
    path("", views.console_index, name="index"),
    path("governments/<int:government_pk>/new/", views.catalogue_new, name="catalogue-new"),
    path("catalogues/<int:pk>/", views.console_catalogue, name="catalogue"),
    path("catalogues/<int:pk>/publish/", views.catalogue_publish, name="catalogue-publish"),
    path("catalogues/<int:pk>/add/", views.decision_add, name="decision-add"),
    path("<int:pk>/", views.console_decision, name="decision"),
    path("<int:pk>/step/", views.step, name="step"),
    path("<int:pk>/decided/", views.decided, name="decided"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
]
