import type { StrategySeries } from '../../src-shared/domain/strategies';
import type { BarView, ContractView } from '../../src-shared/domain/trading';
import { fail, ok, type Result } from '../../src-shared/result';
import { TestTimekeeper } from '../sim/exchange/exchange-clock';
import type { ContractModel } from '../sim/exchange/exchange-api';
import { barUnit } from '../sim/exchange/projectx-enums';
import { createSimExchange } from '../sim/exchange/sim-exchange';

const dayMs = 86_400_000;
/** The simulator's cap per history request. */
const pageSize = 20_000;

/** Bars of the built-in simulator's seeded tape for one product, and the contract they trade as. */
export interface SimulatorHistory {
  readonly contract: ContractView;
  readonly bars: BarView[];
}

function contractViewOf(model: ContractModel, symbol: string): ContractView {
  return {
    id: model.id,
    name: model.name,
    description: model.description,
    symbol,
    symbolId: model.symbolId,
    tickSize: model.tickSize,
    tickValueCents: Math.round(model.tickValue * 100),
    active: model.activeContract,
  };
}

/**
 * Reads [from, to) of a product's history from an in-process simulator on a test clock pinned at
 * `to` (no sockets, no timers): the same seed gives the same bars. Pages backwards through the
 * simulator's 20,000-bar limit, yielding to the event loop between pages.
 */
export async function simulatorHistory(
  symbol: string,
  series: StrategySeries,
  from: number,
  to: number,
  seed: number,
  progress?: (loaded: number) => void,
): Promise<Result<SimulatorHistory>> {
  const root = symbol.trim().toUpperCase();
  const exchange = createSimExchange({ seed, products: [root], timekeeper: new TestTimekeeper(to), historyDays: Math.ceil((to - from) / dayMs) + 2 });
  try {
    const found = exchange.searchContracts({ searchText: root, live: false });
    const model = found.value?.find((contract) => contract.activeContract) ?? found.value?.[0];
    if (model === undefined) return fail('not-found', `the simulator does not list ${symbol}`, 'symbol');
    const pages: BarView[][] = [];
    let end = to;
    let loaded = 0;
    for (;;) {
      const answer = exchange.retrieveBars({
        contractId: model.id,
        live: false,
        startTime: new Date(from).toISOString(),
        endTime: new Date(end).toISOString(),
        unit: barUnit[series.unit],
        unitNumber: series.unitNumber,
        limit: pageSize,
        includePartialBar: false,
      });
      if (answer.errorCode !== 0 || answer.value === undefined) return fail('internal', `simulator history failed: ${answer.errorMessage ?? answer.errorCode}`);
      const page = answer.value.map((bar) => ({
        time: Date.parse(bar.t),
        open: Math.round(bar.o / model.tickSize),
        high: Math.round(bar.h / model.tickSize),
        low: Math.round(bar.l / model.tickSize),
        close: Math.round(bar.c / model.tickSize),
        volume: bar.v,
      }));
      page.sort((a, b) => a.time - b.time);
      pages.unshift(page);
      loaded += page.length;
      progress?.(loaded);
      const oldest = page[0];
      if (page.length < pageSize || oldest === undefined || oldest.time <= from) break;
      end = oldest.time;
      // Generating a page takes a while: let the terminal breathe between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return ok({ contract: contractViewOf(model, root), bars: pages.flat() });
  } finally {
    exchange.stop();
  }
}
