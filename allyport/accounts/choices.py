"""Enumerations of the partner account model (see the account API's shapes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PrimarySolutionType(models.TextChoices):
    SOFTWARE_PRODUCTS = "SOFTWARE_PRODUCTS", _("Software products")
    CONSULTING_SERVICES = "CONSULTING_SERVICES", _("Consulting services")
    PROFESSIONAL_SERVICES = "PROFESSIONAL_SERVICES", _("Professional services")
    MANAGED_SERVICES = "MANAGED_SERVICES", _("Managed services")
    HARDWARE_PRODUCTS = "HARDWARE_PRODUCTS", _("Hardware products")
    COMMUNICATION_SERVICES = "COMMUNICATION_SERVICES", _("Communication services")
    VALUE_ADDED_RESALE_AWS_SERVICES = (
        "VALUE_ADDED_RESALE_AWS_SERVICES",
        _("Value-added resale of cloud services"),
    )
    TRAINING_SERVICES = "TRAINING_SERVICES", _("Training services")


# The primary offering decides the partner path(s) a company registers in.
PATHS_BY_SOLUTION_TYPE: dict[str, tuple[str, ...]] = {
    "SOFTWARE_PRODUCTS": ("Software",),
    "CONSULTING_SERVICES": ("Services",),
    "PROFESSIONAL_SERVICES": ("Services",),
    "MANAGED_SERVICES": ("Services",),
    "COMMUNICATION_SERVICES": ("Services",),
    "HARDWARE_PRODUCTS": ("Hardware",),
    "VALUE_ADDED_RESALE_AWS_SERVICES": ("Distribution",),
    "TRAINING_SERVICES": ("Training",),
}


class Stage(models.TextChoices):
    REGISTERED = "Registered", _("Registered")
    ENROLLED = "Enrolled", _("Enrolled")
    CONFIRMED = "Confirmed", _("Confirmed")
    VALIDATED = "Validated", _("Validated")
    DIFFERENTIATED = "Differentiated", _("Differentiated")


class CustomerSegment(models.TextChoices):
    ENTERPRISE = "ENTERPRISE", _("Enterprise")
    MID_MARKET = "MID_MARKET", _("Mid-market")
    SMB = "SMB", _("Small and medium business")
    STARTUP = "STARTUP", _("Startups")
    PUBLIC_SECTOR = "PUBLIC_SECTOR", _("Public sector")


class EmployeeCount(models.TextChoices):
    SIZE_1_10 = "1-10", "1–10"
    SIZE_11_50 = "11-50", "11–50"
    SIZE_51_200 = "51-200", "51–200"
    SIZE_201_1000 = "201-1000", "201–1,000"
    SIZE_1001_5000 = "1001-5000", "1,001–5,000"
    SIZE_5001 = "5001+", "5,001+"


INDUSTRY_SEGMENTS = [
    "AGRICULTURE_MINING", "BIOTECHNOLOGY", "BUSINESS_CONSUMER_SERVICES", "BUSINESS_SERV",
    "COMMUNICATIONS", "COMPUTER_HARDWARE", "COMPUTERS_ELECTRONICS", "COMPUTER_SOFTWARE",
    "CONSUMER_GOODS", "CONSUMER_RELATED", "EDUCATION", "ENERGY_UTILITIES", "FINANCIAL_SERVICES",
    "GAMING", "GOVERNMENT", "GOVERNMENT_EDUCATION_PUBLIC_SERVICES", "HEALTHCARE",
    "HEALTHCARE_PHARMACEUTICALS_BIOTECH", "INDUSTRIAL_ENERGY", "INTERNET_SPECIFIC",
    "LIFE_SCIENCES", "MANUFACTURING", "MEDIA_ENTERTAINMENT_LEISURE", "MEDIA_ENTERTAINMENT",
    "MEDICAL_HEALTH", "NON_PROFIT_ORGANIZATION", "OTHER", "PROFESSIONAL_SERVICES",
    "REAL_ESTATE_CONSTRUCTION", "RETAIL", "RETAIL_WHOLESALE_DISTRIBUTION",
    "SEMICONDUCTOR_ELECTR", "SOFTWARE_INTERNET", "TELECOMMUNICATIONS",
    "TRANSPORTATION_LOGISTICS", "TRAVEL_HOSPITALITY", "WHOLESALE_DISTRIBUTION",
]  # fmt: skip
INDUSTRY_SEGMENT_CHOICES = [
    (value, value.replace("_", " ").capitalize()) for value in INDUSTRY_SEGMENTS
]
