"""What SPEC §8 names, written down once for the tests that hold the code to it."""

# "Claim representation includes: …"
SPEC_CLAIM_FIELDS = {
    "id",
    "text",
    "kind",
    "status",
    "review_state",
    "subject",
    "event",
    "first_reported",
    "confidence",
    "confidence_label",
    "admiralty_code",
    "confidence_factors",
    "independent_origin_count",
    "appearance_count",
    "created_at",
    "updated_at",
}
