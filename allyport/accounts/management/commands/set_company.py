from django.core.management.base import BaseCommand, CommandError

from allyport.accounts.management.commands._json import company_json, dump, mfa_flag, split
from allyport.accounts.services.operators import OperatorError, set_company


class Command(BaseCommand):
    help = "Change a company's stage, paths or MFA setting; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True)
        parser.add_argument("--stage")
        parser.add_argument("--paths", help="comma-separated, e.g. Software,Services")
        parser.add_argument("--mfa", choices=["on", "off"])

    def handle(self, *args, **opts):
        try:
            company = set_company(
                opts["domain"], stage=opts["stage"], mfa=mfa_flag(opts["mfa"]),
                paths=split(opts["paths"]),
            )  # fmt: skip
        except OperatorError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(dump(company_json(company)))
