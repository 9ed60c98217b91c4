"""Changes people make to their own profile."""

from __future__ import annotations

from django.db import transaction
from django.forms import ModelForm

from allyport.access.actor import Actor
from allyport.accounts.models import LockoutContact
from allyport.audit import services as audit


def update_profile(actor: Actor, form: ModelForm, event_name: str) -> None:
    """Save a validated form bound to the actor's own user, with its audit record."""
    assert actor.user is not None and form.instance.pk == actor.user.pk
    with transaction.atomic():
        form.save()
        audit.record(
            actor,
            event_name,
            request_parameters={name: form.cleaned_data[name] for name in form.changed_data},
        )


def remember_language(actor: Actor, code: str) -> None:
    """The Language menu's choice, stored on My Profile (for pages after the next
    sign-in and for emails), with the same audit record as a profile edit."""
    user = actor.user
    assert user is not None
    if user.preferred_language == code:
        return
    with transaction.atomic():
        user.preferred_language = code
        user.save(update_fields=["preferred_language"])
        audit.record(actor, "UpdateProfile", request_parameters={"preferred_language": code})


def contact_when_locked_out(actor: Actor, name: str, email: str, message: str) -> LockoutContact:
    with transaction.atomic():
        contact = LockoutContact.objects.create(
            name=name, email=email, message=message, source_ip=actor.source_ip
        )
        audit.record(
            actor,
            "SubmitLockoutContact",
            event_source=audit.SIGNIN_SOURCE,
            username=email,
            request_parameters={"email": email, "name": name},
        )
    return contact
