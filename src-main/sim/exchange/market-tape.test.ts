import { describe, expect, it } from 'vitest';
import { BarAccumulator } from './bar-accumulator';
import { pathParametersOf } from './day-plan';
import { MarketTape } from './market-tape';
import { PathTape } from './path-tape';
import { planPriceMove } from './price-mover';
import { productBySymbol } from './product-catalogue';
import type { TapePrint } from './second-prints';
import { MarketSessions } from '../../../src-shared/exchange';

const now = Date.parse('2026-08-19T14:00:00.400Z');

function tape(): MarketTape {
  const spec = productBySymbol('ES');
  if (spec === undefined) throw new Error('ES');
  return new MarketTape(new PathTape(pathParametersOf(spec, 1, new MarketSessions('equity')), now / 1000 - 5 * 86_400));
}

function aggregateOf(prints: readonly TapePrint[]): number[] {
  const accumulator = new BarAccumulator();
  for (const print of prints) accumulator.addPrint(print.priceTicks, print.size);
  return [accumulator.open, accumulator.high, accumulator.low, accumulator.close, accumulator.volume];
}

function bar(subject: MarketTape, from: number, to: number): number[] {
  const accumulator = new BarAccumulator();
  subject.aggregate(accumulator, from, to);
  return [accumulator.open, accumulator.high, accumulator.low, accumulator.close, accumulator.volume];
}

describe('market tape', () => {
  it('aggregates any window, cut mid-second, to exactly its prints', () => {
    const subject = tape();
    const from = now - 61_234;
    const to = now + 7_891;
    expect(bar(subject, from, to)).toEqual(aggregateOf(subject.prints(from, to)));
  });

  it('stands still after a freeze and continues from the frozen price on resume', () => {
    // Arrange
    const subject = tape();
    const lastBefore = subject.lastPrintAtOrBefore(now);
    subject.freezeAfter(now);

    // Act
    const during = subject.prints(now + 1, now + 60_000);
    subject.resumeAfter(now + 60_000, lastBefore?.priceTicks ?? null);
    const after = subject.prints(now + 60_001, now + 65_000);

    // Assert
    expect(during).toEqual([]);
    expect(subject.isFrozenAt(now + 30_000)).toBe(true);
    expect(Math.abs((after[0]?.priceTicks ?? 0) - (lastBefore?.priceTicks ?? 0))).toBeLessThanOrEqual(4);
  });

  it('plays a scripted move and then follows the path from the target', () => {
    // Arrange
    const subject = tape();
    const start = subject.lastPrintAtOrBefore(now)?.priceTicks ?? 0;
    const script = planPriceMove(start, start + 40, now, 1);
    const lastMs = script[script.length - 1]?.ms ?? now;

    // Act
    subject.scriptAfter(now, script, false);

    // Assert
    expect(subject.prints(now + 1, lastMs + 1)).toEqual(script);
    expect(subject.lastPrintAtOrBefore(lastMs)?.priceTicks).toBe(start + 40);
    const next = subject.prints(lastMs + 1, lastMs + 5000)[0];
    expect(Math.abs((next?.priceTicks ?? 0) - (start + 40))).toBeLessThanOrEqual(4);
    expect(bar(subject, now - 2000, lastMs + 5000)).toEqual(aggregateOf(subject.prints(now - 2000, lastMs + 5000)));
  });

  it('keeps what was already shown when a later edit replaces the future', () => {
    const subject = tape();
    const start = subject.lastPrintAtOrBefore(now)?.priceTicks ?? 0;
    const script = planPriceMove(start, start - 30, now, 2);
    subject.scriptAfter(now, script, false);
    const shownUntil = script[5]?.ms ?? now;
    const shown = subject.prints(now + 1, shownUntil + 1);
    subject.freezeAfter(shownUntil);
    expect(subject.prints(now + 1, now + 10_000)).toEqual(shown);
  });
});
