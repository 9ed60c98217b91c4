"""The selling API's enums and limits, read from the installed botocore model.

Forms and rules ask here instead of copying lists by hand, so a newer model
brings its values with it.
"""

from __future__ import annotations

from functools import cache

import botocore.session
from botocore.model import ServiceModel, Shape

SERVICE = "partnercentral-selling"


@cache
def service_model() -> ServiceModel:
    return botocore.session.get_session().get_service_model(SERVICE)


def shape(name: str) -> Shape:
    return service_model().shape_for(name)


@cache
def enum(name: str) -> tuple[str, ...]:
    """The values of an enum shape, in the model's order (e.g. "Stage", "Industry")."""
    return tuple(shape(name).enum)


def choices(name: str) -> list[tuple[str, str]]:
    """(value, label) pairs for a form field."""
    return [(value, value) for value in enum(name)]


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
