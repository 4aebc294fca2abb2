from django.urls import path

from . import views

portal_urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/notice/", views.notice, name="notice"),
    path("apply/form.<str:fmt>", views.paper_form, name="paper-form"),
    path("apply/receipt/", views.receipt, name="receipt"),
    path("apply/status/", views.status, name="status"),
    path("apply/letters/<int:pk>/", views.applicant_letter, name="letter"),
    path("apply/files/<int:pk>/", views.released_file, name="released-file"),
]

console_urlpatterns = [
    path("", views.queue, name="queue"),
    path("register/", views.register, name="register"),
    path("templates/", views.templates, name="templates"),
    path("templates/<str:key>/", views.template_edit, name="template"),
    path("policy/", views.policy_edit, name="policy"),
    path("letter-settings/", views.letter_settings, name="letter-settings"),
    path("letter-settings/<slug:code>/", views.letter_settings_edit, name="letter-settings-edit"),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/publish/", views.publish_proactively, name="publish"),
    path("<int:pk>/unmask/", views.unmask, name="unmask"),
    path("<int:pk>/identity-proof/", views.identity_proof, name="identity-proof"),
    path("<int:pk>/letters/<int:letter_pk>/", views.letter, name="letter"),
    path("<int:pk>/<str:action>/", views.act, name="act"),
]
