"""/favicon.ico, which browsers ask for on pages that do not link an icon (the staff
admin, files): a redirect to the icon among the static files."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from django.views.generic import RedirectView


class FaviconRedirect(RedirectView):
    permanent = True

    def get_redirect_url(self, *args: Any, **kwargs: Any) -> str:
        return static("core/favicon.ico")
