from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorklistConfig(AppConfig):
    """The guide's partner tasks: the catalogue, recommendations, assignment and completion."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.worklist"
    verbose_name = _("Tasks")
