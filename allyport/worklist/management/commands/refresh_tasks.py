from typing import Any

from allyport.access.actor import Actor
from allyport.accounts.models import Company
from allyport.core.commands import JsonCommand
from allyport.core.errors import NotFound
from allyport.worklist.services.recommend import refresh_company


class Command(JsonCommand):
    help = "Recompute a company's growth stages and recommended tasks now; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("--company", required=True, help="the company's partner-… id")

    def answer(self, **opts: Any) -> dict[str, Any]:
        company = Company.objects.filter(public_id=opts["company"]).first()
        if company is None:
            raise NotFound("Company", opts["company"])
        return {"newTasks": refresh_company(Actor.system(), company, force=True)}
