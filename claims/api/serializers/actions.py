"""Bodies of the workflow and withdrawal actions.

The fields are optional here on purpose: the services judge a request in a fixed
order — who may, then whether the state allows it, then the comment or reason —
so a consumer who forgets the reason hears 403, as in the web UI and the admin.
"""

from rest_framework import serializers

from claims.api.serializers.base import TextField


class CommentSerializer(serializers.Serializer):
    comment = TextField(
        required=False, allow_blank=True, default="", help_text="Optional note kept with the transition."
    )


class RejectSerializer(serializers.Serializer):
    comment = TextField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Required: what must change before the claim is submitted again.",
    )


class ReasonSerializer(serializers.Serializer):
    reason = TextField(required=False, allow_blank=True, default="", help_text="Required: why.")
