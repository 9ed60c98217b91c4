"""The AWS JSON 1.0 endpoint, the protocol only: SigV4, dispatch, the registry, error bodies
(the models, validation and serialization are `allyport.shapes`)."""

from __future__ import annotations

from importlib import import_module

from django.apps import AppConfig, apps

# Modules that register operation handlers (`registry.operation`), imported at start.
# A module whose app is not installed yet is left out, so the endpoint runs before
# every handler has landed; an installed app's module must import cleanly.
HANDLER_MODULES = (
    "allyport.pipeline.api",
    "allyport.customers.api",
    "allyport.bulk.api",
    "allyport.funding.api",
    "allyport.channel.api",
    "allyport.profiles.api",
    "allyport.connections.api",
)


def import_handler_modules(modules: tuple[str, ...] = HANDLER_MODULES) -> list[str]:
    """Import the handler modules of installed apps; return the ones imported."""
    imported = []
    for module in modules:
        app_name = module.rpartition(".")[0]
        if apps.is_installed(app_name):
            import_module(module)
            imported.append(module)
    return imported


class AwsapiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "allyport.awsapi"
    label = "awsapi"
    verbose_name = "AWS API endpoint"

    def ready(self) -> None:
        import_handler_modules()
