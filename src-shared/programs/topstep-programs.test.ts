import { describe, expect, it } from 'vitest';
import programFile from './data/topstep-programs.json';
import { consistencyAllowance, intradayFloorCents, maxLossFloorCents, nextScalingTier, peakAfter, scalingLots, trailingFloorCents } from './program-math';
import { detectProgram, programFigures, programFileSchema, programsAsOf } from './topstep-programs';

const dollars = (value: number) => value * 100;

describe('the Topstep program data file', () => {
  it('validates and is dated', () => {
    expect(programFileSchema.safeParse(programFile).success).toBe(true);
    expect(programsAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a file with a figure of the wrong kind', () => {
    const broken = { ...programFile, sizes: { ...programFile.sizes, '50K': { ...programFile.sizes['50K'], maxPosition: 'five' } } };
    expect(programFileSchema.safeParse(broken).success).toBe(false);
  });

  it('has the combine figures of docs/risk-rules.md §11', () => {
    const rows = (['50K', '100K', '150K'] as const).map((size) => {
      const figures = programFigures('combine', size);
      return [size, figures?.profitTargetCents, figures?.maxLossLimitCents, figures?.maxPosition, figures?.legacyDailyLossCents, figures?.microWeight];
    });
    expect(rows).toEqual([
      ['50K', dollars(3000), dollars(2000), 5, dollars(1000), 0.1],
      ['100K', dollars(6000), dollars(3000), 10, dollars(2000), 0.1],
      ['150K', dollars(9000), dollars(4500), 15, dollars(3000), 0.1],
    ]);
  });

  it('gives practice no program rules and live funded no micro weighting or scaling', () => {
    expect(programFigures('practice', '150K')).toBeNull();
    const live = programFigures('live', '50K');
    expect(live?.microWeight).toBeNull();
    expect(live?.scaling).toBeNull();
    expect(live?.flatBy?.time).toBe('15:10');
  });
});

describe('detecting an account program', () => {
  it('reads the simulator accounts and TopstepX names', () => {
    expect(detectProgram('50KTC-V2-412077-19834501', dollars(50_000))).toMatchObject({ kind: 'combine', size: '50K', source: 'name', label: 'Combine 50K' });
    expect(detectProgram('150KTC-V2-412077-19834502', dollars(150_000))).toMatchObject({ kind: 'combine', size: '150K', label: 'Combine 150K' });
    expect(detectProgram('PRAC-V2-412077-19834503', dollars(150_000))).toMatchObject({ kind: 'practice', size: '150K', label: 'Practice' });
    expect(detectProgram('XFA-100K-998', dollars(100_500))).toMatchObject({ kind: 'express', size: '100K', label: 'XFA 100K' });
    expect(detectProgram('EXPRESS-V2-1234', dollars(50_800))).toMatchObject({ kind: 'express', size: '50K' });
    expect(detectProgram('LFA-150K-77', dollars(150_000))).toMatchObject({ kind: 'live', size: '150K' });
  });

  it('falls back to the starting balance when the name says nothing', () => {
    expect(detectProgram('S1-7788', dollars(101_250))).toMatchObject({ kind: 'combine', size: '100K', source: 'balance' });
    expect(detectProgram('my account', dollars(25_000))).toMatchObject({ kind: 'practice', size: null, source: 'balance' });
  });
});

describe('the maximum loss limit floor', () => {
  const start = dollars(50_000);
  const drawdown = dollars(2000);

  it('follows the worked 50K example: +$500 → $48,500; −$500 leaves it; +$2,500 more → $50,000 for good', () => {
    expect(trailingFloorCents(start, drawdown, null)).toBe(dollars(48_000));
    const closes = [dollars(50_500)];
    expect(trailingFloorCents(start, drawdown, peakAfter(start, closes))).toBe(dollars(48_500));
    closes.push(dollars(50_000));
    expect(trailingFloorCents(start, drawdown, peakAfter(start, closes))).toBe(dollars(48_500));
    closes.push(dollars(52_500));
    expect(trailingFloorCents(start, drawdown, peakAfter(start, closes))).toBe(dollars(50_000));
    closes.push(dollars(49_000), dollars(55_000));
    expect(trailingFloorCents(start, drawdown, peakAfter(start, closes))).toBe(dollars(50_000));
  });

  it('puts a 150K combine at $145,500', () => {
    const figures = programFigures('combine', '150K');
    expect(trailingFloorCents(figures?.startingBalanceCents ?? 0, figures?.maxLossLimitCents ?? 0, dollars(150_000))).toBe(dollars(145_500));
  });
});

describe('the intraday maximum loss floor', () => {
  const start = dollars(50_000);
  const drawdown = dollars(2000);

  it('trails the highest equity of the day: +$600 open profit on a day that closes flat → $48,600 (end of day: $48,000)', () => {
    // The day: flat at the open, +$600 open profit at its best, closed flat.
    const marks = [dollars(50_000), dollars(50_350), dollars(50_600), dollars(50_200), dollars(50_000)];
    const highest = peakAfter(start, marks);
    const closes = [dollars(50_000)];
    expect(intradayFloorCents(start, drawdown, peakAfter(start, closes), highest)).toBe(dollars(48_600));
    expect(trailingFloorCents(start, drawdown, peakAfter(start, closes))).toBe(dollars(48_000));
    expect(maxLossFloorCents('intraday', start, drawdown, { endOfDayCents: peakAfter(start, closes), equityCents: highest })).toBe(dollars(48_600));
    expect(maxLossFloorCents('eod', start, drawdown, { endOfDayCents: peakAfter(start, closes), equityCents: highest })).toBe(dollars(48_000));
  });

  it('never moves down and stops at the starting balance', () => {
    const marks: number[] = [];
    const floors: number[] = [];
    for (const equity of [50_600, 49_000, 50_400, 51_200, 48_900, 52_100, 53_000, 49_500, 56_000]) {
      marks.push(dollars(equity));
      floors.push(intradayFloorCents(start, drawdown, null, peakAfter(start, marks)));
    }
    expect(floors).toEqual([48_600, 48_600, 48_600, 49_200, 49_200, 50_000, 50_000, 50_000, 50_000].map(dollars));
  });

  it('is never below the end-of-day floor, and starts at the drawdown below the start', () => {
    expect(intradayFloorCents(start, drawdown, null, null)).toBe(dollars(48_000));
    expect(intradayFloorCents(start, drawdown, dollars(50_800), dollars(50_300))).toBe(dollars(48_800));
    expect(intradayFloorCents(start, drawdown, null, dollars(49_000))).toBe(dollars(48_000));
  });
});

describe('Express Funded scaling', () => {
  const tiers = programFigures('express', '50K')?.scaling ?? [];

  it('gives 2 lots, 3 once the profit is above $1,500 and 5 above $2,000', () => {
    expect(scalingLots(tiers, 0)).toBe(2);
    expect(scalingLots(tiers, dollars(-300))).toBe(2);
    expect(scalingLots(tiers, dollars(1500))).toBe(2);
    expect(scalingLots(tiers, dollars(1500) + 1)).toBe(3);
    expect(scalingLots(tiers, dollars(2100))).toBe(5);
  });

  it('names the next tier and the profit it still needs', () => {
    expect(nextScalingTier(tiers, dollars(1000))).toEqual({ lots: 3, aboveProfitCents: dollars(1500), distanceCents: dollars(500) });
    expect(nextScalingTier(tiers, dollars(1800))).toEqual({ lots: 5, aboveProfitCents: dollars(2000), distanceCents: dollars(200) });
    expect(nextScalingTier(tiers, dollars(2500))).toBeNull();
  });
});

describe('the consistency allowance', () => {
  it('is half the target minus the best day, never below zero, and binds when it is below what is left to the target', () => {
    expect(consistencyAllowance(0.5, dollars(3000), dollars(1000), dollars(1000))).toEqual({ allowanceCents: dollars(500), binds: true });
    expect(consistencyAllowance(0.5, dollars(3000), dollars(2000), dollars(2500))).toEqual({ allowanceCents: 0, binds: true });
    expect(consistencyAllowance(0.5, dollars(3000), dollars(900), dollars(2800))).toEqual({ allowanceCents: dollars(600), binds: false });
  });
});
