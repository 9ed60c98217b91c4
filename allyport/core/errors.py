"""What domain services raise, whatever the domain: views show them next to their
fields, the API layer answers them as the wire protocol's errors
(ResourceNotFoundException, ConflictException, ValidationException)."""

from __future__ import annotations

from typing import NamedTuple

# ValidationExceptionErrorCode values used here.
REQUIRED = "REQUIRED_FIELD_MISSING"
INVALID = "INVALID_VALUE"
TOO_MANY = "TOO_MANY_VALUES"
BAD_STATE = "INVALID_RESOURCE_STATE"
NOT_PERMITTED = "ACTION_NOT_PERMITTED"
DUPLICATE = "DUPLICATE_KEY_VALUE"
OUT_OF_RANGE = "VALUE_OUT_OF_RANGE"

BUSINESS = "BUSINESS_VALIDATION_FAILED"
REQUEST = "REQUEST_VALIDATION_FAILED"


class FieldError(NamedTuple):
    """One refused field; a (field, message, code) tuple, as the API's ErrorList lists it."""

    field: str  # the API's path, e.g. "Customer.Account.WebsiteUrl"
    message: str
    code: str = INVALID

    def as_tuple(self) -> tuple[str, str, str]:
        return (self.field, self.message, self.code)


class DomainError(Exception):
    """Base of the domain services' refusals."""


class NotFound(DomainError):
    """Missing, another company's, or the other catalog's: one answer for all three."""

    def __init__(self, resource_type: str, identifier: str, reason: str = "") -> None:
        super().__init__(f"{resource_type} {identifier} not found")
        self.resource_type = resource_type
        self.identifier = identifier
        self.reason = reason  # the API's Reason where its error shape has one (account)


class Conflict(DomainError):
    """The record changed since the caller read it (stale LastModifiedDate)."""

    def __init__(self, message: str, resource_type: str, identifier: str, reason: str = "") -> None:
        super().__init__(message)
        self.resource_type = resource_type
        self.identifier = identifier
        self.reason = reason  # the API's Reason where its error shape has one (account)


class QuotaExceeded(DomainError):
    """A limit on how many (invitations a day, open invitations, domains) was reached."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


class RuleViolation(DomainError):
    """Business rules refused the change; `errors` names every field at once."""

    def __init__(self, errors: list[FieldError], reason: str = BUSINESS) -> None:
        self.errors = errors
        self.reason = reason
        super().__init__(self.message)

    @property
    def message(self) -> str:
        if len(self.errors) == 1:
            return f"{self.errors[0].field}: {self.errors[0].message}"
        return f"{len(self.errors)} fields failed validation"


def refuse(field: str, message: str, code: str = INVALID, reason: str = BUSINESS) -> RuleViolation:
    return RuleViolation([FieldError(field, message, code)], reason)


class ChangeRefused(Exception):
    """A change refused for its input; `reason` is shown to people, next to `field` if set."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.field = field
