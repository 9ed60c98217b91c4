from typing import Any

from allyport.core.commands import JsonCommand
from allyport.worklist.catalogue import load
from allyport.worklist.models import GrowthRule, TaskDefinition


class Command(JsonCommand):
    help = "Add the starting task catalogue's missing entries (edited ones stay); prints JSON."

    def answer(self, **opts: Any) -> dict[str, Any]:
        return {"added": load(TaskDefinition, GrowthRule)}
