"""Who may write the help centre: the program's staff (the admin) and the system (the
load command)."""

from django.utils.translation import gettext_lazy

from allyport.access.decisions import Permission

WRITE_HELP_CENTRE = Permission(
    staff=True, system=True, refusal=gettext_lazy("Only the program's staff edit the help centre.")
)
