"""The selling API's enums and limits, read from the installed botocore model.

Forms and rules ask here instead of copying lists by hand, so a newer model
brings its values with it.
"""

from __future__ import annotations

from botocore.model import ServiceModel, Shape

from allyport.shapes import loader

SERVICE = "partnercentral-selling"


def service_model() -> ServiceModel:
    return loader.service_model(SERVICE)


def shape(name: str) -> Shape:
    return loader.shape(SERVICE, name)


def enum(name: str) -> tuple[str, ...]:
    """The values of an enum shape, in the model's order (e.g. "Stage", "Industry")."""
    return loader.enum(SERVICE, name)


def choices(name: str) -> list[tuple[str, str]]:
    """(value, label) pairs for a form field."""
    return loader.choices(SERVICE, name)


# The values the rules below name; each is checked against the model by a test.
STAGES = enum("Stage")
REVIEW_STATUSES = enum("ReviewStatus")
INVOLVEMENT_TYPES = enum("SalesInvolvementType")
VISIBILITIES = enum("Visibility")
RELATED_ENTITY_TYPES = enum("RelatedEntityType")
SOLUTION_CATEGORIES = (
    "Software Product",
    "Consulting Service",
    "Hardware Product",
    "Communications Product",
    "Professional Service",
    "Managed Service",
    "Value-Added Resale Amazon Web Services Service",
    "Distribution Service",
    "Training Service",
    "Merger and Acquisition Advising Service",
)  # documented values of SolutionBase.Category (a plain string in the model)
