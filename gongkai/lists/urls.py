from django.urls import path

from . import views

portal_urlpatterns = [
    path("lists/", views.index, name="index"),
    path("lists/search/", views.search, name="search"),
    path("lists/service-halls/", views.halls, name="halls"),
    path("lists/<slug:kind>/", views.kind_page, name="kind"),
    path("lists/<slug:kind>/template.xlsx", views.template, name="template"),
    path("lists/<slug:kind>/feed/", views.KindFeed(), name="feed"),
    path("lists/<slug:kind>/<slug:code>/", views.unit_list, name="unit"),
    path("lists/<slug:kind>/<slug:code>/list.xlsx", views.download, name="download"),
    path("lists/<slug:kind>/<slug:code>/versions/", views.history, name="history"),
    path("lists/<slug:kind>/<slug:code>/v<int:number>/", views.version_page, name="version"),
]

console_urlpatterns = [
    path("", views.console_home, name="home"),
    path("office/", views.office, name="office"),
    path("template/<slug:kind>.xlsx", views.template_download, name="template"),
    path("<int:unit_pk>/<slug:kind>/", views.workspace, name="workspace"),
    path("<int:unit_pk>/<slug:kind>/start/", views.start, name="start"),
    path("drafts/<int:pk>/entries/new/", views.entry_edit, name="entry-new"),
    path("drafts/<int:pk>/entries/<int:entry_pk>/", views.entry_edit, name="entry-edit"),
    path("drafts/<int:pk>/entries/<int:entry_pk>/delete/", views.entry_delete, name="entry-delete"),
    path("drafts/<int:pk>/submit/", views.submit, name="submit"),
    path("drafts/<int:pk>/return/", views.return_draft, name="return"),
    path("drafts/<int:pk>/publish/", views.publish, name="publish"),
]
