"""Create an embedded cloud account with its first administrator; prints JSON."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import CommandParser
from django.urls import reverse
from django.utils.http import urlencode

from allyport.cloud.services import create_account
from allyport.core.commands import JsonCommand


class Command(JsonCommand):
    help = "Create a cloud account whose first IAM user has AdministratorAccess; prints JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--alias", required=True)
        parser.add_argument("--admin-user", required=True)
        parser.add_argument("--admin-password", required=True)

    def answer(self, **opts: Any) -> dict[str, str]:
        validate_password(opts["admin_password"])
        account = create_account(opts["alias"], opts["admin_user"], opts["admin_password"])
        sign_in = reverse("cloud:signin") + "?" + urlencode({"account": account.account_id})
        return {
            "AccountId": account.account_id,
            "Alias": account.alias,
            "AdminUser": opts["admin_user"],
            "SignInUrl": settings.ALLYPORT_PUBLIC_URL + sign_in,
        }
