from django.urls import path

from allyport.support.views import articles, partner

app_name = "support"

urlpatterns = [
    path("", partner.home, name="home"),
    path("cases/new/", partner.create, name="create"),
    path("cases/new/topics/", partner.topic_fields, name="topic_fields"),
    path("cases/new/suggestions/", partner.suggestions, name="suggestions"),
    path("cases/<str:case_id>/", partner.case_detail, name="case"),
    path("cases/<str:case_id>/resolve/", partner.resolve, name="resolve"),
    path("cases/<str:case_id>/reopen/", partner.reopen, name="reopen"),
    path("files/<str:file_id>/", partner.attachment, name="attachment"),
    path("articles/", articles.articles, name="articles"),
    path("articles/<slug:slug>/", articles.article, name="article"),
    path("articles/<slug:slug>/rate/", articles.rate, name="rate"),
]
