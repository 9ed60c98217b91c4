from django.urls import path

from allyport.marketplace.views import linking, manage, seller

app_name = "marketplace"

urlpatterns = [
    path("", linking.account_linking, name="account_linking"),
    path("link/sign-in/", linking.sign_in, name="link_sign_in"),
    path("link/step-<int:step>/", linking.link_step, name="link_step"),
    path("linked-account/", manage.linked_account, name="linked_account"),
    path("linked-account/map/", manage.map_role, name="map_role"),
    path("linked-account/unmap/", manage.unmap_role, name="unmap_role"),
    path("linked-account/crm-role/", manage.crm_role, name="crm_role"),
    path("linked-account/unlink/", manage.unlink, name="unlink"),
    path("seller/", seller.seller_home, name="seller"),
    path("seller/products/new/", seller.new_product, name="new_product"),
    path("seller/offers/new/", seller.offer, name="new_offer"),
    path("seller/offers/<str:offer_id>/", seller.offer, name="offer"),
]
