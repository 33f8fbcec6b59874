"""Server-rendered pages (SPEC §10)."""

from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from claims.web.captures import (
    capture_answer_view,
    capture_detail_view,
    capture_list_view,
    capture_new_view,
    suggestion_decide_view,
)
from claims.web.claim_actions import claim_action_view
from claims.web.claim_detail import claim_detail_view
from claims.web.claims import claim_create_view, claim_list_view
from claims.web.converters import IdConverter
from claims.web.events import event_detail_view, event_list_view
from claims.web.inbox import inbox_decide_view, inbox_view, outlet_feed_add_view
from claims.web.jobs import import_view, job_detail_view, job_list_view
from claims.web.login import LoginView
from claims.web.outlets import dependence_decide_view, outlet_detail_view, outlet_grade_view, outlet_list_view
from claims.web.review import review_queue_view
from claims.web.webhooks import webhook_action_view, webhook_detail_view, webhook_list_view

register_converter(IdConverter, "id64")

app_name = "web"
urlpatterns = [
    path("", claim_list_view, name="claim-list"),
    path("claims/new/", claim_create_view, name="claim-create"),
    path("claims/<id64:pk>/", claim_detail_view, name="claim-detail"),
    path("claims/<id64:pk>/<slug:action>/", claim_action_view, name="claim-action"),
    path("outlets/", outlet_list_view, name="outlet-list"),
    path("outlets/<slug:slug>/", outlet_detail_view, name="outlet-detail"),
    path("outlets/<slug:slug>/grade/", outlet_grade_view, name="outlet-grade"),
    path("dependence/<id64:pk>/", dependence_decide_view, name="dependence-decide"),
    path("outlets/<slug:slug>/feeds/", outlet_feed_add_view, name="outlet-feed-add"),
    path("inbox/", inbox_view, name="inbox"),
    path("inbox/<id64:pk>/<slug:decision>/", inbox_decide_view, name="inbox-decide"),
    path("events/", event_list_view, name="event-list"),
    path("events/<slug:slug>/", event_detail_view, name="event-detail"),
    path("review/", review_queue_view, name="review-queue"),
    path("imports/new/", import_view, name="import"),
    path("captures/", capture_list_view, name="capture-list"),
    path("captures/new/", capture_new_view, name="capture-new"),
    path("captures/<id64:pk>/", capture_detail_view, name="capture-detail"),
    path("captures/<id64:pk>/<slug:answer>/", capture_answer_view, name="capture-answer"),
    path("suggestions/<id64:pk>/<slug:decision>/", suggestion_decide_view, name="suggestion-decide"),
    path("jobs/", job_list_view, name="job-list"),
    path("webhooks/", webhook_list_view, name="webhook-list"),
    path("webhooks/<id64:pk>/", webhook_detail_view, name="webhook-detail"),
    path("webhooks/<id64:pk>/<slug:action>/", webhook_action_view, name="webhook-action"),
    path("jobs/<id64:pk>/", job_detail_view, name="job-detail"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
