"""The starting catalogue: the guide's stage tables (Build, Market, Sell, Grow) and its
account and program tasks, in Allyport's own words, and the growth rules. Loaded by
the data migration and by `manage.py load_task_catalogue`; staff edit the rows in the
admin afterwards (loading again adds missing entries and leaves edited ones alone)."""

from __future__ import annotations

from typing import Any

SOFTWARE, SERVICE, MSP = "software", "service", "msp"
ALL_KINDS = [SOFTWARE, SERVICE, MSP]


def _date(label: str = "Date you finished") -> dict[str, Any]:
    return {"name": "finished_on", "label": label, "kind": "date", "required": True}


NOTES = {"name": "notes", "label": "Notes for your team", "kind": "textarea", "required": False}


def _solution(key: str, stage: str, kinds: list[str], title: str, description: str,
              **rest: Any) -> dict[str, Any]:  # fmt: skip
    rule = {"offering_stages": [stage], "offering_kinds": kinds, **rest.pop("rule", {})}
    return {"key": key, "type": "solution", "stage": stage, "title": title,
            "description": description, "rule": rule, **rest}  # fmt: skip


ACCOUNT_TASKS: list[dict[str, Any]] = [
    {
        "key": "describe-company",
        "type": "account",
        "title": "Add a company description",
        "description": "Tell AWS sellers and customers in a few sentences what your company does "
        "and for whom.",
        "form_fields": [
            {
                "name": "description",
                "label": "Company description",
                "kind": "textarea",
                "required": True,
            },
            {"name": "website", "label": "Company website", "kind": "url"},
        ],
        "rule": {"facts_missing": ["profiles.description"]},
        "order": 10,
    },
    {
        "key": "invite-team",
        "type": "account",
        "title": "Invite your team",
        "description": "Invite the colleagues who will sell, build and market with AWS, and give "
        "each the role they need.",
        "link": "users:list",
        "link_label": "Open User Management",
        "done_rule": {"facts_true": ["accounts.has_team"]},
        "order": 20,
    },
    {
        "key": "require-sign-in-code",
        "type": "account",
        "title": "Ask for a sign-in code at every sign-in",
        "description": "Protect your company's records: with multi-factor sign-in, every user "
        "enters a code sent by email after their password.",
        "link": "users:security",
        "link_label": "Open the Security tab",
        "done_rule": {"facts_true": ["company.mfa_enabled"]},
        "order": 30,
    },
    {
        "key": "create-offering",
        "type": "account",
        "title": "Create your first offering",
        "description": "Describe what you sell or deliver on AWS as an offering, so you can attach "
        "it to opportunities.",
        "link": "pipeline:offering_new",
        "link_label": "Create offering",
        "done_rule": {"facts_at_least": {"pipeline.offerings": 1}},
        "order": 40,
    },
    {
        "key": "link-marketplace",
        "type": "account",
        "title": "Link your AWS Marketplace account",
        "description": "Link the seller account to map your users to IAM roles and attach private "
        "offers to opportunities.",
        "link": "marketplace:account_linking",
        "link_label": "Link Account",
        "rule": {"facts_at_least": {"pipeline.offerings": 1}},
        "order": 50,
    },
    {
        "key": "submit-first-opportunity",
        "type": "account",
        "title": "Submit your first opportunity",
        "description": "Register a customer opportunity and submit it to co-sell with AWS.",
        "link": "pipeline:opportunity_new",
        "link_label": "Create opportunity",
        "done_rule": {"facts_at_least": {"pipeline.submitted_opportunities": 1}},
        "order": 60,
    },
]

PROGRAM_TASKS: list[dict[str, Any]] = [
    {
        "key": "join-co-selling",
        "type": "program",
        "title": "Join the co-selling program (ACE)",
        "description": "Enrol in the customer engagements program to share opportunities with "
        "AWS sellers.",
        "form_fields": [
            {
                "name": "contact",
                "label": "Program contact (name and email)",
                "kind": "text",
                "required": True,
            },
            {
                "name": "terms",
                "label": "I have read the program terms",
                "kind": "checkbox",
                "required": True,
            },
        ],
        "rule": {"facts_exclude": {"programs.enrolled": "ACE"}},
        "order": 10,
    },
    {
        "key": "referral-eligibility",
        "type": "program",
        "title": "Become eligible for AWS referrals",
        "description": "After 10 validated opportunities that your company originated, AWS starts "
        "sending you opportunities it originated.",
        "link": "pipeline:opportunities",
        "link_label": "Open Opportunity Management",
        "done_rule": {"facts_true": ["worklist.referral_eligible"]},
        "order": 20,
    },
    {
        "key": "technical-review",
        "type": "program",
        "title": "Pass a foundational technical review",
        "description": "Have AWS review your software's architecture against the foundational "
        "best practices.",
        "form_fields": [
            {"name": "workload", "label": "Workload reviewed", "kind": "text", "required": True},
            _date("Date of the review"),
        ],
        "rule": {"paths_any": ["Software"], "facts_exclude": {"programs.enrolled": "FTR"}},
        "order": 30,
    },
    {
        "key": "managed-service-program",
        "type": "program",
        "title": "Apply to the managed service provider program",
        "description": "Show how you run customers' workloads on AWS to earn the managed service "
        "provider designation.",
        "form_fields": [
            {
                "name": "customers",
                "label": "Customers you manage today",
                "kind": "text",
                "required": True,
            },
            NOTES,
        ],
        "rule": {
            "facts_include": {"worklist.offering_kinds": MSP},
            "facts_exclude": {"programs.enrolled": "MSP"},
        },
        "order": 40,
    },
    {
        "key": "specialization-program",
        "type": "program",
        "title": "Apply for an AWS Specialization",
        "description": "Once AWS refers customers to you, a specialization shows them your "
        "proven expertise.",
        "form_fields": [
            {"name": "specialization", "label": "Specialization", "kind": "text", "required": True},
            NOTES,
        ],
        "rule": {"min_stage": "Validated", "facts_true": ["worklist.referral_eligible"]},
        "order": 50,
    },
]

BUILD = [
    _solution(
        "build-cloud-foundations",
        "Build",
        ALL_KINDS,
        "Learn the cloud foundations",
        "Take the foundations learning path so everyone on the offering shares the basics.",
        form_fields=[_date(), NOTES],
        order=10,
    ),
    _solution(
        "build-architect-plan",
        "Build",
        ALL_KINDS,
        "Follow the solutions architect plan",
        "Learn how AWS services are best combined before you design the offering.",
        form_fields=[_date(), NOTES],
        order=20,
    ),
    _solution(
        "build-solution-guide",
        "Build",
        ALL_KINDS,
        "Shape the offering for an industry",
        "Use the solution building guide to focus the offering on one industry's needs.",
        form_fields=[
            {
                "name": "industry",
                "label": "Industry you build for",
                "kind": "text",
                "required": True,
            },
            NOTES,
        ],
        order=30,
    ),
    _solution(
        "build-sandbox-credits",
        "Build",
        ALL_KINDS,
        "Request credits for building",
        "Ask for sandbox credits to cover what building the offering costs on AWS.",
        form_fields=[
            {
                "name": "purpose",
                "label": "What the credits will pay for",
                "kind": "textarea",
                "required": True,
            }
        ],
        order=40,
    ),
    _solution(
        "build-msp-workshops",
        "Build",
        [MSP],
        "Work through the managed-service workshops",
        "Hands-on workshops and modules that build the skills of a managed service provider.",
        form_fields=[_date(), NOTES],
        order=50,
    ),
    _solution(
        "build-webinars",
        "Build",
        [MSP],
        "Watch partner webinars",
        "Free webinars and on-demand sessions for partners.",
        form_fields=[
            {
                "name": "watched",
                "label": "We watched the webinars we need",
                "kind": "checkbox",
                "required": True,
            }
        ],
        order=60,
    ),
    _solution(
        "build-publish-offering",
        "Build",
        ALL_KINDS,
        "Make the offering active",
        "An active offering can be found by AWS sellers and attached to opportunities.",
        link="pipeline:offering_edit",
        link_label="Edit the offering",
        done_rule={"facts_true": ["offering.active"]},
        order=70,
    ),
]

MARKET = [
    _solution(
        "market-marketing-tools",
        "Market",
        [SOFTWARE, SERVICE],
        "Plan campaigns with the marketing tools",
        "Use the marketing tools and toolkit to create campaign assets for the offering.",
        form_fields=[
            {"name": "campaign", "label": "Campaign you plan", "kind": "textarea", "required": True}
        ],
        order=10,
    ),
    _solution(
        "market-development-funds",
        "Market",
        [SOFTWARE],
        "Apply for marketing development funds",
        "Funds that offset what marketing the offering costs and build pipeline.",
        form_fields=[
            {"name": "amount", "label": "Amount requested (USD)", "kind": "text", "required": True},
            {
                "name": "activity",
                "label": "Marketing activity",
                "kind": "textarea",
                "required": True,
            },
        ],
        order=20,
    ),
    _solution(
        "market-badges",
        "Market",
        [SOFTWARE],
        "Create your partner badges",
        "Badges show your relationship with AWS and the designations you earned.",
        form_fields=[
            {
                "name": "done",
                "label": "Our badges are on our website",
                "kind": "checkbox",
                "required": True,
            }
        ],
        rule={"min_stage": "Validated"},
        order=30,
    ),
    _solution(
        "market-gtm-plan",
        "Market",
        ALL_KINDS,
        "Write your go-to-market plan",
        "Start from the strategy and business plan templates: who buys, how you reach "
        "them, how leads come in.",
        form_fields=[
            {"name": "plan", "label": "Link to your plan", "kind": "url", "required": True},
            NOTES,
        ],
        order=40,
    ),
    _solution(
        "market-free-tier",
        "Market",
        [SOFTWARE],
        "Offer a free tier on AWS Marketplace",
        "A free tier lets customers try the product; list it on AWS Marketplace.",
        link="pipeline:offering_edit",
        link_label="Add the Marketplace listing",
        done_rule={"facts_true": ["offering.marketplace_listed"]},
        order=50,
    ),
    _solution(
        "market-case-study",
        "Market",
        [SERVICE, MSP],
        "Publish a case study",
        "Write up a customer success with the offering and link it to the offering.",
        form_fields=[
            {"name": "title", "label": "Case study title", "kind": "text", "required": True},
            {"name": "url", "label": "Where it is published", "kind": "url"},
        ],
        rule={"facts_below": {"content.validated_case_studies": 1}},
        order=60,
    ),
    _solution(
        "market-finder-listing",
        "Market",
        ALL_KINDS,
        "Keep your finder listing current",
        "Customers find you on the public partner finder and AWS sellers in their own "
        "directory: check that the listing says what the offering does today.",
        form_fields=[
            {
                "name": "reviewed",
                "label": "We reviewed the listing",
                "kind": "checkbox",
                "required": True,
            }
        ],
        rule={"min_stage": "Validated"},
        order=70,
    ),
]

SELL = [
    _solution(
        "sell-accreditation",
        "Sell",
        ALL_KINDS,
        "Complete the sales accreditation",
        "Learn how to co-sell with AWS and tell customers what AWS adds.",
        form_fields=[_date(), NOTES],
        order=10,
    ),
    _solution(
        "sell-private-offers",
        "Sell",
        [SOFTWARE],
        "Create a private offer",
        "Private offers on AWS Marketplace let you set terms per customer.",
        link="marketplace:seller",
        link_label="Open AWS Marketplace",
        order=20,
    ),
    _solution(
        "sell-launch-opportunities",
        "Sell",
        ALL_KINDS,
        "Launch two opportunities with this offering",
        "Submit opportunities with the offering attached; when two of them are launched "
        "the offering moves to Grow.",
        link="pipeline:opportunities",
        link_label="Open Opportunity Management",
        done_rule={"offering_stages": ["Grow"]},
        order=30,
    ),
    _solution(
        "sell-seller-plans",
        "Sell",
        [SERVICE, MSP],
        "Take the seller learning plans",
        "Learn what customers need on AWS and how partners and AWS sellers work together.",
        form_fields=[_date(), NOTES],
        order=40,
    ),
    _solution(
        "sell-channel-toolkit",
        "Sell",
        [SERVICE, MSP],
        "Sell through channel partners",
        "Use the channel partner toolkit to sell the offering on AWS Marketplace.",
        link="marketplace:seller",
        link_label="Open AWS Marketplace",
        order=50,
    ),
    _solution(
        "sell-poc-funding",
        "Sell",
        [SERVICE, MSP],
        "Request proof-of-concept funding",
        "Funding for a proof of concept helps win a new customer or grow an existing one.",
        form_fields=[
            {"name": "customer", "label": "Customer", "kind": "text", "required": True},
            {
                "name": "scope",
                "label": "Scope of the proof of concept",
                "kind": "textarea",
                "required": True,
            },
        ],
        order=60,
    ),
]

GROW = [
    _solution(
        "grow-specialization",
        "Grow",
        [SOFTWARE, SERVICE],
        "Earn an AWS Specialization",
        "A specialization shows customers the expertise behind the offering.",
        form_fields=[
            {"name": "specialization", "label": "Specialization", "kind": "text", "required": True}
        ],
        order=10,
    ),
    _solution(
        "grow-pilots",
        "Grow",
        [SOFTWARE],
        "Run pilots in your specialization",
        "Pilots with new customers in your specialization prove the offering at scale.",
        form_fields=[
            {"name": "pilot", "label": "Pilot customer", "kind": "text", "required": True},
            NOTES,
        ],
        order=20,
    ),
    _solution(
        "grow-private-offers",
        "Grow",
        ALL_KINDS,
        "Offer flexible pricing privately",
        "Private offers streamline procurement and let you price per customer.",
        link="marketplace:seller",
        link_label="Open AWS Marketplace",
        order=30,
    ),
    _solution(
        "grow-channel-partners",
        "Grow",
        [SOFTWARE],
        "Authorize channel partners",
        "Let channel partners resell the offering on AWS Marketplace.",
        form_fields=[
            {
                "name": "partners",
                "label": "Channel partners authorized",
                "kind": "textarea",
                "required": True,
            }
        ],
        order=40,
    ),
    _solution(
        "grow-renewals",
        "Grow",
        [SERVICE, MSP],
        "Refine your renewals",
        "Use the channel renewal playbook to plan renewals and channel private offers.",
        form_fields=[_date(), NOTES],
        order=50,
    ),
    _solution(
        "grow-share-opportunities",
        "Grow",
        [SERVICE, MSP],
        "Share more opportunities with this offering",
        "Opportunities linked to the offering make you stand out to AWS sales teams.",
        link="pipeline:opportunities",
        link_label="Open Opportunity Management",
        done_rule={"facts_at_least": {"offering.opportunities": 5}},
        order=60,
    ),
]

DEFINITIONS = ACCOUNT_TASKS + PROGRAM_TASKS + BUILD + MARKET + SELL + GROW

GROWTH_RULES: list[dict[str, Any]] = [
    {"subject": "company", "target": "referral_eligible",
     "measure": "pipeline.validated_partner_opportunities", "threshold": 10,
     "description": "Eligible for AWS referrals after 10 validated partner-originated "
                    "opportunities."},
    {"subject": "offering", "target": "Market", "measure": "offering.active", "threshold": 1,
     "description": "An active offering is ready to be marketed."},
    {"subject": "offering", "target": "Sell", "measure": "offering.opportunities", "threshold": 1,
     "description": "An offering attached to an opportunity is being sold."},
    {"subject": "offering", "target": "Grow", "measure": "offering.launched_opportunities",
     "threshold": 2, "description": "Two launched opportunities with the offering attached."},
]  # fmt: skip


def load(definition_model: Any, rule_model: Any) -> int:
    """Add the entries missing from the tables (by key; rules by subject and target)."""
    added = 0
    for entry in DEFINITIONS:
        _made, created = definition_model.objects.get_or_create(key=entry["key"], defaults=entry)
        added += created
    for rule in GROWTH_RULES:
        _made, created = rule_model.objects.get_or_create(
            subject=rule["subject"], target=rule["target"], defaults=rule
        )
        added += created
    return added
