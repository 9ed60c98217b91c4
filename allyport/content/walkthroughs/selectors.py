"""Reading walkthroughs with the member's progress."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from allyport.access.actor import Actor
from allyport.content.walkthroughs.models import Walkthrough, WalkthroughProgress, WalkthroughStep


@dataclass(frozen=True)
class TourView:
    tour: Walkthrough
    steps: list[WalkthroughStep]
    progress: WalkthroughProgress | None

    @property
    def completed(self) -> bool:
        return self.progress is not None and self.progress.completed_at is not None

    @property
    def next_step(self) -> int:
        if self.progress is None or self.completed:
            return 0
        return min(self.progress.step, max(len(self.steps) - 1, 0))

    def start_url(self, step: int | None = None) -> str:
        index = self.next_step if step is None else step
        page = self.steps[index].page if self.steps else "/"
        return f"{page}?{urlencode({'tour': self.tour.public_id, 'step': index})}"

    @property
    def restart_url(self) -> str:
        return self.start_url(0)


def tours(actor: Actor) -> list[TourView]:
    found = list(Walkthrough.objects.filter(is_published=True).prefetch_related("steps"))
    progress = {p.walkthrough_id: p for p in WalkthroughProgress.objects.filter(user=actor.user)}
    return [TourView(t, list(t.steps.all()), progress.get(t.pk)) for t in found]


def tour(actor: Actor, public_id: str) -> TourView | None:
    found = Walkthrough.objects.filter(public_id=public_id, is_published=True).first()
    if found is None:
        return None
    progress = WalkthroughProgress.objects.filter(walkthrough=found, user=actor.user).first()
    return TourView(found, list(found.steps.all()), progress)
