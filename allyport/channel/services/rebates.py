"""Partner Growth Rebate: the rebate earned per period on the growth of the revenue
billed under the company's accepted channel contracts (RebateFigure rows the program
reports): REBATE_RATE of billed revenue above the baseline, never negative."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from allyport.access.actor import Actor, ActorKind
from allyport.access.decisions import require
from allyport.channel.models import ChannelContract, RebateFigure
from allyport.channel.permissions import MENU, VIEW_REBATES
from allyport.core.spreadsheets import safe_cell

REBATE_RATE = Decimal("0.03")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class RebatePeriod:
    period: str
    contracts: int
    billed: Decimal
    baseline: Decimal

    @property
    def growth(self) -> Decimal:
        return max(self.billed - self.baseline, Decimal(0))

    @property
    def rebate(self) -> Decimal:
        return (self.growth * REBATE_RATE).quantize(CENT)


def rebate_periods(actor: Actor) -> list[RebatePeriod]:
    """The periods, newest first, summed over the company's accepted contracts."""
    if actor.kind == ActorKind.MEMBER:
        require(actor, MENU)
    require(actor, VIEW_REBATES)
    figures = RebateFigure.objects.filter(
        contract__company=actor.company, contract__status=ChannelContract.Status.ACCEPTED
    ).values_list("period", "contract_id", "billed_revenue", "baseline_revenue")
    sums: dict[str, list[object]] = {}
    for period, contract, billed, baseline in figures:
        entry = sums.setdefault(period, [set(), Decimal(0), Decimal(0)])
        entry[0].add(contract)  # type: ignore[attr-defined]
        entry[1] += billed  # type: ignore[operator]
        entry[2] += baseline  # type: ignore[operator]
    return [
        RebatePeriod(period, len(c), b, base)  # type: ignore[arg-type]
        for period, (c, b, base) in sorted(sums.items(), reverse=True)
    ]


def csv_rows(periods: list[RebatePeriod], header: list[str]) -> Iterator[list[str]]:
    yield header
    for p in periods:
        yield [safe_cell(p.period), str(p.contracts), str(p.billed), str(p.baseline),
               str(p.growth), str(p.rebate)]  # fmt: skip
