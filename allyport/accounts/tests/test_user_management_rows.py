"""The Users tab's rows: values escaped, each action posted to its own user's URL."""

from __future__ import annotations

import re

from django.urls import reverse

from allyport.accounts.models import Company, User
from allyport.testing import make_user


def test_it_escapes_what_people_typed(company: Company, lead: User, client_for) -> None:  # type: ignore[no-untyped-def]
    user = make_user(company, "ace_user", email="x@octank.example")
    User.objects.filter(pk=user.pk).update(first_name='<script>alert("x")</script>')
    body = client_for(lead).get(reverse("users:list")).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body


def test_it_posts_each_row_action_to_that_users_url(
    company: Company, lead: User, client_for
) -> None:  # type: ignore[no-untyped-def]
    user = make_user(company, "ace_user", email="row@octank.example")
    client = client_for(lead)
    body = client.get(reverse("users:list")).content.decode()
    url = reverse("users:deactivate", args=[user.public_id])
    button = re.search(rf'<button[^>]*formaction="{re.escape(url)}"[^>]*>', body)
    assert button is not None and 'form="row-actions"' in button.group(0)
    assert re.search(r'<form id="row-actions" method="post" hidden>', body)
    client.post(url)
    assert User.objects.get(pk=user.pk).status == User.Status.DEACTIVATED
