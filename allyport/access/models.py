from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from allyport.access.model import access_model

# Lazy: the names are translated where they are shown (access/menu_strings.py).
ROLE_CHOICES = [(role.key, _(role.name)) for role in access_model().roles.values()]


class RoleAssignment(models.Model):
    """One role held by one user in their company.

    The alliance lead is unique per company by a database constraint; the
    numeric limits of other roles are checked under a row lock in services.
    """

    company = models.ForeignKey(
        "accounts.Company", on_delete=models.CASCADE, related_name="role_assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("role"), max_length=32, choices=ROLE_CHOICES)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="role_once_per_user"),
            models.UniqueConstraint(
                fields=["company"],
                condition=Q(role="alliance_lead"),
                name="one_alliance_lead_per_company",
            ),
        ]
        indexes = [models.Index(fields=["company", "role"])]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}"
