"""The starting set of the Type of Case / Question Type / Get Specific lists (staff
change them in the admin afterwards), and the kind and closed flag of the cases
opened before cases had them."""

from django.db import migrations

TOPICS = [
    ("account-access", "Account and access", [
        ("sign-in", "Signing in", ["Locked out", "Login code not received", "Password reset"]),
        ("users-roles", "Users and roles", ["Invite users", "Change the alliance lead",
                                             "Role permissions"]),
        ("company-details", "Company details", ["Change the company name",
                                                 "Add an email domain"]),
    ]),
    ("ace-pipeline", "ACE pipeline", [
        ("opportunities", "Opportunities", ["Submitting an opportunity", "Review status",
                                            "Bulk import"]),
        ("leads", "Leads", ["Lead assignment", "Lead import"]),
        ("api", "Selling API", ["Access keys and IAM", "Errors from the API"]),
    ]),
    ("programs", "Programs", [
        ("applications", "Program applications", ["Application status",
                                                   "Eligibility requirements"]),
        ("designations", "Designations and competencies", ["Validation", "Renewal"]),
    ]),
    ("funding", "Funding", [
        ("requests", "Funding requests", ["Request status", "Claims and payment"]),
        ("eligibility", "Funding eligibility", []),
    ]),
    ("marketplace-linking", "Marketplace linking", [
        ("linking", "Link an AWS account", ["Linking fails", "Wrong account linked"]),
        ("unlinking", "Unlink an AWS account", []),
        ("iam-mapping", "IAM role mapping", []),
    ]),
    ("apn-fee", "APN Program Fee and Renewal", [
        ("fee", "APN program fee", ["Invoice and payment", "Promotional credit"]),
        ("renewal", "Renewal", ["Renew my APN membership",
                                "Downgrade my APN Membership"]),
    ]),
    ("other", "Other", [("general", "General question", [])]),
]  # fmt: skip


def _slug(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")[:64]


def seed(apps, schema_editor):
    Topic = apps.get_model("support", "Topic")
    SupportCase = apps.get_model("support", "SupportCase")
    for i, (key, name, questions) in enumerate(TOPICS):
        case_type = Topic.objects.create(key=key, name=name, position=i)
        for j, (qkey, qname, specifics) in enumerate(questions):
            question = Topic.objects.create(parent=case_type, key=qkey, name=qname, position=j)
            for k, sname in enumerate(specifics):
                Topic.objects.create(parent=question, key=_slug(sname), name=sname, position=k)
    SupportCase.objects.filter(category="account-linking").update(kind="account-linking")
    SupportCase.objects.filter(status="resolved").update(closed=True)


def unseed(apps, schema_editor):
    apps.get_model("support", "Topic").objects.filter(parent=None).delete()


class Migration(migrations.Migration):
    dependencies = [("support", "0002_support_centre")]

    operations = [migrations.RunPython(seed, unseed)]
