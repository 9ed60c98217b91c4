from typing import Any

from allyport.accounts.management.commands._json import split, user_json
from allyport.accounts.services.operators import create_user
from allyport.core.commands import JsonCommand


class Command(JsonCommand):
    help = "Create a verified user in the company of the email's domain; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--roles", default="standard_user", help="e.g. ace_manager,ace_user")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def answer(self, **opts: Any) -> dict[str, Any]:
        names = {k: opts[k] for k in ("first_name", "last_name") if opts[k]}
        user = create_user(opts["email"], opts["password"], split(opts["roles"]) or [], **names)
        return user_json(user)
