from django.urls import path

from allyport.helpcentre import views

app_name = "helpcentre"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.article, name="article"),
]
