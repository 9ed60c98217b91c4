"""Buttons, headings and labels are in sentence case ("Manage roles"), except the
guide's own names of pages and buttons, kept as the guide writes them."""

from __future__ import annotations

import re
from pathlib import Path

import allyport

ROOT = Path(allyport.__file__).parent

# Names the Getting Started Guide writes in title case, and product names.
GUIDE_NAMES = [
    "Account Linking", "Add Another User", "AWS Marketplace", "AWS T&C Account Email",
    "Contact Support", "Leads Management", "Link Account", "My AWS Certifications",
    "My Certifications", "My Profile", "Opportunity Management", "Partner Central",
    "Request Change", "Submit Later", "User Management", "My Company",
    # Programs, learning and the scorecard (guide: "Applying to AWS Partner programs").
    "Applications and Programs", "Solution Provider Resources", "Partner Scorecard",
    "View All Trainings and Certifications", "View all Training and Certification",
    "AWS Partner Programs", "Apply for Program", "Select Designation", "Yes, I Agree",
    "AWS Partner",
    # Content, Build and Market.
    "Badge Manager", "Case Studies", "Device Listing", "Job Board", "Marketing Toolkit",
    "Public Reference", "Well-Architected", "WebVTT",
    "AWS Partner Funding Portal", "Funding Benefits for AWS Partners", "Funding Portal",
    "Funding Benefits",
    # Company Profile, its tabs, the finder, terms and the fee (issue 12)
    "Company Profile", "Case Studies", "My Domains", "Find Partners",
    "My Solutions Finder Listing", "Partner Solutions Finder", "Partner Terms and Conditions",
    "Products & Services", "Solutions/Practices", "APN Program Fee and Renewal",
    "Downgrade my APN Membership", "Build > Offerings", "Validated",
    # The guide's Channel page and its tabs.
    "Channel Management", "Program Management Accounts", "End User Information",
    "Partner Growth Rebate",
    # The guide's Partner Support page and its fields.
    "Partner Support", "Type of Case", "Question Type", "Get Specific",
    # The guide's "How to use AWS Partner Assistant": the chatbot, its menu item and buttons.
    "AWS Partner Assistant", "Instant chat with AWS Partner Assistant",
    "Ask AWS Partner Assistant", "Thumbs Up", "Thumbs Down", "AWS Partner Central",
    # Market > Marketing Central (guide line 314: "AWS Marketing Central").
    "Marketing Central",
]  # fmt: skip
TRANSLATED = re.compile(r"""\{% translate ["']([^"']+)["']""")


def _title_cased(text: str) -> bool:
    for name in sorted(GUIDE_NAMES, key=len, reverse=True):  # "AWS Partner Programs" first
        text = text.replace(name, "")
    # Each part after a colon or full stop starts with a capital of its own; acronyms
    # (ACE, IAM, CSV) are not title case.
    for part in re.split(r"[:.!?]\s", text):
        words = re.findall(r"[A-Za-z]+", part)[1:]
        if any(w[0].isupper() and not w.isupper() and len(w) > 2 for w in words):
            return True
    return False


def test_it_tells_title_case_from_sentence_case() -> None:
    assert _title_cased("Manage Roles")
    assert not _title_cased("Manage roles")
    assert not _title_cased("Back to Opportunity Management")
    assert not _title_cased("Download CSV")
    assert not _title_cased("Step 1: Review account")


def test_labels_in_templates_are_in_sentence_case() -> None:
    found = {
        (str(path.relative_to(ROOT)), label)
        for path in ROOT.glob("*/templates/**/*.html")
        for label in TRANSLATED.findall(path.read_text())
        if len(label.split()) <= 6 and _title_cased(label)
    }
    assert not found, sorted(found)
