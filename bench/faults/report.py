"""What each scenario tried and what held: PASS/FAIL lines, kept for the summary."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    lines: list[tuple[str, bool, str]] = field(default_factory=list)
    scenario: str = ""

    def start(self, scenario: str, tried: str) -> None:
        self.scenario = scenario
        print(f"\n== {scenario}: {tried}", flush=True)

    def note(self, text: str) -> None:
        print(f"   .. {text}", flush=True)

    def check(self, held: bool, what: str, detail: str = "") -> bool:
        self.lines.append((self.scenario, held, what))
        suffix = f" ({detail})" if detail else ""
        print(f"   {'PASS' if held else 'FAIL'} {what}{suffix}", flush=True)
        return held

    @property
    def failed(self) -> int:
        return sum(1 for _scenario, held, _what in self.lines if not held)

    def summary(self) -> str:
        passed = len(self.lines) - self.failed
        return f"{passed} held, {self.failed} failed"
