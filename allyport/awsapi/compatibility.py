"""`docs/api-compatibility.md`: every operation of the served models, and whether
Allyport handles it, rendered from the installed botocore and the registry.
A test compares the committed file with this rendering, so the page cannot lie."""

from __future__ import annotations

from allyport.awsapi import registry, service_models
from allyport.shapes import loader, selling

COMMAND = "python manage.py api_compatibility > docs/api-compatibility.md"


def render() -> str:
    lines = [
        "# API compatibility",
        "",
        "Operations of the Partner Central AWS JSON services as the installed botocore "
        f"({loader.botocore_version()}) models them, and whether Allyport's endpoint "
        "(`/api/aws`) handles each. Generated; do not edit. Regenerate with",
        f"`{COMMAND}`",
        "(`allyport/awsapi/tests/test_compatibility_doc.py` fails while this file differs).",
    ]
    # The selling API first: it is the one CRM connectors call.
    for service in sorted(service_models.json_services(), key=lambda name: name != selling.SERVICE):
        lines += ["", *_service_section(service)]
    return "\n".join(lines) + "\n"


def _service_section(service: str) -> list[str]:
    model = loader.service_model(service)
    names = sorted(model.operation_names)
    supported = registry.supported(service)
    paginated = loader.paginated_operations(service)
    count = sum(name in supported for name in names)
    lines = [
        f"## {service}",
        "",
        f"{count} of {len(names)} operations supported "
        f"(API version {model.api_version}, target prefix `{model.metadata['targetPrefix']}`).",
        "",
        "| Operation | Supported | Paginator |",
        "|---|---|---|",
    ]
    lines += [
        f"| {name} | {_yes(name in supported)} | {_yes(name in paginated)} |" for name in names
    ]
    return lines


def _yes(value: bool) -> str:
    return "yes" if value else "no"
