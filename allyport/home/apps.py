from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top of the house: the home page and the demo data, which assemble several
    apps and so belong to none of them."""

    name = "allyport.home"
    label = "home"
    verbose_name = "Home"
