from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from allyport.accounts.management.commands._json import dump, split, user_json
from allyport.accounts.services.operators import OperatorError, create_user


class Command(BaseCommand):
    help = "Create a verified user in the company of the email's domain; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--roles", default="standard_user", help="e.g. ace_manager,ace_user")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, *args, **opts):
        names = {k: opts[k] for k in ("first_name", "last_name") if opts[k]}
        try:
            user = create_user(opts["email"], opts["password"], split(opts["roles"]) or [], **names)
        except (OperatorError, ValidationError) as exc:
            raise CommandError(str(exc.messages[0] if hasattr(exc, "messages") else exc)) from exc
        self.stdout.write(dump(user_json(user)))
