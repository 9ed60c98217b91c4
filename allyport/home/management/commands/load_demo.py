from typing import Any

from allyport.access.model import access_model
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import create_company, create_member
from allyport.core.commands import JsonCommand
from allyport.home.demo.assistant import load_assistant_demo
from allyport.home.demo.channel import load_channel_demo
from allyport.home.demo.connections import load_connections_demo
from allyport.home.demo.content import load_content_demo
from allyport.home.demo.customers import load_directory_demo
from allyport.home.demo.funding import load_funding_demo
from allyport.home.demo.helpcentre import load_helpcentre_demo
from allyport.home.demo.marketing import load_marketing_demo
from allyport.home.demo.marketplace import load_seller_demo
from allyport.home.demo.profiles import load_profiles_demo
from allyport.home.demo.programs import load_programs_demo
from allyport.home.demo.support import load_support_demo
from allyport.home.demo.worklist import load_tasks_demo

PASSWORD = "Demo!Pass1"


class Command(JsonCommand):
    help = "Load demo companies and users into an empty database; prints the sign-ins as JSON."

    def answer(self, **opts: Any) -> dict[str, Any]:
        if Company.objects.exists():
            return {"Loaded": False, "Message": "The database already has companies."}
        octank, _lead = create_company(
            "octank.example", "Octank Software", "alliance_lead@octank.example", PASSWORD,
            stage="Validated", paths=["Software", "Services"],
        )  # fmt: skip
        for key in access_model().roles:
            if key != "alliance_lead":
                create_member(octank, f"{key}@octank.example", PASSWORD, [key])
        for user in User.objects.filter(company__isnull=False):
            first, _, last = user.email.split("@")[0].partition("_")
            user.first_name, user.last_name = first.capitalize(), last.capitalize()
            user.save(update_fields=["first_name", "last_name"])
        northwind, _northwind_lead = create_company(
            "northwind.example", "Northwind Consulting", "lead@northwind.example", PASSWORD,
            solution_type="CONSULTING_SERVICES", mfa=True,
        )  # fmt: skip
        sign_ins = [
            {"Role": role.name, "Email": f"{key}@octank.example"}
            for key, role in access_model().roles.items()
        ]
        sign_ins.append({"Role": "Alliance lead (second company, MFA on)",
                         "Email": "lead@northwind.example"})  # fmt: skip
        return {
            "Loaded": True,
            "Password": PASSWORD,
            "SignIns": sign_ins,
            "Notes": [
                *load_seller_demo(PASSWORD),
                *load_directory_demo(),
                *load_programs_demo(octank),
                *load_content_demo(),
                *load_funding_demo(octank, "alliance_lead@octank.example"),
                *load_connections_demo(PASSWORD),
                *load_profiles_demo(PASSWORD),
                *load_support_demo(PASSWORD),
                *load_channel_demo(octank, northwind),
                *load_marketing_demo(),
                *load_tasks_demo(octank),
                *load_helpcentre_demo(),
                *load_assistant_demo(northwind),
            ],
        }
