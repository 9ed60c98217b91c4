from django.urls import path, re_path

from allyport.channel import views

app_name = "channel"

urlpatterns = [
    path("", views.program_accounts, name="accounts"),
    re_path(
        r"^handshakes/(?P<identifier>ch-[a-z0-9]{13})/(?P<answer>accept|reject|cancel)/$",
        views.answer_handshake,
        name="handshake_answer",
    ),
    path("end-users/", views.end_user_information, name="end_users"),
    path("growth-rebate/", views.growth_rebate, name="rebate"),
]
