"""The marketplace view of the linked seller account, reached through the
user's mapped IAM role: products and private offers, created and edited when
that role's policies allow it."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from allyport.access.middleware import ActorRequest
from allyport.access.refusals import refused_change
from allyport.access.views import member_page
from allyport.core.errors import ChangeRefused
from allyport.marketplace.forms import OfferForm, ProductForm
from allyport.marketplace.models import PrivateOffer, Product
from allyport.marketplace.services import seller


def _access_or_page(request: ActorRequest) -> seller.SellerAccess | HttpResponse:
    try:
        return seller.seller_access(request.actor)
    except ChangeRefused as refused:
        refused_change(request, refused.reason)
        return render(
            request, "marketplace/seller_refused.html", {"reason": refused.reason}, status=403
        )


@member_page()
@require_GET
def seller_home(request: ActorRequest) -> HttpResponse:
    access = _access_or_page(request)
    if isinstance(access, HttpResponse):
        return access
    products = offers = []
    if access.can_read:
        products = list(Product.objects.filter(account=access.link.account).order_by("title"))
        offers = list(
            PrivateOffer.objects.filter(account=access.link.account)
            .select_related("product")
            .order_by("-updated_at")[:200]
        )
    return render(
        request,
        "marketplace/seller.html",
        {"access": access, "products": products, "offers": offers},
    )


def _products(access: seller.SellerAccess) -> list[tuple[str, str]]:
    rows = Product.objects.filter(account=access.link.account).order_by("title")
    return [("", _("Choose a product"))] + [(p.entity_id, p.title) for p in rows]


@member_page()
@require_http_methods(["GET", "POST"])
def new_product(request: ActorRequest) -> HttpResponse:
    access = _access_or_page(request)
    if isinstance(access, HttpResponse):
        return access
    form = ProductForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            seller.create_product(access, form.cleaned_data["title"])
        except ChangeRefused as refused:
            form.add_error("title" if refused.field == "title" else None, refused.reason)
        else:
            messages.success(request, _("The product is created."))
            return redirect("marketplace:seller")
    return render(
        request,
        "marketplace/seller_form.html",
        {"form": form, "access": access, "title": _("Create product")},
    )


@member_page()
@require_http_methods(["GET", "POST"])
def offer(request: ActorRequest, offer_id: str | None = None) -> HttpResponse:
    """Create a private offer (no offer_id) or edit one of the linked account."""
    access = _access_or_page(request)
    if isinstance(access, HttpResponse):
        return access
    existing = None
    if offer_id is not None:
        existing = PrivateOffer.objects.filter(
            account=access.link.account, entity_id=offer_id
        ).first()
        if existing is None:
            raise Http404
    initial = (
        {
            "product": existing.product.entity_id,
            "name": existing.name,
            "buyer_account_id": existing.buyer_account_id,
            "state": existing.state,
        }
        if existing
        else {}
    )
    form = OfferForm(request.POST or None, products=_products(access), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        product = Product.objects.filter(
            account=access.link.account, entity_id=data["product"]
        ).first()
        try:
            seller.save_offer(
                access, existing, product, data["name"], data["buyer_account_id"], data["state"]
            )
        except ChangeRefused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.reason)
        else:
            messages.success(request, _("The private offer is saved."))
            return redirect("marketplace:seller")
    title = _("Edit private offer") if existing else _("Create private offer")
    return render(
        request, "marketplace/seller_form.html", {"form": form, "access": access, "title": title}
    )
