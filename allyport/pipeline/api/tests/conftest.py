"""The bulk fixtures, for the bulk-job API tests kept with the handlers."""

from allyport.bulk.tests.conftest import (  # noqa: F401 - fixtures, shared
    ace_user,
    manager,
    manager_client,
    manager_user,
)
