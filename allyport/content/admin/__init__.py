"""The staff side: publish and edit news, events, walkthroughs, resources, sponsorship
opportunities and toolkit items; review what partners submit. Reviews go through the
same services as a staff actor, so they are decided and recorded like any change."""

from allyport.content.admin import publishing, reviews  # noqa: F401
