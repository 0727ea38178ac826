import { describe, expect, it } from 'vitest';
import { exponentialOf, hashInts, hashText, normalOf, RandomStream } from './random';

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = new RandomStream(42);
    const second = new RandomStream(42);
    const draws = Array.from({ length: 5 }, () => [first.nextUint32(), second.nextUint32()]);
    for (const [left, right] of draws) expect(left).toBe(right);
  });

  it('hashes large integers and text stably', () => {
    expect(hashInts(1, 1_787_000_000, 3)).toBe(hashInts(1, 1_787_000_000, 3));
    expect(hashInts(1, 2)).not.toBe(hashInts(2, 1));
    expect(hashText('ES')).not.toBe(hashText('MES'));
  });

  it('draws normals with mean near 0 and variance near 1', () => {
    const random = new RandomStream(7);
    let sum = 0;
    let squares = 0;
    const count = 50_000;
    for (let index = 0; index < count; index += 1) {
      const value = normalOf(random.nextUint32());
      sum += value;
      squares += value * value;
    }
    expect(Math.abs(sum / count)).toBeLessThan(0.02);
    expect(Math.abs(squares / count - 1)).toBeLessThan(0.03);
  });

  it('draws exponentials with mean near 1', () => {
    const random = new RandomStream(9);
    let sum = 0;
    for (let index = 0; index < 50_000; index += 1) sum += exponentialOf(random.nextUint32());
    expect(Math.abs(sum / 50_000 - 1)).toBeLessThan(0.02);
  });
});
