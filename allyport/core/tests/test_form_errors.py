"""The shared form rendering (core/_form.html) announces errors and ties them to fields."""

from __future__ import annotations

import re

from django import forms
from django.template.loader import render_to_string


class ContactForm(forms.Form):
    name = forms.CharField(label="Name")
    email = forms.EmailField(label="Email", help_text="Your work address.")
    note = forms.CharField(label="Note", required=False)


def test_errors_are_announced_linked_and_tied_to_their_fields() -> None:
    form = ContactForm(data={"name": "", "email": "not an address", "note": "fine"})
    html = render_to_string("core/_form.html", {"form": form})

    summary = re.search(
        r'<div class="error-summary" role="alert" tabindex="-1">(.*?)</div>', html, re.S
    )
    assert summary, html
    assert "Correct the 2 fields marked below." in summary.group(1)
    assert '<a href="#id_name">Name</a>' in summary.group(1)
    assert '<a href="#id_email">Email</a>' in summary.group(1)
    assert "Note" not in summary.group(1)

    email = re.search(r"<input[^>]+id=\"id_email\"[^>]*>", html)
    assert email and 'aria-invalid="true"' in email.group(0)
    assert 'aria-describedby="id_email_helptext id_email_error"' in email.group(0)
    assert re.search(
        r'<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.', html
    )
    note = re.search(r"<input[^>]+id=\"id_note\"[^>]*>", html)
    assert note and "aria-invalid" not in note.group(0)


def test_a_valid_form_draws_no_summary() -> None:
    html = render_to_string("core/_form.html", {"form": ContactForm()})
    assert "error-summary" not in html and 'role="alert"' not in html
