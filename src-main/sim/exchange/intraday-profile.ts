import type { ActivityProfile } from './product-catalogue';

/**
 * How busy each minute of the Chicago day is, per product family: the cash open and close are the
 * busiest, the evening is quiet, and the 16:00-17:00 halt is empty. One table drives both the
 * variance of price moves and the traded volume.
 */

// [start minute of day in Chicago time, relative activity] steps; each holds until the next.
type Steps = readonly (readonly [number, number])[];

function at(hour: number, minute: number): number {
  return hour * 60 + minute;
}

const steps: Readonly<Record<ActivityProfile, Steps>> = {
  equity: [
    [at(0, 0), 0.3],
    [at(2, 0), 0.55],
    [at(7, 0), 0.85],
    [at(7, 30), 1.8],
    [at(7, 40), 0.95],
    [at(8, 30), 3.2],
    [at(8, 45), 2.5],
    [at(9, 0), 1.9],
    [at(9, 30), 1.5],
    [at(10, 0), 1.2],
    [at(11, 30), 0.8],
    [at(13, 0), 1.0],
    [at(14, 30), 1.6],
    [at(15, 0), 1.1],
    [at(15, 15), 0.5],
    [at(16, 0), 0],
    [at(17, 0), 0.6],
    [at(18, 0), 0.3],
  ],
  energy: [
    [at(0, 0), 0.35],
    [at(2, 0), 0.6],
    [at(8, 0), 2.0],
    [at(9, 0), 1.5],
    [at(9, 30), 1.9],
    [at(9, 45), 1.5],
    [at(13, 30), 0.6],
    [at(16, 0), 0],
    [at(17, 0), 0.5],
    [at(18, 0), 0.35],
  ],
  metals: [
    [at(0, 0), 0.4],
    [at(2, 0), 0.8],
    [at(7, 20), 1.8],
    [at(8, 0), 1.6],
    [at(12, 30), 0.5],
    [at(16, 0), 0],
    [at(17, 0), 0.45],
    [at(19, 0), 0.5],
    [at(22, 0), 0.4],
  ],
  fx: [
    [at(0, 0), 0.35],
    [at(1, 0), 1.0],
    [at(7, 0), 1.5],
    [at(11, 0), 0.5],
    [at(16, 0), 0],
    [at(17, 0), 0.35],
  ],
  rates: [
    [at(0, 0), 0.3],
    [at(6, 0), 0.7],
    [at(7, 0), 1.0],
    [at(7, 30), 3.0],
    [at(7, 40), 1.3],
    [at(14, 0), 0.5],
    [at(16, 0), 0],
    [at(17, 0), 0.3],
  ],
};

const minutesPerDay = 1440;
const tables = new Map<ActivityProfile, Float64Array>();

function buildTable(profile: ActivityProfile): Float64Array {
  const table = new Float64Array(minutesPerDay);
  const list = steps[profile];
  let total = 0;
  for (let minute = 0; minute < minutesPerDay; minute += 1) {
    let weight = 0;
    for (const [start, value] of list) if (start <= minute) weight = value;
    table[minute] = weight;
    total += weight * 60;
  }
  // Per-second weights that add up to one over a full regular session.
  for (let minute = 0; minute < minutesPerDay; minute += 1) table[minute] = (table[minute] ?? 0) / total;
  return table;
}

/**
 * The activity weight of one second in each Chicago minute of the day. A full regular session
 * (the 23 hours from 17:00 to 16:00) sums to 1, so a day's variance spreads by this table.
 */
export function secondWeights(profile: ActivityProfile): Float64Array {
  let table = tables.get(profile);
  if (table === undefined) {
    table = buildTable(profile);
    tables.set(profile, table);
  }
  return table;
}
