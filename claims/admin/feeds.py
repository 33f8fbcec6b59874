"""Feeds, the inbox and watches in the admin (SPEC §16). Feeds are written through their services;
inbox items and watches are shown, and changed only where their services are (the web inbox, the API)."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.saving import ServiceAdmin, Services
from claims.errors import DomainError
from claims.models import Feed, InboxItem, Watch
from claims.roles import is_newsroom
from claims.services.feed_polls import feed_poll_request
from claims.services.feeds import feed_create, feed_pause, feed_resume, feed_update


def _each(request: HttpRequest, feeds: QuerySet, service: Callable[..., object]) -> tuple[int, list[str]]:
    count, refused = 0, []
    for feed in feeds:
        try:
            service(feed=feed, by=request.user)
            count += 1
        except DomainError as error:
            refused.append(f"{feed.url}: {error.message}")
    return count, refused


def _report(admin_view: admin.ModelAdmin, request: HttpRequest, count: int, refused: list[str], done: str) -> None:
    if count:
        admin_view.message_user(request, f"{count} feed(s) {done}.", messages.SUCCESS)
    for message in refused:
        admin_view.message_user(request, message, messages.ERROR)


@admin.register(Feed)
class FeedAdmin(ServiceAdmin):
    services = Services(noun="feed", create=feed_create, update=feed_update)
    list_display = ["url", "outlet", "state", "interval", "last_polled_at", "items_found", "last_error"]
    list_filter = ["state"]
    search_fields = ["url", "outlet__name"]
    list_select_related = ["outlet"]
    autocomplete_fields = ["outlet"]
    fields = [
        "outlet", "url", "interval", "state", "last_polled_at", "next_poll_at", "last_error", "consecutive_failures",
        "items_found", "created_by", "created_at",
    ]  # fmt: skip
    readonly_fields = [
        "state", "last_polled_at", "next_poll_at", "last_error", "consecutive_failures", "items_found", "created_by",
        "created_at",
    ]  # fmt: skip
    actions = ["poll_now", "pause", "resume"]

    @admin.action(description="Poll the selected feeds now")
    def poll_now(self, request: HttpRequest, feeds: QuerySet) -> None:
        _report(self, request, *_each(request, feeds, feed_poll_request), "asked to be polled")

    @admin.action(description="Pause the selected feeds")
    def pause(self, request: HttpRequest, feeds: QuerySet) -> None:
        _report(self, request, *_each(request, feeds, feed_pause), "paused")

    @admin.action(description="Resume the selected feeds")
    def resume(self, request: HttpRequest, feeds: QuerySet) -> None:
        _report(self, request, *_each(request, feeds, feed_resume), "resumed")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(InboxItem)
class InboxItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "outlet", "published_at", "language", "state", "claim"]
    list_filter = ["state", "language"]
    search_fields = ["title", "normalized_url"]
    list_select_related = ["outlet", "claim"]
    date_hierarchy = "listed_at"

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return is_newsroom(request.user)


@admin.register(Watch)
class WatchAdmin(ReadOnlyAdmin):
    list_display = ["owner", "kind", "words", "actor", "outlet", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["owner", "actor", "outlet"]
