from django.db import models


class ClaimVector(models.Model):
    """The meaning of one claim's text: a multilingual sentence vector (claims/meaning/).

    The row is written in the transaction that records or changes the text, with `vector` empty
    and `text_sha` naming the text it must be of; a task fills the vector after the commit, and
    only while the claim's text is still that one (claims/services/meaning.py). An empty vector
    is work waiting: the sweep and `manage.py embed_claims` take up whatever a lost task left.
    """

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, primary_key=True, related_name="meaning")
    text_sha = models.CharField(
        max_length=64, editable=False, help_text="SHA-256 of the text the vector is (to be) of."
    )
    # float32, little-endian, MEANING_DIMENSIONS of them; NULL while waiting for the task.
    vector = models.BinaryField(null=True, blank=True)
    model = models.CharField(
        max_length=60, blank=True, editable=False, help_text="The model the vector was computed with."
    )
    # The in-process index reads what changed since it last looked (claims/meaning/index.py).
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["claim"], condition=models.Q(vector__isnull=True), name="claim_vector_waiting_idx")
        ]

    def __str__(self) -> str:
        return f"meaning of claim {self.claim_id}" + ("" if self.vector is not None else " (waiting)")
