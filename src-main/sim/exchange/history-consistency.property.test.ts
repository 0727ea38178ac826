import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarAccumulator } from './bar-accumulator';
import type { BarModel } from './exchange-api';
import { buildExchange, valueOf } from './exchange-test-kit';

const products = [
  { symbol: 'ES', contractId: 'CON.F.US.EP.U26' },
  { symbol: 'CL', contractId: 'CON.F.US.CLE.V26' },
  { symbol: 'GC', contractId: 'CON.F.US.GCE.Z26' },
  { symbol: '6E', contractId: 'CON.F.US.EU6.U26' },
  { symbol: 'ZN', contractId: 'CON.F.US.TYA.U26' },
] as const;

type Edit = { readonly kind: 'move'; readonly ticks: number } | { readonly kind: 'pause'; readonly ms: number } | { readonly kind: 'none' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('move' as const), ticks: fc.integer({ min: -30, max: 30 }) }),
  fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 500, max: 20_000 }) }),
);

function liveBars(
  prints: readonly { readonly ms: number; readonly price: number; readonly size: number }[],
  sizeMs: number,
  from: number,
  to: number,
): Map<number, number[]> {
  const buckets = new Map<number, BarAccumulator>();
  for (const print of prints) {
    const start = Math.floor(print.ms / sizeMs) * sizeMs;
    if (start < from || start + sizeMs > to) continue;
    const bucket = buckets.get(start) ?? new BarAccumulator();
    bucket.addPrint(Math.round(print.price * 1e6), print.size);
    buckets.set(start, bucket);
  }
  return new Map([...buckets].map(([start, bar]) => [start, [bar.open, bar.high, bar.low, bar.close, bar.volume]]));
}

function historyBars(bars: readonly BarModel[]): Map<number, number[]> {
  return new Map(bars.map((bar) => [Date.parse(bar.t), [bar.o, bar.h, bar.l, bar.c].map((price) => Math.round(price * 1e6)).concat(bar.v)]));
}

describe('history and live tape', () => {
  it('agree bar for bar, through price moves and pauses, for every unit asked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(...products),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.integer({ min: 60, max: 240 }),
        edit,
        async (seed, product, minutesAfterOpen, seconds, change) => {
          // Arrange: a moment of some session of the week
          const startMs = Date.parse('2026-08-18T22:00:00Z') + minutesAfterOpen * 60_000 + 17_123;
          const rig = buildExchange({ seed, products: [product.symbol], startMs, historyDays: 2 });
          const prints: { ms: number; price: number; size: number }[] = [];
          rig.exchange.subscribe((event) => {
            if (event.kind === 'market-trades')
              for (const trade of event.trades) prints.push({ ms: Date.parse(trade.timestamp), price: trade.price, size: trade.volume });
          });

          // Act
          rig.exchange.start();
          rig.clock.advance((seconds * 1000) / 2);
          if (change.kind === 'move') {
            const price = rig.exchange.state().prices[product.contractId] ?? 0;
            const done = rig.exchange.movePrice({ contractId: product.contractId, price: price * (1 + change.ticks / 10_000) });
            rig.clock.advance(3000);
            await done;
          }
          if (change.kind === 'pause') {
            rig.exchange.setFeed({ paused: true });
            rig.clock.advance(change.ms);
            rig.exchange.setFeed({ paused: false });
          }
          rig.clock.advance((seconds * 1000) / 2);
          rig.exchange.stop();
          const now = rig.clock.now();

          // Assert
          for (const [unit, unitNumber, sizeMs] of [
            [1, 1, 1000],
            [1, 15, 15_000],
            [2, 1, 60_000],
          ] as const) {
            const answer = rig.exchange.retrieveBars({
              contractId: product.contractId,
              live: false,
              startTime: new Date(startMs).toISOString(),
              endTime: new Date(now).toISOString(),
              unit,
              unitNumber,
              limit: 20_000,
              includePartialBar: false,
            });
            const from = Math.ceil((startMs + 1) / sizeMs) * sizeMs;
            const history = [...historyBars(valueOf(answer))].filter(([start]) => start >= from);
            expect(new Map(history)).toEqual(liveBars(prints, sizeMs, from, now + 1));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
