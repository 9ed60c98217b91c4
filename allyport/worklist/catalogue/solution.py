"""Solution tasks of the starting catalogue: the guide's Build, Market, Sell and Grow
tables for software, service and managed-service offerings, in our words."""

from __future__ import annotations

from allyport.worklist.catalogue.common import (
    ALL_KINDS,
    MSP,
    NOTES,
    SERVICE,
    SOFTWARE,
    date_field,
    solution_task,
)

BUILD = [
    solution_task(
        "build-cloud-foundations",
        "Build",
        ALL_KINDS,
        "Learn the cloud foundations",
        "Take the foundations learning path so everyone on the offering shares the basics.",
        form_fields=[date_field(), NOTES],
        order=10,
    ),
    solution_task(
        "build-architect-plan",
        "Build",
        ALL_KINDS,
        "Follow the solutions architect plan",
        "Learn how AWS services are best combined before you design the offering.",
        form_fields=[date_field(), NOTES],
        order=20,
    ),
    solution_task(
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
    solution_task(
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
    solution_task(
        "build-msp-workshops",
        "Build",
        [MSP],
        "Work through the managed-service workshops",
        "Hands-on workshops and modules that build the skills of a managed service provider.",
        form_fields=[date_field(), NOTES],
        order=50,
    ),
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
        "sell-accreditation",
        "Sell",
        ALL_KINDS,
        "Complete the sales accreditation",
        "Learn how to co-sell with AWS and tell customers what AWS adds.",
        form_fields=[date_field(), NOTES],
        order=10,
    ),
    solution_task(
        "sell-private-offers",
        "Sell",
        [SOFTWARE],
        "Create a private offer",
        "Private offers on AWS Marketplace let you set terms per customer.",
        link="marketplace:seller",
        link_label="Open AWS Marketplace",
        order=20,
    ),
    solution_task(
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
    solution_task(
        "sell-seller-plans",
        "Sell",
        [SERVICE, MSP],
        "Take the seller learning plans",
        "Learn what customers need on AWS and how partners and AWS sellers work together.",
        form_fields=[date_field(), NOTES],
        order=40,
    ),
    solution_task(
        "sell-channel-toolkit",
        "Sell",
        [SERVICE, MSP],
        "Sell through channel partners",
        "Use the channel partner toolkit to sell the offering on AWS Marketplace.",
        link="marketplace:seller",
        link_label="Open AWS Marketplace",
        order=50,
    ),
    solution_task(
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
    solution_task(
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
    solution_task(
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
    solution_task(
        "grow-private-offers",
        "Grow",
        ALL_KINDS,
        "Offer flexible pricing privately",
        "Private offers streamline procurement and let you price per customer.",
        link="marketplace:seller",
        link_label="Open AWS Marketplace",
        order=30,
    ),
    solution_task(
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
    solution_task(
        "grow-renewals",
        "Grow",
        [SERVICE, MSP],
        "Refine your renewals",
        "Use the channel renewal playbook to plan renewals and channel private offers.",
        form_fields=[date_field(), NOTES],
        order=50,
    ),
    solution_task(
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
