"""Badge Manager (Validated or higher): badges built from the company's stage, tier and
designations (read from the "company.qualifications" slot), as SVG (built by hand,
every text escaped) and PNG (drawn with Pillow), with the usage rules."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from allyport.access.actor import Actor
from allyport.content.market.models import BadgeDownload
from allyport.content.permissions import BADGE_MANAGER, GENERATE_BADGE
from allyport.content.shared import guard
from allyport.core.contributions import contributed
from allyport.core.errors import NotFound

WIDTH, HEIGHT = 360, 120
NAVY, ORANGE, WHITE = "#232f3e", "#ff9900", "#ffffff"
FORMATS = ("svg", "png")
# Kinds of qualification that become badges (the programs app's words).
BADGE_KINDS = {"tier", "designation", "specialization", "competency", "certification"}


@dataclass(frozen=True)
class Badge:
    key: str
    title: str
    subtitle: str


def qualifications(company: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for source in contributed("company.qualifications"):
        found += source(company)
    return found


def badges_for(company: Any) -> list[Badge]:
    """The stage badge, then one per tier and designation the company holds."""
    made = [Badge("stage", _("AWS Partner"), _("%(stage)s stage") % {"stage": company.stage})]
    for item in qualifications(company):
        kind = str(item.get("kind", "")).lower()
        name = str(item.get("name", "")).strip()
        if kind in BADGE_KINDS and name:
            key = f"{kind}-{slugify(name)}"[:100]
            made.append(Badge(key, name, str(item.get("detail") or kind.title())[:60]))
    return made


def svg_of(badge: Badge, company_name: str) -> str:
    """A 360×120 badge; every text is escaped (names come from partners and staff)."""
    title, subtitle, company = (escape(badge.title), escape(badge.subtitle), escape(company_name))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{title}: {subtitle}">'
        f"<title>{title}: {subtitle}</title>"
        f'<rect width="{WIDTH}" height="{HEIGHT}" rx="10" fill="{NAVY}"/>'
        f'<rect x="0" y="{HEIGHT - 10}" width="{WIDTH}" height="10" fill="{ORANGE}"/>'
        f'<text x="20" y="42" font-family="Arial, sans-serif" font-size="24" font-weight="bold" '
        f'fill="{WHITE}">{title}</text>'
        f'<text x="20" y="72" font-family="Arial, sans-serif" font-size="18" fill="{ORANGE}">'
        f"{subtitle}</text>"
        f'<text x="20" y="98" font-family="Arial, sans-serif" font-size="13" fill="{WHITE}">'
        f"{company}</text></svg>"
    )


def png_of(badge: Badge, company_name: str) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), NAVY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 10, WIDTH, HEIGHT), fill=ORANGE)
    draw.text((20, 18), badge.title, fill=WHITE, font=ImageFont.load_default(size=24))
    draw.text((20, 52), badge.subtitle, fill=ORANGE, font=ImageFont.load_default(size=18))
    draw.text((20, 84), company_name, fill=WHITE, font=ImageFont.load_default(size=13))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def generate_badge(actor: Actor, key: str, image_format: str) -> tuple[Badge, bytes]:
    """The badge's image, and a record of who took it (staff see who uses badges)."""
    guard.require(actor, GENERATE_BADGE, actor.company, menu=BADGE_MANAGER)
    badge = next((b for b in badges_for(actor.company) if b.key == key), None)
    if badge is None or image_format not in FORMATS:
        raise NotFound("Badge", key)
    name = actor.company.legal_name  # type: ignore[union-attr]
    data = svg_of(badge, name).encode() if image_format == "svg" else png_of(badge, name)
    with transaction.atomic():
        BadgeDownload.objects.create(
            company=guard.company_of(actor),
            user=guard.user_of(actor),
            badge=key,
            image_format=image_format,
        )
        guard.record(
            actor, "GenerateBadge", company=guard.company_of(actor), resource_type="Badge",
            identifier=key, request={"format": image_format},
        )  # fmt: skip
    return badge, data
