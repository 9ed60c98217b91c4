from django.urls import path

from allyport.assistant.views import chat, company, rating

app_name = "assistant"

urlpatterns = [
    path("", chat.chat_page, name="chat"),
    path("panel/", chat.panel, name="panel"),
    path("ask/", chat.ask, name="ask"),
    path("new/", chat.start_over, name="start_over"),
    path("answers/<int:exchange_id>/vote/", chat.vote, name="vote"),
    path("answers/<int:exchange_id>/details/", chat.explain, name="explain"),
    path("feedback/", rating.rate, name="feedback"),
    path("settings/", company.settings_page, name="settings"),
]
