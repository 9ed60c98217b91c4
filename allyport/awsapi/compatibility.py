"""`docs/api-compatibility.md`: every Partner Central model botocore installs, every
operation of each, and whether Allyport handles it, rendered from the installed
botocore and the registry. A test compares the committed file with this rendering,
so the page cannot lie."""

from __future__ import annotations

from allyport.awsapi import registry, service_models
from allyport.shapes import loader, selling

COMMAND = "python manage.py api_compatibility > docs/api-compatibility.md"


def render() -> str:
    lines = [
        "# API compatibility",
        "",
        "Operations of the Partner Central services as the installed botocore "
        f"({loader.botocore_version()}) models them, and whether Allyport's endpoint "
        "(`/api/aws` for AWS JSON, `/api/aws/service/<ServiceName>/operation/<Operation>` "
        "for Smithy RPC v2 CBOR) handles each. Generated; do not edit. Regenerate with",
        f"`{COMMAND}`",
        "(`allyport/awsapi/tests/test_compatibility_doc.py` fails while this file differs).",
        "",
        *_summary(),
    ]
    # The selling API first: it is the one CRM connectors call.
    for service in sorted(
        service_models.served_services(), key=lambda name: name != selling.SERVICE
    ):
        lines += ["", *_service_section(service)]
    for service in _other_services():
        lines += ["", *_unserved_section(service)]
    return "\n".join(lines) + "\n"


def _other_services() -> list[str]:
    """The installed models in a protocol the endpoint does not speak."""
    return [name for name in loader.services() if name not in service_models.served_services()]


def _protocol(service: str) -> str:
    metadata = loader.service_model(service).metadata
    return ", ".join(metadata.get("protocols") or [metadata.get("protocol", "")])


def _summary() -> list[str]:
    lines = ["| Service | Protocol | Operations | Supported |", "|---|---|---|---|"]
    served = service_models.served_services()
    for service in sorted(loader.services(), key=lambda name: name != selling.SERVICE):
        total = len(loader.service_model(service).operation_names)
        count = len(registry.supported(service)) if service in served else 0
        lines.append(f"| {service} | {_protocol(service)} | {total} | {count} |")
    return lines


def _unserved_section(service: str) -> list[str]:
    model = loader.service_model(service)
    names = sorted(model.operation_names)
    return [
        f"## {service}",
        "",
        f"0 of {len(names)} operations supported (API version {model.api_version}, protocol "
        f"`{_protocol(service)}`, which the endpoint does not speak).",
        "",
        "| Operation | Supported |",
        "|---|---|",
        *[f"| {name} | no |" for name in names],
    ]


def _service_section(service: str) -> list[str]:
    model = loader.service_model(service)
    names = sorted(model.operation_names)
    supported = registry.supported(service)
    paginated = loader.paginated_operations(service)
    count = sum(name in supported for name in names)
    modules = sorted({_module(service, name) for name in supported})
    lines = [
        f"## {service}",
        "",
        f"{count} of {len(names)} operations supported "
        f"(API version {model.api_version}, protocol `{service_models.protocol(service)}`, "
        f"target prefix `{model.metadata['targetPrefix']}`).",
        "",
        *([f"Handlers: {', '.join(f'`{m}`' for m in modules)}.", ""] if modules else []),
        "| Operation | Supported | Paginator |",
        "|---|---|---|",
    ]
    lines += [
        f"| {name} | {_yes(name in supported)} | {_yes(name in paginated)} |" for name in names
    ]
    return lines


def _module(service: str, name: str) -> str:
    handler = registry.handler_for(service, name)
    return getattr(handler, "__module__", "") if handler is not None else ""


def _yes(value: bool) -> str:
    return "yes" if value else "no"
