"""Create an embedded cloud account with its first administrator; prints JSON."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse
from django.utils.http import urlencode

from allyport.cloud.services import create_account
from allyport.core.errors import ChangeRefused

BAD_INPUT = 2  # the exit code argparse uses for bad arguments


class Command(BaseCommand):
    help = "Create a cloud account whose first IAM user has AdministratorAccess; prints JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--alias", required=True)
        parser.add_argument("--admin-user", required=True)
        parser.add_argument("--admin-password", required=True)

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            validate_password(opts["admin_password"])
            account = create_account(opts["alias"], opts["admin_user"], opts["admin_password"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=BAD_INPUT) from error
        except ChangeRefused as refused:
            raise CommandError(refused.reason, returncode=BAD_INPUT) from refused
        sign_in = reverse("cloud:signin") + "?" + urlencode({"account": account.account_id})
        output = {
            "AccountId": account.account_id,
            "Alias": account.alias,
            "AdminUser": opts["admin_user"],
            "SignInUrl": settings.ALLYPORT_PUBLIC_URL + sign_in,
        }
        self.stdout.write(json.dumps(output, indent=2))
