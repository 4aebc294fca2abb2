from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import console_views, feeds, views

SITEMAPS = {"documents": feeds.DocumentSitemap, "units": feeds.UnitColumnSitemap}

portal_urlpatterns = [
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/print/", views.document_print, name="document-print"),
    path(
        "documents/<int:pk>/versions/<int:number>/", views.document_version, name="document-version"
    ),
    path(
        "documents/<int:pk>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path("policies/", views.policy_library, name="policies"),
    path("contingency-plans/", views.contingency_plans, name="contingency-plans"),
    path("feeds/units/<slug:code>/", feeds.UnitFeed(), name="feed-unit"),
    path("feeds/categories/<str:category>/", feeds.CategoryFeed(), name="feed-category"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]

console_urlpatterns = [
    path("", console_views.document_list, name="list"),
    path("new/", console_views.document_new, name="new"),
    path("import/", console_views.document_import, name="import"),
    path("<int:pk>/", console_views.document_detail, name="detail"),
    path("<int:pk>/edit/", console_views.document_edit, name="edit"),
    path("<int:pk>/attachments/", console_views.attachment_add, name="attach"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        console_views.attachment_view,
        name="attachment",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_id>/delete/",
        console_views.attachment_remove,
        name="detach",
    ),
    path("<int:pk>/submit/", console_views.submit, name="submit"),
    path("<int:pk>/return/", console_views.return_to_draft, name="return"),
    path("<int:pk>/review/", console_views.review, name="review"),
    path("<int:pk>/override/", console_views.override, name="override"),
    path("<int:pk>/publish/", console_views.publish, name="publish"),
    path("<int:pk>/revise/", console_views.start_revision, name="revise"),
    path("<int:pk>/withdraw/", console_views.withdraw, name="withdraw"),
    path("<int:pk>/urgent/", console_views.publish_urgent, name="urgent"),
    path("<int:pk>/urgent/lift/", console_views.lift_urgent, name="urgent-lift"),
    path(
        "<int:pk>/urgent/reviews/<int:review_id>/",
        console_views.close_urgent_review,
        name="urgent-review",
    ),
    path("guide/<slug:code>/", console_views.guide_edit, name="guide"),
    path("columns/<slug:code>/", console_views.columns, name="columns"),
    path("expressions/", console_views.expressions, name="expressions"),
]
