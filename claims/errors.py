"""Domain errors raised by services; each interface maps them to its own idiom.

The API answers InvalidInput with 400, NotAllowed with 409 and Forbidden with
403; the admin and the web UI show the message next to the form.
"""


class DomainError(Exception):
    """A write the domain refuses. `field` names the input at fault, if one is."""

    def __init__(self, message: str, *, field: str | None = None, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or ({field: [message]} if field else {})

    def as_dict(self) -> dict:
        body: dict = {"detail": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


class InvalidInput(DomainError):
    """The input breaks a rule of the model (a cycle, a future date, a duplicate slug)."""


class NotAllowed(DomainError):
    """The input is valid but the object's current state does not allow it."""


class Forbidden(DomainError):
    """The user may not do this (not a reviewer; approving their own claim)."""


class FrozenRow(NotAllowed):
    """A write to one of a claim's rows (an appearance, a citation, evidence) that the claim or the
    row does not take: the claim is retracted, the row withdrawn, or the write would move the row
    to another claim (claims/services/claim_rows.py). Always 409, from every writer."""
