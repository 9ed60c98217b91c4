from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class HomeConfig(AppConfig):
    """The top of the house: the home page and the demo data, which assemble several
    apps and so belong to none of them."""

    name = "allyport.home"
    label = "home"
    verbose_name = gettext_lazy("Home")
