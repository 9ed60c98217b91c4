from __future__ import annotations

import pytest

from allyport.helpcentre.privacy import mask


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("write to jo.doe@example.com today", "write to [email] today"),
        ("call +1 (206) 555-0100 please", "call [phone] please"),
        ("key AKIAIOSFODNN7EXAMPLE here", "key [access key] here"),
        ("secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "secret [secret]"),
        ("password: Hunter2!x", "password: [secret]"),
        ("token=abc123def456", "token=[secret]"),
        ("Bearer eyJhbGciOiJIUzI1NiJ9abcdefghijklmnop123", "Bearer [secret]"),
    ],
)
def test_mask_hides_contact_details_and_credentials(raw, masked):
    assert mask(raw) == masked


@pytest.mark.parametrize(
    "kept",
    [
        "What are the password requirements?",
        "We had 12 opportunities on 2024-05-01",
        "Opportunity O1234 is in the Sandbox catalog",
        "The AWS account ID is 12 digits",
    ],
)
def test_mask_keeps_ordinary_text(kept):
    assert mask(kept) == kept


def test_mask_is_idempotent():
    once = mask("mail a@b.io, call 0044 20 7946 0958, key AKIAIOSFODNN7EXAMPLE")
    assert mask(once) == once
    assert "@" not in once and "7946" not in once
