"""Error bodies in the shape each service's model gives its errors.

Handlers and the domain raise one `ApiError` whatever the service; the services'
models differ in what an error carries. Selling lists field errors as `ErrorList`
[{FieldName, Message, Code}]; the Account service as `ErrorDetails`, a list of
unions `{FieldValidationError: {Name, Message, Code}}` or
`{BusinessValidationError: {Message, Code}}`, and every one of its errors but
throttling and internal faults requires a `Reason`. `adapt` turns the generic
extra members into the service's own, read from the model rather than by service
name, so a service that shares a shape gets the same answer.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import UnknownServiceError
from botocore.model import NoShapeFoundError, Shape, StructureShape

from allyport.shapes import loader

# A required Reason the raiser did not give: the model's general word for it.
DEFAULT_REASONS = {
    "AccessDeniedException": "ACCESS_DENIED",
    "ConflictException": "CONFLICT_CLIENT_TOKEN",
    "ValidationException": "REQUEST_VALIDATION_FAILED",
}
BUSINESS_REASON = "BUSINESS_VALIDATION_FAILED"


def _shape(service: str, code: str) -> StructureShape | None:
    if not service:
        return None
    try:
        shape = loader.shape(service, code)
    except (NoShapeFoundError, UnknownServiceError):
        return None
    return shape if isinstance(shape, StructureShape) else None


def adapt(service: str, code: str, extra: dict[str, Any]) -> dict[str, Any]:
    """`extra` as the service's error shape `code` wants it (unchanged when the shape
    lists field errors as ErrorList, or is unknown)."""
    shape = _shape(service, code)
    if shape is None:
        return extra
    body = dict(extra)
    if code == "ValidationException" and "FieldList" in shape.members:
        body = _field_list(shape, body)
    if "ErrorDetails" in shape.members and "ErrorList" in body:
        body["ErrorDetails"] = _details(shape.members["ErrorDetails"], body.pop("ErrorList"))
    reason = shape.members.get("Reason")
    if reason is not None and "Reason" in shape.required_members:
        allowed = list(reason.enum or ())
        if body.get("Reason") not in allowed and allowed:
            default = DEFAULT_REASONS.get(code)
            body["Reason"] = default if default in allowed else allowed[0]
    return body


def _details(list_shape: Shape, items: list[dict[str, str]]) -> list[dict[str, Any]]:
    """ErrorList items as ValidationError unions: a business rule's code is a
    BusinessValidationError, anything else a field error ("request" when it names none)."""
    union = getattr(list_shape, "member", None)
    members = getattr(union, "members", {})
    field_codes = _enum(members.get("FieldValidationError"), "Code")
    business_codes = _enum(members.get("BusinessValidationError"), "Code")
    details: list[dict[str, Any]] = []
    for item in items:
        code = item.get("Code", "")
        # A business rule's code is a business error even where the rule names a field.
        if code in business_codes:
            details.append(
                {"BusinessValidationError": {"Message": item.get("Message", ""), "Code": code}}
            )
            continue
        details.append(
            {
                "FieldValidationError": {
                    "Name": item.get("FieldName") or "request",
                    "Message": item.get("Message", ""),
                    "Code": code if code in field_codes else "INVALID_VALUE",
                }
            }
        )
    return details


def _enum(shape: Shape | None, member: str) -> list[str]:
    if not isinstance(shape, StructureShape) or member not in shape.members:
        return []
    return list(shape.members[member].enum or ())


# Benefits names its refused fields `FieldList: [{Name, Message, Code}]` and its reasons
# in Smithy's words; the others `ErrorList: [{FieldName, Message, Code}]`.
_SMITHY_REASONS = {"REQUEST_VALIDATION_FAILED": "fieldValidationFailed"}


def _spelled_as(word: str, reasons: list[str] | tuple[str, ...]) -> str:
    """`word` as the model spells it: `fieldValidationFailed` in benefits,
    `FIELD_VALIDATION_FAILED` in marketing."""
    key = word.replace("_", "").lower()
    for reason in reasons:
        if reason.replace("_", "").lower() == key:
            return reason
    return word


def _field_list(shape: StructureShape, extra: dict[str, Any]) -> dict[str, Any]:
    """A ValidationException's members as a FieldList service's shape names them."""
    adapted = {k: v for k, v in extra.items() if k != "ErrorList"}
    reasons = (
        shape.members["Reason"].metadata.get("enum") or () if "Reason" in shape.members else ()
    )
    if reasons and adapted.get("Reason") not in reasons:
        wanted = _SMITHY_REASONS.get(adapted.get("Reason", ""), "other")
        adapted["Reason"] = _spelled_as(wanted, reasons)
    if "ErrorList" in extra:
        adapted["FieldList"] = [
            {"Name": item.get("FieldName", ""), "Message": item["Message"], "Code": item["Code"]}
            for item in extra["ErrorList"]
        ]
    return adapted
