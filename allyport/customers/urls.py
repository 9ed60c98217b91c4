from django.urls import path, re_path

from allyport.customers import views

app_name = "customers"

ACCOUNT = r"^(?P<identifier>cust-acc-[0-9a-z]{13})/"

urlpatterns = [
    path("", views.customer_accounts, name="list"),
    path("new/", views.new_customer_account, name="new"),
    re_path(ACCOUNT + "edit/$", views.edit_customer_account, name="edit"),
    re_path(ACCOUNT + "delete/$", views.delete_customer_account, name="delete"),
    path("bulk-reports/<str:token>/", views.bulk_report, name="bulk_report"),
]
