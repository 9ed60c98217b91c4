"""An asset as people see it: the filled fields laid out by section, as HTML made
safe by the project's sanitiser (nh3): typed text is escaped, rich text keeps only
the tags its template allows (and the house allow-list), links get rel="noopener
noreferrer nofollow", images only from https addresses."""

from __future__ import annotations

import html
from typing import Any

import nh3
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from allyport.marketing.models import CampaignAsset

TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "blockquote",
    "img",
    "div",
    "section",
    "header",
    "footer",
    "span",
}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}, "section": {"class"}}
SECTIONS = ("HEADER", "BODY", "FOOTER")


def clean(markup: str, allowed: set[str] | None = None) -> str:
    tags = TAGS if allowed is None else TAGS & allowed
    return nh3.clean(
        markup,
        tags=tags,
        attributes={k: v for k, v in ATTRIBUTES.items() if k in tags},
        url_schemes={"https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def _field_html(field: dict[str, Any], value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    kind = next(iter(field.get("Type") or {"Text": {}}))
    if value.get("Text") and kind == "RichText":
        allowed = set(field["Type"]["RichText"].get("AllowedTags") or ())
        return clean(value["Text"], allowed)
    if value.get("Text"):
        return "<p>" + html.escape(value["Text"]).replace("\n", "<br>") + "</p>"
    if value.get("ImageReference"):
        alt = html.escape(field.get("Label") or "")
        return f'<img src="{html.escape(value["ImageReference"])}" alt="{alt}">'
    return ""


def visible_fields(asset: CampaignAsset) -> list[dict[str, Any]]:
    """The template's fields the chosen layout shows (all without layouts)."""
    fields: list[dict[str, Any]] = asset.source.fields if asset.source is not None else []
    layouts = asset.source.layouts if asset.source is not None else []
    chosen = next((option for option in layouts if option.get("Value") == asset.layout), None)
    if chosen is None:
        return fields
    return [field for field in fields if field["FieldId"] in chosen.get("FieldIds", ())]


def preview(asset: CampaignAsset) -> SafeString:
    """The asset's HTML, each section in order; sanitised as a whole once more."""
    parts = []
    fields = visible_fields(asset)
    for section in SECTIONS:
        inner = "".join(
            _field_html(f, asset.field_values.get(f["FieldId"]))
            for f in fields
            if (f.get("Section") or "BODY") == section
        )
        if inner:
            parts.append(f'<section class="{section.lower()}">{inner}</section>')
    campaign = asset.campaign
    if asset.category in ("EMAIL", "LANDING_PAGE"):
        footer = html.escape(campaign.partner_address)
        if campaign.privacy_policy_url:
            url = html.escape(campaign.privacy_policy_url)
            footer += f' <a href="{url}">{html.escape(_("Privacy policy"))}</a>'
        parts.append(f'<section class="footer"><p>{footer}</p></section>')
    return mark_safe(clean("".join(parts)))  # noqa: S308 - sanitised by nh3 in clean()


def subject(asset: CampaignAsset) -> str:
    for key in ("Subject", "subject", "SubjectLine"):
        value = asset.field_values.get(key) or {}
        if value.get("Text"):
            return " ".join(str(value["Text"]).split())[:200]
    return asset.name


def plain(asset: CampaignAsset) -> str:
    return html.unescape(
        nh3.clean(str(preview(asset)).replace("</p>", "</p>\n"), tags=set())
    ).strip()
