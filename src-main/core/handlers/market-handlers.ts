import { toBarColumns } from '../../../src-shared/domain/bar-columns';
import { fail, ok } from '../../../src-shared/result';
import type { Clock } from '../clock';
import type { ContractHandlers } from '../contract-dispatcher';
import { computeIndicator } from '../indicators/indicator-catalog';
import type { BarHistory } from '../market/bar-history';
import type { TradingCore } from '../trading-core';

/** Extra bars loaded before the window so indicators are warm on its first bar. */
const indicatorWarmup = 500;

/** Contracts, quotes, bars and indicators over them. */
export function createMarketHandlers(
  core: TradingCore,
  history: BarHistory,
  clock: Clock,
  watch: (contractId: string) => void,
): Pick<ContractHandlers, 'contracts.search' | 'contracts.resolve' | 'market.quote' | 'market.bars' | 'market.depth' | 'indicators.compute'> {
  return {
    'contracts.search': (request) => core.contracts.search(request.text),
    'contracts.resolve': (request) => core.contracts.resolve(request.symbol),
    'market.quote': async (request) => {
      const contract = await core.contracts.resolve(request.symbol);
      if (!contract.ok) return contract;
      watch(contract.value.id);
      return ok({ contract: contract.value, quote: core.quotes.get(contract.value.id) ?? null });
    },
    'market.bars': async (request) => {
      const contract = await core.contracts.resolve(request.symbol);
      if (!contract.ok) return contract;
      const to = request.to ?? clock.now();
      if (to > clock.now() + 60_000) return fail('invalid-request', 'to is in the future', 'to');
      const bars = await history.load({ contract: contract.value, unit: request.unit, unitNumber: request.unitNumber, count: request.count, to });
      if (!bars.ok) return bars;
      // The newest window goes live: later prints extend it and arrive as bars.updated.
      if (request.to === undefined) {
        core.liveBars.watch({ contractId: contract.value.id, unit: request.unit, unitNumber: request.unitNumber }, bars.value);
        watch(contract.value.id);
      }
      return ok({ contract: contract.value, bars: toBarColumns(bars.value) });
    },
    'market.depth': async (request) => {
      const contract = await core.contracts.resolve(request.symbol);
      if (!contract.ok) return contract;
      watch(contract.value.id);
      return ok(core.depth.view(contract.value.id, request.levels));
    },
    'indicators.compute': async (request) => {
      const contract = await core.contracts.resolve(request.symbol);
      if (!contract.ok) return contract;
      const bars = await history.load({
        contract: contract.value,
        unit: request.unit,
        unitNumber: request.unitNumber,
        count: request.count + indicatorWarmup,
        to: request.to ?? clock.now(),
      });
      if (!bars.ok) return bars;
      const shownFrom = bars.value[Math.max(0, bars.value.length - request.count)]?.time ?? 0;
      const series = request.indicators.map((indicator) => {
        const full = computeIndicator(indicator, bars.value);
        return {
          ...full,
          lines: full.lines.map((line) => ({ ...line, points: line.points.filter((point) => point.time >= shownFrom) })),
          markers: full.markers.filter((marker) => marker.time >= shownFrom),
          zones: full.zones.filter((zone) => zone.endTime === null || zone.endTime >= shownFrom),
          segments: full.segments.filter((segment) => segment.endTime >= shownFrom),
        };
      });
      return ok({ contract: contract.value, series });
    },
  };
}
