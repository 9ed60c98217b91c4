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
# The API's values are cut at 20 characters (BUSINESS_SERV, SEMICONDUCTOR_ELECTR), so
# their labels are written out rather than derived from the values.
INDUSTRY_SEGMENT_LABELS = {
    "AGRICULTURE_MINING": _("Agriculture and mining"),
    "BIOTECHNOLOGY": _("Biotechnology"),
    "BUSINESS_CONSUMER_SERVICES": _("Business and consumer services"),
    "BUSINESS_SERV": _("Business services"),
    "COMMUNICATIONS": _("Communications"),
    "COMPUTER_HARDWARE": _("Computer hardware"),
    "COMPUTERS_ELECTRONICS": _("Computers and electronics"),
    "COMPUTER_SOFTWARE": _("Computer software"),
    "CONSUMER_GOODS": _("Consumer goods"),
    "CONSUMER_RELATED": _("Consumer related"),
    "EDUCATION": _("Education"),
    "ENERGY_UTILITIES": _("Energy and utilities"),
    "FINANCIAL_SERVICES": _("Financial services"),
    "GAMING": _("Gaming"),
    "GOVERNMENT": _("Government"),
    "GOVERNMENT_EDUCATION_PUBLIC_SERVICES": _("Government, education and public services"),
    "HEALTHCARE": _("Healthcare"),
    "HEALTHCARE_PHARMACEUTICALS_BIOTECH": _("Healthcare, pharmaceuticals and biotech"),
    "INDUSTRIAL_ENERGY": _("Industrial and energy"),
    "INTERNET_SPECIFIC": _("Internet specific"),
    "LIFE_SCIENCES": _("Life sciences"),
    "MANUFACTURING": _("Manufacturing"),
    "MEDIA_ENTERTAINMENT_LEISURE": _("Media, entertainment and leisure"),
    "MEDIA_ENTERTAINMENT": _("Media and entertainment"),
    "MEDICAL_HEALTH": _("Medical and health"),
    "NON_PROFIT_ORGANIZATION": _("Non-profit organization"),
    "OTHER": _("Other"),
    "PROFESSIONAL_SERVICES": _("Professional services"),
    "REAL_ESTATE_CONSTRUCTION": _("Real estate and construction"),
    "RETAIL": _("Retail"),
    "RETAIL_WHOLESALE_DISTRIBUTION": _("Retail, wholesale and distribution"),
    "SEMICONDUCTOR_ELECTR": _("Semiconductors and electronics"),
    "SOFTWARE_INTERNET": _("Software and internet"),
    "TELECOMMUNICATIONS": _("Telecommunications"),
    "TRANSPORTATION_LOGISTICS": _("Transportation and logistics"),
    "TRAVEL_HOSPITALITY": _("Travel and hospitality"),
    "WHOLESALE_DISTRIBUTION": _("Wholesale and distribution"),
}
INDUSTRY_SEGMENT_CHOICES = [(value, INDUSTRY_SEGMENT_LABELS[value]) for value in INDUSTRY_SEGMENTS]
