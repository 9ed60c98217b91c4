import gc
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "allyport.settings")
django.setup(set_prefix=False)  # as django.core.wsgi.get_wsgi_application does

from allyport.core.handler import WSGIHandler  # noqa: E402 (needs the apps loaded)

application = WSGIHandler()


def _settle() -> None:
    """Load what every process keeps for its life (the service models and their
    operations), then move all of it out of the garbage collector's generations.
    Otherwise each full collection, which a request building 100 summaries sets off,
    rescans hundreds of thousands of long-lived objects: measured on a
    ListOpportunities page, 6.5 ms of database rows became 3.3 ms."""
    from allyport.shapes import loader

    for name in loader.services():
        model = loader.service_model(name)
        for operation in model.operation_names:
            operation_model = model.operation_model(operation)
            operation_model.input_shape, operation_model.output_shape  # noqa: B018 (cached)
    gc.collect()
    gc.freeze()


_settle()
