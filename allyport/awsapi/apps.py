"""The AWS JSON 1.0 and Smithy RPC v2 CBOR endpoints, the protocols only: SigV4,
dispatch, the registry, error bodies (the models, validation and serialization are
`allyport.shapes`)."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from django.apps import AppConfig, apps

# Modules that register operation handlers (`registry.operation`), imported at start.
# A module whose app is not installed yet is left out, and so is an installed app
# that has no api package yet (a scaffold), so the endpoint runs before every handler
# has landed; a module that exists must import cleanly (its errors are raised).
HANDLER_MODULES = (
    "allyport.pipeline.api",
    "allyport.customers.api",
    "allyport.bulk.api",
    "allyport.funding.api",
    "allyport.channel.api",
    "allyport.profiles.api",
    "allyport.connections.api",
    "allyport.marketing.api",
)


def import_handler_modules(modules: tuple[str, ...] = HANDLER_MODULES) -> list[str]:
    """Import the handler modules of installed apps; return the ones imported."""
    imported = []
    for module in modules:
        app_name = module.rpartition(".")[0]
        if apps.is_installed(app_name) and find_spec(module) is not None:
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
