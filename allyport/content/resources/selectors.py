"""Reading resources: by kind, searched, one at a time, and the tracks with the
member's progress."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from allyport.access.actor import Actor
from allyport.content.resources.models import Resource, Track, TrackItem, TrackProgress

LIST_COLUMNS = (
    "public_id",
    "kind",
    "title",
    "summary",
    "category",
    "link",
    "file_id",
    "published_at",
)


def published(kind: str = "") -> QuerySet[Resource]:
    found = Resource.objects.filter(is_published=True)
    return found.filter(kind=kind) if kind else found


def search(query: str = "", kind: str = "") -> QuerySet[Resource]:
    found = published(kind)
    for word in query.split()[:8]:
        found = found.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
            | Q(category__icontains=word)
        )  # fmt: skip
    return found


def search_tracks(query: str = "") -> QuerySet[Track]:
    found = Track.objects.filter(is_published=True)
    for word in query.split()[:8]:
        found = found.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return found


def resource(public_id: str, kind: str = "") -> Resource | None:
    return published(kind).select_related("file", "captions").filter(public_id=public_id).first()


@dataclass(frozen=True)
class TrackView:
    track: Track
    items: list[tuple[TrackItem, bool]]

    @property
    def done(self) -> int:
        return sum(1 for _item, completed in self.items if completed)

    @property
    def percent(self) -> int:
        return round(100 * self.done / len(self.items)) if self.items else 0


def tracks_with_progress(actor: Actor) -> list[TrackView]:
    """Every published track, its items in order and whether the member completed each
    (three queries whatever the number of tracks)."""
    tracks = list(Track.objects.filter(is_published=True).prefetch_related("items__resource"))
    done = set(TrackProgress.objects.filter(user=actor.user).values_list("item_id", flat=True))
    return [
        TrackView(track, [(item, item.pk in done) for item in track.items.all()])
        for track in tracks
    ]


def track_item(track_public_id: str, position: int) -> TrackItem | None:
    return (
        TrackItem.objects.filter(
            track__public_id=track_public_id, track__is_published=True, position=position
        )
        .select_related("track")
        .first()
    )
