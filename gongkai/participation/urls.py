from django.urls import path

from . import feeds, views

portal_urlpatterns = [
    path("consultations/", views.public_list, name="list"),
    path("consultations/feed/", feeds.OpenConsultationFeed(), name="feed"),
    path("consultations/<int:pk>/", views.public_detail, name="detail"),
    path("consultations/<int:pk>/comment/", views.comment, name="comment"),
    path("consultations/<int:pk>/thanks/", views.thanks, name="thanks"),
    path(
        "consultations/<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment,
        name="attachment",
    ),
]

console_urlpatterns = [
    path("", views.console_list, name="list"),
    path("units/<int:unit_pk>/new/", views.create, name="create"),
    path("units/<int:unit_pk>/stakeholders/", views.stakeholders, name="stakeholders"),
    path("<int:pk>/", views.console_detail, name="detail"),
    path("<int:pk>/open/", views.open_consultation, name="open"),
    path("<int:pk>/attach/", views.attach, name="attach"),
    path("<int:pk>/comments/<int:comment_pk>/show/", views.show, name="show"),
    path("<int:pk>/comments/<int:comment_pk>/hide/", views.hide, name="hide"),
    path("<int:pk>/comments/<int:comment_pk>/move/", views.move, name="move"),
    path("<int:pk>/groups/<int:group_pk>/dispose/", views.dispose, name="dispose"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/comment/",
        views.stakeholder_comment,
        name="stakeholder-comment",
    ),
    path("<int:pk>/feedback-report/", views.feedback_report, name="feedback-report"),
    path("<int:pk>/close/", views.close, name="close"),
]
