from typing import Any

from allyport.accounts.management.commands._json import company_json, mfa_flag, split, user_json
from allyport.accounts.services.operators import create_company
from allyport.core.commands import JsonCommand


class Command(JsonCommand):
    help = "Create a partner company with a verified alliance lead; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--lead-email", required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument("--stage")
        parser.add_argument("--paths", help="comma-separated, e.g. Software,Services")
        parser.add_argument("--mfa", choices=["on", "off"], default="off")

    def answer(self, **opts: Any) -> dict[str, Any]:
        company, lead = create_company(
            opts["domain"], opts["name"], opts["lead_email"], opts["password"],
            stage=opts["stage"], mfa=bool(mfa_flag(opts["mfa"])), paths=split(opts["paths"]),
        )  # fmt: skip
        return {**company_json(company), "AllianceLead": user_json(lead)}
