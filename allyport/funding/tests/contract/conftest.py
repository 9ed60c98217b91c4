from allyport.awsapi.tests.contract.conftest import _no_throttling  # noqa: F401
