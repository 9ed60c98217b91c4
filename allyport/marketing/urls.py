from django.urls import path, re_path

from allyport.marketing import views

app_name = "marketing"
CAMPAIGN = r"(?P<campaign_id>camp-[A-Za-z0-9]{13})"

urlpatterns = [
    path("", views.home, name="home"),
    re_path(
        r"^templates/(?P<template_id>tmpl-[0-9a-z]{13})/$", views.template_detail, name="template"
    ),
    re_path(rf"^campaigns/{CAMPAIGN}/$", views.campaign_detail, name="campaign"),
    re_path(rf"^campaigns/{CAMPAIGN}/delete/$", views.campaign_delete, name="campaign_delete"),
    re_path(rf"^campaigns/{CAMPAIGN}/activate/$", views.campaign_activate, name="activate"),
    re_path(rf"^campaigns/{CAMPAIGN}/export/$", views.campaign_export, name="export"),
    re_path(
        rf"^campaigns/{CAMPAIGN}/assets/(?P<asset_id>ast-[0-9a-z]{{13}})/$",
        views.asset_detail,
        name="asset",
    ),
    re_path(
        rf"^campaigns/{CAMPAIGN}/assets/(?P<asset_id>ast-[0-9a-z]{{13}})/preview/$",
        views.asset_preview,
        name="asset_preview",
    ),
    path("exports/<str:token>/", views.export_download, name="export_download"),
    path("social/", views.social_connections, name="social"),
    re_path(
        r"^social/(?P<connection_id>sc-[0-9a-z]{13})/delete/$",
        views.social_delete,
        name="social_delete",
    ),
    path("social/authorize/<str:state>/", views.social_authorize, name="social_authorize"),
]
