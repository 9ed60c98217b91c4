from typing import Any

from allyport.accounts.management.commands._json import company_json, mfa_flag, split
from allyport.accounts.services.operators import set_company
from allyport.core.commands import JsonCommand


class Command(JsonCommand):
    help = "Change a company's stage, paths or MFA setting; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True)
        parser.add_argument("--stage")
        parser.add_argument("--paths", help="comma-separated, e.g. Software,Services")
        parser.add_argument("--mfa", choices=["on", "off"])

    def answer(self, **opts: Any) -> dict[str, Any]:
        company = set_company(
            opts["domain"], stage=opts["stage"], mfa=mfa_flag(opts["mfa"]),
            paths=split(opts["paths"]),
        )  # fmt: skip
        return company_json(company)
