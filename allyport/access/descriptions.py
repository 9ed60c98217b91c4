"""What each menu item is for, in the guide's words (its table "AWS Partner Central
menus and role, path, and stage access", column Description, and the "My tasks menu
option" table). The navigation bar shows them on hover and keyboard focus.

Marked with gettext_noop so the catalogues carry them; the bar translates them when it
renders (`core/_menu.html`).
"""

# ruff: noqa: E501  (the guide's sentences, one a line, as translators will see them)
from __future__ import annotations

from django.utils.translation import gettext_noop as _

# By the access model's item key ("Menu/Item"); Allyport's own menus by "Menu/Label".
MENU_DESCRIPTIONS: dict[str, str] = {
    "Learn/Partner Training": _("Build your competence, confidence, and credibility to better support customers with essential knowledge of the AWS Cloud."),
    "Learn/Self-Paced Training": _("Find courses and content on AWS Skill Builder to empower learners across all levels."),
    "Learn/Instructor-Led Training": _("Learn AWS Cloud skills and best practices with expert AWS instructors."),
    "Learn/Certification": _("Validate technical skills and cloud expertise with certifications across role and specialty."),
    "Build/Offerings": _("List products and services available to your customers."),
    "Build/Case Studies": _("Submit case studies to support your offerings and program applications."),
    "Build/Device Listing": _("Submit hardware products for AWS Device Qualification and AWS Partner Device Catalog listing."),
    "Build/Well-Architected workloads": _("Upload Well-Architected Partner Program workloads."),
    "Market/Offerings": _("List products and services available to your customers."),
    "Market/Marketing Central": _("Generate demand for your offerings using the AWS self-service marketing portal."),
    "Market/Sponsorships": _("Connect with customers and prospects to grow your AWS business."),
    "Market/Marketing Toolkit": _("Access partner creative and messaging guidelines to create marketing assets that showcase your expertise and relationship with AWS."),
    "Market/My Solutions Finder Listing": _("View your public AWS Partner listing that highlights your capabilities to potential customers."),
    "Market/Public Reference": _("Submit public references to advance through program and tier requirements."),
    "Market/Find Partners": _("Connect with other partners to grow your business."),
    "Market/Badge Manager": _("Create custom partner badges to showcase your relationship with AWS and earned specializations."),
    "Market/Leads Management": _("Manage qualified leads from the AWS Partner Marketing teams."),
    "Sell/Opportunity Management": _("Manage opportunities from the AWS Sales team and upload opportunities for sales support from AWS."),
    "Programs/Partner Programs": _("Discover partner programs to help you build, market, and sell your offerings."),
    "Programs/Program Application": _("Apply to partner programs to unlock more benefits."),
    "Programs/Solution Provider Resources": _("The Solution Provider Resources page is designed to help guide authorized AWS Solutions Providers through numerous topics and key program requirements."),
    "Funding/Funding Benefits": _("Discover funding benefits to help you manage training, development, and marketing costs."),
    "Funding/Funding Portal": _("Access your funding benefits to accelerate your business development with AWS."),
    "Resources/Navigate": _("Get prescriptive guidance with Navigate enablement tracks."),
    "Resources/Documents": _("Access guides and help documents on topics around partner programs, AWS Services and more."),
    "Resources/Videos": _("View videos on-demand across business, sales, and technical content."),
    "Resources/FAQs": _("View our frequently asked questions about AWS Partner Central."),
    "Resources/View all": _("Search across all resource categories."),
    "Channel/Channel Management": _("Channel management page from previous version of AWS Partner Central. Includes Program Management Accounts, End User Information, and Partner Growth Rebate tabs."),
    "My Company/Partner Scorecard": _("View your Partner Scorecard to track progression in your AWS Partner Path and tier requirements."),
    "My Company/Company Profile": _("Manage your company information and Partner Solutions Finder listing."),
    "My Company/User Management": _("Manage users in your organization and assign user roles to users."),
    "My Company/Job Board": _("Find cloud-certified job seekers to grow your organization."),
    "My Company/View all Training and Certification": _("Keep track of your team's learning progress and earned certifications."),
    "My Company/View alliance lead and Request Change": _("Identify your organizations alliance lead and request a change if the designated user has changed."),
    "My Profile/My Profile": _("Manage your user profile."),
    "My Profile/My Certifications": _("Link your AWS training account and view your training and certification."),
    "My Profile/Logout": _("Log out of AWS Partner Central."),
    "My Profile/Partner Terms and Conditions": _("View AWS Partner terms and conditions."),
    "My tasks/Account tasks": _("AWS Partner Central onboarding, account setup and administration."),
    "My tasks/Solution tasks": _("Build, market, sell, and grow solutions on AWS."),
    "My tasks/Program tasks": _("Enroll in AWS Partner Network programs."),
}  # fmt: skip


def menu_description(key: str) -> str:
    """The untranslated description of a menu item, or "" for Allyport's own items."""
    return MENU_DESCRIPTIONS.get(key, "")
