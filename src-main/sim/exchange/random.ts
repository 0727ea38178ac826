/**
 * Seeded randomness: integer hashing to key streams by (seed, product, time), a fast counter-based
 * generator, and normal draws from an inverse-CDF table. Nothing here reads `Math.random`.
 */

/** Mixes two 32-bit integers into one (murmur3's finaliser over a combined word). */
export function mix(left: number, right: number): number {
  let hash = Math.imul(left ^ 0x9e3779b9, 0x85ebca6b) ^ right;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Hashes several integers (each taken modulo 2^32, so seconds since 1970 fit). */
export function hashInts(...values: readonly number[]): number {
  let hash = 0x2545f491;
  for (const value of values) {
    const low = value >>> 0;
    const high = Math.floor(value / 4_294_967_296) >>> 0;
    hash = mix(mix(hash, low), high);
  }
  return hash;
}

/** Hashes a string (FNV-1a, then mixed). */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return mix(hash >>> 0, text.length);
}

/** A uniform number in [0, 1) from a 32-bit hash. */
export function unitOf(hash: number): number {
  return hash / 4_294_967_296;
}

// Acklam's rational approximation of the inverse normal CDF; good to about 1e-9, far beyond need.
function inverseNormal(probability: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0] = a;
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0] = b;
  const [c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0] = c;
  const [d0 = 0, d1 = 0, d2 = 0, d3 = 0] = d;
  const low = 0.02425;
  if (probability < low) {
    const q = Math.sqrt(-2 * Math.log(probability));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (probability > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - probability));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = probability - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

const tableBits = 12;
const tableSize = 1 << tableBits;
// Quantiles at the middle of each of 4096 equal-probability cells, plus one to interpolate into.
const normalTable = new Float64Array(tableSize + 1);
for (let index = 0; index <= tableSize; index += 1) {
  normalTable[index] = inverseNormal((Math.min(index, tableSize - 1) + 0.5) / tableSize);
}

/** A standard normal draw from a 32-bit hash (table lookup with linear interpolation; tails stop near ±3.6). */
export function normalOf(hash: number): number {
  const index = hash >>> (32 - tableBits);
  const fraction = (hash & ((1 << (32 - tableBits)) - 1)) / (1 << (32 - tableBits));
  const below = normalTable[index] ?? 0;
  const above = normalTable[index + 1] ?? below;
  return below + (above - below) * fraction;
}

// Quantiles of the unit exponential at the middle of each cell, for the same lookup trick.
const exponentialTable = new Float64Array(tableSize + 1);
for (let index = 0; index <= tableSize; index += 1) {
  exponentialTable[index] = -Math.log(1 - (Math.min(index, tableSize - 1) + 0.5) / tableSize);
}

/** A unit-mean exponential draw from a 32-bit hash (table lookup; the tail stops near 8.7). */
export function exponentialOf(hash: number): number {
  const index = hash >>> (32 - tableBits);
  const fraction = (hash & ((1 << (32 - tableBits)) - 1)) / (1 << (32 - tableBits));
  const below = exponentialTable[index] ?? 0;
  const above = exponentialTable[index + 1] ?? below;
  return below + (above - below) * fraction;
}

/** Advances a splitmix32 state: returns the new state; `scramble` turns a state into its output. */
export function advanceState(state: number): number {
  return (state + 0x9e3779b9) | 0;
}

/** The splitmix32 output of a state, as an unsigned 32-bit integer. */
export function scramble(state: number): number {
  let value = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
  return (value ^ (value >>> 16)) >>> 0;
}

/** A counter-based generator (splitmix32): cheap, seedable, and the same sequence for the same seed. */
export class RandomStream {
  private state: number;

  public constructor(seed: number) {
    this.state = seed | 0;
  }

  /** The next 32-bit unsigned integer. */
  public nextUint32(): number {
    this.state = advanceState(this.state);
    return scramble(this.state);
  }

  /** A uniform number in [0, 1). */
  public nextUnit(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** A standard normal draw. */
  public nextNormal(): number {
    return normalOf(this.nextUint32());
  }

  /** A unit-mean exponential draw. */
  public nextExponential(): number {
    return exponentialOf(this.nextUint32());
  }

  /** An integer in [0, bound). */
  public nextInt(bound: number): number {
    return Math.floor(this.nextUnit() * bound);
  }
}
