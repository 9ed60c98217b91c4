from django.core.management.base import BaseCommand

from allyport.access.model import access_model
from allyport.accounts.models import Company, User
from allyport.accounts.services.operators import create_company, create_member
from allyport.home.demo.customers import load_directory_demo
from allyport.home.demo.marketplace import load_seller_demo

PASSWORD = "Demo!Pass1"


class Command(BaseCommand):
    help = "Load demo companies and users into an empty database; prints the sign-ins."

    def handle(self, *args, **opts):
        if Company.objects.exists():
            self.stdout.write("Demo data not loaded: the database already has companies.")
            return
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
        create_company(
            "northwind.example", "Northwind Consulting", "lead@northwind.example", PASSWORD,
            solution_type="CONSULTING_SERVICES", mfa=True,
        )  # fmt: skip
        self.stdout.write(f"Demo sign-ins (password for all: {PASSWORD})")
        for key, role in access_model().roles.items():
            self.stdout.write(f"  {role.name:<16} {key}@octank.example")
        self.stdout.write("  Alliance lead    lead@northwind.example  (second company, MFA on)")
        for line in load_seller_demo(PASSWORD):
            self.stdout.write(line)
        for line in load_directory_demo():
            self.stdout.write(line)
