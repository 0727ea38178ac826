import { describe, expect, it } from 'vitest';
import { aPosition, aStop, startRiskHarness } from '../testing/risk-harness';

const buyOne = { symbol: 'ES', side: 'buy', size: 1, type: 'market' } as const;

describe('scenario 5: session end and holidays', () => {
  it('flattens at 15:08 CT and accepts no order until 17:00 CT', async () => {
    const { broker, scheduler, orders, core, stop } = await startRiskHarness({ start: Date.parse('2026-11-18T21:00:00Z') });
    broker.order(aStop());
    broker.position(aPosition({ openedAt: Date.parse('2026-11-18T20:30:00Z') }));

    await scheduler.advance(7 * 60_000 + 59_000);
    const before = broker.calls.filter((call) => call.call === 'close').length;
    await scheduler.advance(1000);
    const closes = broker.calls.filter((call) => call.call === 'close').length;
    await scheduler.advance(20 * 60_000);
    const at1528 = await orders.place(buyOne, 'trader');
    await scheduler.advance(Date.parse('2026-11-18T23:00:01Z') - Date.parse('2026-11-18T21:28:00Z'));
    const after17 = await orders.place(buyOne, 'trader');

    expect(before).toBe(0);
    expect(closes).toBe(1);
    expect(core.positions.all()).toEqual([]);
    expect(at1528).toMatchObject({
      ok: false,
      error: { code: 'risk-denied', message: 'RULE-009 session closed for ES: trading locked until 2026-11-18 17:00 CT' },
    });
    expect(after17).toMatchObject({ ok: true });
    await stop();
  });

  it('accepts no order all day on a holiday (Christmas 2026) and until the early halt on Thanksgiving', async () => {
    const christmas = await startRiskHarness({ start: Date.parse('2026-12-25T15:00:00Z') });
    const morning = await christmas.orders.place(buyOne, 'trader');
    await christmas.scheduler.advance(6 * 3_600_000);
    const afternoon = await christmas.orders.place(buyOne, 'trader');
    await christmas.stop();
    const thanksgiving = await startRiskHarness({ start: Date.parse('2026-11-26T16:00:00Z') });
    const at1000 = await thanksgiving.orders.place(buyOne, 'trader');
    await thanksgiving.scheduler.advance(2 * 3_600_000 - 60_000);
    const at1159 = await thanksgiving.orders.place(buyOne, 'trader');
    await thanksgiving.stop();

    const closed = { ok: false, error: { code: 'risk-denied', message: 'RULE-009 the session is closed for ES until 2026-12-27 17:00 CT' } };
    expect(morning).toEqual(closed);
    expect(afternoon).toEqual(closed);
    expect(at1000).toMatchObject({ ok: true });
    expect(at1159).toMatchObject({ ok: false, error: { message: 'RULE-009 the session is closed for ES until 2026-11-26 17:00 CT' } });
  });
});
