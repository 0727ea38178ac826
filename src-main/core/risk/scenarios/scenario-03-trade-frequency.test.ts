import { describe, expect, it } from 'vitest';
import { aFill, aPosition, aStop, startRiskHarness } from '../testing/risk-harness';

describe('scenario 3: trade frequency cooldown', () => {
  it('sets a 60 s cooldown after four fills within 60 s (no flatten): an order at second 30 is denied, at second 61 allowed', async () => {
    const { broker, scheduler, orders, clock, stop } = await startRiskHarness();
    broker.order(aStop({ side: 'buy', stopTicks: 20_020 }));
    broker.position(aPosition({ size: -1, openedAt: clock.now() }));
    // Close the short, open a long, close it, open another: the fourth fill opens a position.
    const fills = [
      { side: 'buy', realizedCents: 0, size: 0 },
      { side: 'buy', realizedCents: null, size: 1 },
      { side: 'sell', realizedCents: 0, size: 0 },
      { side: 'buy', realizedCents: null, size: 1 },
    ] as const;
    for (const fill of fills) {
      clock.advance(5000);
      broker.fill(aFill({ side: fill.side, time: clock.now(), realizedCents: fill.realizedCents }));
      // Each fill's position update arrives just after it, as the user hub sends them.
      if (fill.size > 0) broker.order(aStop({ createdAt: clock.now() }));
      broker.position(aPosition({ size: fill.size, openedAt: clock.now() }));
    }
    await scheduler.settle();

    await scheduler.advance(30_000);
    const atThirty = await orders.place({ symbol: 'NQ', side: 'buy', size: 1, type: 'market' }, 'trader');
    await scheduler.advance(31_000);
    const atSixtyOne = await orders.place({ symbol: 'NQ', side: 'buy', size: 1, type: 'market' }, 'trader');

    expect(atThirty).toMatchObject({
      ok: false,
      error: { code: 'risk-denied', message: 'RULE-006 trade frequency 4 fills in 60 s > 3: trading locked until 2026-11-18 10:01:20 CT' },
    });
    expect(broker.calls.filter((call) => call.call === 'close')).toEqual([]);
    expect(atSixtyOne).toMatchObject({ ok: true });
    await stop();
  });
});
