"""Environment for the test suite, loaded as a pytest plugin (`-p allyport.core.testenv`)
so it is in place before pytest-django imports the settings."""

import os

os.environ.setdefault("ALLYPORT_ENV", "test")
os.environ.setdefault("ALLYPORT_CAPTCHA", "off")
# The Selling API's published quotas (1 write a second) would throttle tests that
# call it in a loop; the throttling tests turn it on for themselves.
os.environ.setdefault("ALLYPORT_API_THROTTLING", "off")
os.environ.setdefault("ALLYPORT_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
