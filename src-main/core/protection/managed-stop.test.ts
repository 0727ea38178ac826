import { describe, expect, it } from 'vitest';
import { managedStop, ruleManagement, type StopManagement } from './managed-stop';

const rule = ruleManagement({ enabled: true, breakEvenAfterTicks: 10, breakEvenOffsetTicks: 0, trailAfterTicks: 20, trailDistanceTicks: 10 });
const long = { size: 1, averageTicks: 20_000 };

describe('managed stop (break-even and trail)', () => {
  it('moves to break-even once the best price is the trigger in profit', () => {
    expect(managedStop(long, 20_009, rule)).toBeUndefined();
    expect(managedStop(long, 20_010, rule)).toEqual({ stopTicks: 20_000, cause: 'bracket:break-even' });
  });

  it('trails the distance behind the best price past the trail trigger', () => {
    expect(managedStop(long, 20_025, rule)).toEqual({ stopTicks: 20_015, cause: 'bracket:trail' });
  });

  it('keeps break-even while the trail would sit looser', () => {
    const tight: StopManagement = {
      breakEven: { enabled: true, triggerTicks: 5, offsetTicks: 4 },
      trailing: { enabled: true, triggerTicks: 6, distanceTicks: 10, stepTicks: 1 },
    };
    expect(managedStop(long, 20_008, tight)).toEqual({ stopTicks: 20_004, cause: 'bracket:break-even' });
  });

  it('rounds break-even away from a loss for a fractional average, for shorts too', () => {
    expect(managedStop({ size: 1, averageTicks: 20_000.5 }, 20_011, rule)?.stopTicks).toBe(20_001);
    expect(managedStop({ size: -1, averageTicks: 20_000.5 }, 19_990, rule)?.stopTicks).toBe(20_000);
  });

  it('does nothing when both are off', () => {
    expect(
      managedStop(long, 21_000, ruleManagement({ enabled: false, breakEvenAfterTicks: 1, breakEvenOffsetTicks: 0, trailAfterTicks: 1, trailDistanceTicks: 1 })),
    ).toBeUndefined();
  });
});
