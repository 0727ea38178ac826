import { describe, expect, it } from 'vitest';
import { BarAccumulator } from './bar-accumulator';
import { pathParametersOf } from './day-plan';
import { PathTape } from './path-tape';
import { productBySymbol } from './product-catalogue';
import { MarketSessions } from '../../../src-shared/exchange';

const end = Date.parse('2026-08-19T15:00:00Z') / 1000;

function tapeOf(symbol: string, seed = 1): PathTape {
  const spec = productBySymbol(symbol);
  if (spec === undefined) throw new Error(symbol);
  return new PathTape(pathParametersOf(spec, seed, new MarketSessions(spec.sessionGroup)), end - 60 * 86_400);
}

function bar(tape: PathTape, from: number, to: number): number[] {
  const accumulator = new BarAccumulator();
  tape.accumulate(accumulator, from, to, 0);
  return [accumulator.open, accumulator.high, accumulator.low, accumulator.close, accumulator.volume];
}

describe('path tape', () => {
  it('is a function of seed, product and time, whatever order history is asked in', () => {
    // Arrange
    const forwards = tapeOf('ES');
    const backwards = tapeOf('ES');
    const hours = Array.from({ length: 30 }, (_, index) => end - 3 * 86_400 + index * 3600);

    // Act
    const first = hours.map((start) => bar(forwards, start, start + 3600));
    const second = [...hours]
      .reverse()
      .map((start) => bar(backwards, start, start + 3600))
      .reverse();

    // Assert
    expect(second).toEqual(first);
  });

  it('gives a different market for a different seed', () => {
    expect(bar(tapeOf('ES', 1), end - 3600, end)).not.toEqual(bar(tapeOf('ES', 2), end - 3600, end));
  });

  it('builds a day bar equal to its minutes, and each minute equal to its seconds', () => {
    const tape = tapeOf('NQ');
    const dayStart = Date.parse('2026-08-17T22:00:00Z') / 1000;
    const dayEnd = Date.parse('2026-08-18T21:00:00Z') / 1000;
    const minutes = new BarAccumulator();
    for (let minute = dayStart; minute < dayEnd; minute += 60) tape.accumulate(minutes, minute, minute + 60, 0);
    expect(bar(tape, dayStart, dayEnd)).toEqual([minutes.open, minutes.high, minutes.low, minutes.close, minutes.volume]);
    const seconds = new BarAccumulator();
    tape.forEachTradedSecond(dayStart + 600, dayStart + 660, (traded) => seconds.add(traded.open, traded.high, traded.low, traded.close, traded.volume));
    expect(bar(tape, dayStart + 600, dayStart + 660)).toEqual([seconds.open, seconds.high, seconds.low, seconds.close, seconds.volume]);
  });

  it('opens each second where the previous one closed, unless a lone trade printed at a new price', () => {
    const tape = tapeOf('CL');
    let previousClose: number | null = null;
    let loneTrades = 0;
    tape.forEachTradedSecond(end - 7200, end, (traded) => {
      if (previousClose !== null && traded.open !== previousClose) {
        expect([traded.volume, traded.high, traded.low]).toEqual([1, traded.open, traded.open]);
        loneTrades += 1;
      }
      previousClose = traded.close;
    });
    expect(previousClose).not.toBeNull();
    expect(loneTrades).toBeLessThan(2000);
  });

  it('trades nothing during the daily halt or the weekend', () => {
    const tape = tapeOf('ES');
    const halt = Date.parse('2026-08-18T21:00:00Z') / 1000;
    const saturday = Date.parse('2026-08-15T12:00:00Z') / 1000;
    expect(bar(tape, halt, halt + 3600)[4]).toBe(0);
    expect(bar(tape, saturday, saturday + 86_400)[4]).toBe(0);
  });

  it('finds the last traded second before a weekend', () => {
    const tape = tapeOf('ES');
    const traded = tape.lastTradedSecondAtOrBefore(Date.parse('2026-08-16T12:00:00Z') / 1000);
    expect(traded?.second).toBe(Date.parse('2026-08-14T21:00:00Z') / 1000 - 1);
  });

  it('moves about as much as the product should in a day', () => {
    // Arrange
    const tape = tapeOf('ES', 3);
    const closes: number[] = [];
    for (let day = 1; day <= 40; day += 1) {
      const close = tape.lastTradedSecondAtOrBefore(end - day * 86_400)?.close;
      if (close !== undefined && closes[closes.length - 1] !== close) closes.push(close);
    }

    // Act
    const returns = closes.slice(1).map((close, index) => Math.log(close / (closes[index] ?? close)));
    const deviation = Math.sqrt(returns.reduce((sum, value) => sum + value * value, 0) / returns.length);

    // Assert: ES is about 1% a day
    expect(deviation).toBeGreaterThan(0.004);
    expect(deviation).toBeLessThan(0.02);
  });

  // How long this takes is measured by `npm run bench` (section sim-exchange), not asserted here.
  it('computes thirty days of minute bars, a traded bar for every minute the market is open', () => {
    const tape = tapeOf('MNQ', 5);
    let bars = 0;
    for (let minute = end - 30 * 86_400; minute < end; minute += 60) if (bar(tape, minute, minute + 60)[4] !== 0) bars += 1;
    expect(bars).toBeGreaterThan(20 * 1300);
  });
});
