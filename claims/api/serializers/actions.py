"""Bodies of the workflow and withdrawal actions.

The fields are optional here on purpose: the services judge a request in a fixed
order — who may, then whether the state allows it, then the comment or reason —
so a consumer who forgets the reason hears 403, as in the web UI and the admin.
"""

from rest_framework import serializers

from claims.api.serializers.base import TextField
from claims.models import Appearance, ReviewTransition
from claims.models.fields import max_length_of

# Checked by the services, in their order (see above); said here for the schema's readers.
COMMENT_LIMIT = f"At most {max_length_of(ReviewTransition._meta.get_field('comment')):,} characters."
REASON_LIMIT = f"At most {max_length_of(Appearance._meta.get_field('withdrawn_reason')):,} characters."


class CommentSerializer(serializers.Serializer):
    comment = TextField(
        required=False,
        allow_blank=True,
        default="",
        help_text=f"Optional note kept with the transition. {COMMENT_LIMIT}",
    )


class RejectSerializer(serializers.Serializer):
    comment = TextField(
        required=False,
        allow_blank=True,
        default="",
        help_text=f"Required: what must change before the claim is submitted again. {COMMENT_LIMIT}",
    )


class ReasonSerializer(serializers.Serializer):
    reason = TextField(required=False, allow_blank=True, default="", help_text=f"Required: why. {REASON_LIMIT}")
