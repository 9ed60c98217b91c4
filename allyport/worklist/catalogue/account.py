"""Account and program tasks of the starting catalogue."""

from __future__ import annotations

from typing import Any

from allyport.worklist.catalogue.common import MSP, NOTES, date_field

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
            date_field("Date of the review"),
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
