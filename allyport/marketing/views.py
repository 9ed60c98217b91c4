"""Market > Marketing Central: the template catalogue, a campaign made from a template,
its assets (filled in and previewed), Activate and Export, and social connections
through the recorded authorization page. Each page calls the services the Marketing
API calls, so both decide and record alike."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from allyport.access.middleware import ActorRequest
from allyport.access.views import member_page, service_refusals
from allyport.core.confirm import require_confirm
from allyport.core.errors import ChangeRefused, Conflict, RuleViolation
from allyport.marketing.forms import (
    CAMPAIGN_FIELDS,
    AssetForm,
    CampaignForm,
    ConfirmForm,
    NewCampaignForm,
)
from allyport.marketing.models import CampaignTemplate, SocialConnection
from allyport.marketing.permissions import MENU_ITEM
from allyport.marketing.services import (
    activation,
    assets,
    campaigns,
    exports,
    issues,
    output,
    rendering,
    social,
    templates,
)
from allyport.pipeline.web import catalog_of, catalog_query

FILTERS = (
    ("industry", "Industry"),
    ("language", "Language"),
    ("theme", "Themes"),
    ("segment", "CustomerSegments"),
    ("collection", "Collection"),
)


def _search_request(request: ActorRequest, catalog: str) -> dict[str, Any]:
    search: dict[str, Any] = {"Catalog": catalog, "MaxResults": 100}
    text = request.GET.get("q", "").strip()
    if text:
        search["SearchText"] = text[:512]
    for name, member in FILTERS:
        if request.GET.get(name):
            search[member] = [request.GET[name]]
    return search


ACRONYMS = {"AI", "ML", "SMB", "IOT", "ISV", "SAAS"}


def value_label(name: str, value: str) -> str:
    """How a template's filter value reads: a language by its name, an API enum such as
    MIGRATION_MODERNIZATION in sentence case (Migration modernization)."""
    if name == "language":
        return dict(settings.LANGUAGES).get(value, value)
    words = [w if w in ACRONYMS else w.lower() for w in value.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _template_meta(template: CampaignTemplate) -> str:
    parts = [value_label("industry", template.industry)] if template.industry else []
    parts.append(value_label("language", template.language))
    parts += [value_label("theme", theme) for theme in template.themes]
    return " · ".join(parts)


def _facets(request: ActorRequest) -> list[dict[str, Any]]:
    """Each filter's label, the values the published templates hold, and the choice."""
    published = list(CampaignTemplate.objects.filter(published=True))
    values = {
        "industry": (_("Industry"), {t.industry for t in published if t.industry}),
        "language": (_("Language"), {t.language for t in published}),
        "theme": (_("Theme"), {x for t in published for x in t.themes}),
        "segment": (_("Customer segment"), {x for t in published for x in t.customer_segments}),
        "collection": (_("Collection"), {t.collection for t in published}),
    }
    return [
        {
            "name": name,
            "label": label,
            "values": [(value, value_label(name, value)) for value in sorted(found)],
            "chosen": request.GET.get(name, ""),
        }
        for name, (label, found) in values.items()
    ]


@member_page(MENU_ITEM)
@require_GET
@service_refusals
def home(request: ActorRequest) -> HttpResponse:
    """The template catalogue with search and filters, and the company's campaigns."""
    catalog = catalog_of(request)
    found, total = templates.search_templates(request.actor, _search_request(request, catalog))
    context = {
        "catalog": catalog,
        "catalog_query": catalog_query(catalog),
        "templates": [(t, _template_meta(t)) for t in found.items],
        "total": total,
        "facets": _facets(request),
        "text": request.GET.get("q", ""),
        "campaigns": campaigns.campaigns(request.actor, catalog).order_by("-created_at")[:100],
    }
    return render(request, "marketing/home.html", context)


@member_page(MENU_ITEM)
@require_http_methods(["GET", "POST"])
@service_refusals
def template_detail(request: ActorRequest, template_id: str) -> HttpResponse:
    """A template's blueprints; Create campaign makes the campaign and all its assets."""
    catalog = catalog_of(request)
    template = templates.get_template(request.actor, catalog, template_id)
    form = NewCampaignForm(request.POST or None, initial={"name": template.name[:100]})
    if request.method == "POST" and form.is_valid():
        try:
            campaign = assets.create_campaign_from_template(
                request.actor,
                catalog,
                {"Name": form.cleaned_data["name"], "CampaignTemplateId": template.public_id},
            )
        except RuleViolation as refused:
            for error in refused.errors:
                form.add_error("name" if error.field == "Name" else None, error.message)
        else:
            messages.success(request, _("Campaign %(name)s created.") % {"name": campaign.name})
            return redirect(_campaign_url(campaign.public_id, catalog))
    context = {"template": template, "form": form, "catalog_query": catalog_query(catalog)}
    return render(request, "marketing/template.html", context, status=400 if form.errors else 200)


def _campaign_url(campaign_id: str, catalog: str) -> str:
    return reverse("marketing:campaign", args=[campaign_id]) + catalog_query(catalog)


def _initial(campaign: Any) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(campaign, name)
        for name in set(CAMPAIGN_FIELDS.values())
        if name not in ("recipients", "estimated_budget", "total_budget")
    }
    for name in ("estimated_budget", "total_budget"):
        budget = getattr(campaign, name)
        if budget:
            initial[name] = budget["Amount"]
            initial["budget_currency"] = budget["CurrencyCode"]
    for platform, chosen in campaign.social_connections.items():
        initial[f"social_{platform}"] = chosen[0] if chosen else ""
    return initial


@member_page(MENU_ITEM)
@require_http_methods(["GET", "POST"])
@service_refusals
def campaign_detail(request: ActorRequest, campaign_id: str) -> HttpResponse:
    catalog = catalog_of(request)
    campaign = campaigns.get_campaign(request.actor, catalog, campaign_id)
    connections = list(SocialConnection.objects.filter(company=campaign.company, catalog=catalog))
    form = CampaignForm(request.POST or None, initial=_initial(campaign), connections=connections)
    if request.method == "POST" and form.is_valid():
        try:
            campaigns.update_campaign(request.actor, catalog, campaign_id, form.request())
        except RuleViolation as refused:
            for error in refused.errors:
                known = CAMPAIGN_FIELDS.get(error.field.split(".")[0])
                form.add_error(known if known in form.fields else None, error.message)
        except Conflict as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Campaign settings saved."))
            return redirect(_campaign_url(campaign_id, catalog))
    rows = [
        (asset, issues.asset_issues(asset)) for asset in campaign.assets.select_related("source")
    ]
    export = campaign.exports.first()
    context = {
        "campaign": campaign,
        "form": form,
        "rows": rows,
        "catalog_query": catalog_query(catalog),
        "activation": campaign.activations.first(),
        "export": export,
        "export_view": output.export_view(export) if export is not None else None,
        "confirm_form": ConfirmForm(),
    }
    return render(request, "marketing/campaign.html", context, status=400 if form.errors else 200)


@member_page(MENU_ITEM)
@require_POST
@service_refusals
def campaign_delete(request: ActorRequest, campaign_id: str) -> HttpResponse:
    catalog = catalog_of(request)
    try:
        require_confirm(request.POST.get("confirm", ""))
        campaigns.delete_campaign(request.actor, catalog, campaign_id)
    except (ChangeRefused, Conflict) as refused:
        messages.error(request, str(refused))
        return redirect(_campaign_url(campaign_id, catalog))
    messages.success(request, _("Campaign deleted."))
    return redirect(reverse("marketing:home") + catalog_query(catalog))


@member_page(MENU_ITEM)
@require_POST
@service_refusals
def campaign_activate(request: ActorRequest, campaign_id: str) -> HttpResponse:
    """Activate: every inactive asset, as one activation task."""
    catalog = catalog_of(request)
    campaign = campaigns.get_campaign(request.actor, catalog, campaign_id)
    ids = list(campaign.assets.filter(state="INACTIVE").values_list("public_id", flat=True))
    if not ids:
        messages.error(request, _("Every asset is already active."))
        return redirect(_campaign_url(campaign_id, catalog))
    try:
        task = activation.start_activation(request.actor, catalog, campaign_id, ids)
    except Conflict as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Activation %(id)s started.") % {"id": task.public_id})
    return redirect(_campaign_url(campaign_id, catalog))


@member_page(MENU_ITEM)
@require_POST
@service_refusals
def campaign_export(request: ActorRequest, campaign_id: str) -> HttpResponse:
    catalog = catalog_of(request)
    task = exports.start_export(request.actor, catalog, campaign_id)
    messages.success(request, _("Export %(id)s started.") % {"id": task.public_id})
    return redirect(_campaign_url(campaign_id, catalog))


@require_GET
def export_download(request: ActorRequest, token: str) -> HttpResponse:
    """The ZIP behind a signed, short-lived link (no session needed, as a presigned URL)."""
    try:
        task, data = exports.open_link(token)
    except exports.LinkRefused as refused:
        if refused.status == 404:
            raise Http404 from None
        return render(request, "marketing/link_refused.html", {"reason": str(refused)}, status=403)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{task.campaign.public_id}.zip"'
    return response


@member_page(MENU_ITEM)
@require_http_methods(["GET", "POST"])
@service_refusals
def asset_detail(request: ActorRequest, campaign_id: str, asset_id: str) -> HttpResponse:
    catalog = catalog_of(request)
    asset = assets.get_asset(request.actor, catalog, campaign_id, asset_id)
    form = AssetForm(request.POST or None, asset=asset)
    if request.method == "POST" and form.is_valid():
        try:
            assets.update_asset(request.actor, catalog, campaign_id, asset_id, form.request())
        except RuleViolation as refused:
            for error in refused.errors:
                name = form.field_name(error.field)
                form.add_error(name if name in form.fields else None, error.message)
        except Conflict as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Asset saved."))
            return redirect(
                reverse("marketing:asset", args=[campaign_id, asset_id]) + catalog_query(catalog)
            )
    context = {
        "asset": asset,
        "campaign": asset.campaign,
        "form": form,
        "issues": issues.asset_issues(asset),
        "preview": rendering.preview(asset),
        "catalog_query": catalog_query(catalog),
    }
    return render(request, "marketing/asset.html", context, status=400 if form.errors else 200)


@member_page(MENU_ITEM)
@require_GET
@service_refusals
def asset_preview(request: ActorRequest, campaign_id: str, asset_id: str) -> HttpResponse:
    """The asset alone, as its recipients see it (sanitised HTML)."""
    asset = assets.get_asset(request.actor, catalog_of(request), campaign_id, asset_id)
    return render(
        request, "marketing/preview.html", {"asset": asset, "preview": rendering.preview(asset)}
    )


@member_page(MENU_ITEM)
@require_http_methods(["GET", "POST"])
@service_refusals
def social_connections(request: ActorRequest) -> HttpResponse:
    """The company's connections; Connect starts the (recorded) authorization flow."""
    catalog = catalog_of(request)
    if request.method == "POST":
        platform = request.POST.get("platform", "")
        if platform not in ("FACEBOOK", "LINKEDIN", "X"):
            raise Http404
        return redirect(social.create_authorization_url(request.actor, catalog, platform))
    found = social.list_connections(request.actor, {"Catalog": catalog, "MaxResults": 100})
    context = {
        "connections": [(c, social.status_of(c)) for c in found.items],
        "platforms": ("FACEBOOK", "LINKEDIN", "X"),
        "catalog_query": catalog_query(catalog),
    }
    return render(request, "marketing/social.html", context)


@member_page(MENU_ITEM)
@require_POST
@service_refusals
def social_delete(request: ActorRequest, connection_id: str) -> HttpResponse:
    catalog = catalog_of(request)
    social.delete_connection(request.actor, catalog, connection_id)
    messages.success(request, _("Connection removed."))
    return redirect(reverse("marketing:social") + catalog_query(catalog))


@member_page(MENU_ITEM)
@require_http_methods(["GET", "POST"])
@service_refusals
def social_authorize(request: ActorRequest, state: str) -> HttpResponse:
    """The recorded consent page an authorization URL opens (no social network)."""
    from allyport.marketing.forms import PageNameForm

    flow = social.pending_authorization(request.actor, state)
    form = PageNameForm(request.POST or None, initial={"page_name": flow.company.legal_name})
    if request.method == "POST" and form.is_valid():
        connection = social.complete_authorization(
            request.actor, state, form.cleaned_data["page_name"]
        )
        messages.success(
            request, _("%(platform)s connected.") % {"platform": social.label(connection.platform)}
        )
        return redirect(reverse("marketing:social") + catalog_query(connection.catalog))
    context = {"flow": flow, "platform": social.label(flow.platform), "form": form}
    return render(request, "marketing/authorize.html", context, status=400 if form.errors else 200)
