"""The registration CAPTCHA: django-simple-captcha's image, with its audio alternative
(when flite is installed) and a way to get a new challenge with or without JavaScript."""

from __future__ import annotations

from typing import Any

from captcha.fields import CaptchaField, CaptchaTextInput
from django.utils.translation import gettext_lazy

# The value of the submit button that asks for a new challenge without JavaScript.
NEW_CAPTCHA = "new_captcha"


class CaptchaWidget(CaptchaTextInput):
    template_name = "accounts/_captcha_widget.html"
    # One label for the answer box, not a fieldset around the hidden key and the box.
    use_fieldset = False

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["refresh"] = self.refresh_url()
        context["new_captcha"] = NEW_CAPTCHA
        return context


def captcha_field() -> CaptchaField:
    return CaptchaField(
        label=gettext_lazy("Type the characters you see or hear"),
        widget=CaptchaWidget(),
        error_messages={"invalid": gettext_lazy("The characters do not match. Try the new ones.")},
    )
