"""Mounted at `api/aws` without a trailing slash (project urls.py): boto3 posts to the
path of `endpoint_url` exactly, so `endpoint_url="http://HOST:PORT/api/aws"` sends
`POST /api/aws`, and `.../api/aws/` sends `POST /api/aws/`; both are served.

Smithy RPC v2 CBOR clients append `/service/<ServiceName>/operation/<Operation>` to
the endpoint's path (botocore's ServiceName is the model's targetPrefix), so they
post to `/api/aws/service/AWSPartnerDemandGenerator/operation/GetCampaign`; a
trailing slash on `endpoint_url` gives `/api/aws//service/...`, served as well.

`[/]` rather than `/`: Django's urls.W002 check warns about patterns that start
with a slash, meant for includes that forgot theirs; this one has none on purpose.
"""

from django.urls import path, re_path

from allyport.awsapi import views

app_name = "awsapi"

urlpatterns = [
    path("", views.endpoint, name="endpoint"),
    re_path(r"^[/]$", views.endpoint),
    re_path(r"^[/]_ping$", views.ping, name="ping"),
    re_path(
        r"^[/]{1,2}service/(?P<service_name>[^/]*)/operation/(?P<operation>[^/]*)$",
        views.rpc_v2_cbor,
        name="rpc-v2-cbor",
    ),
]
