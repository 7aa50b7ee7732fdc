import { describe, expect, it } from 'vitest';
import { DemoRandom, deriveSeed } from './random.js';

describe('deriveSeed', () => {
  it('is stable and separates labels', () => {
    expect(deriveSeed(1, 'a', 'b')).toBe(deriveSeed(1, 'a', 'b'));
    expect(deriveSeed(1, 'a', 'b')).not.toBe(deriveSeed(1, 'ab'));
    expect(deriveSeed(1, 'x')).not.toBe(deriveSeed(2, 'x'));
  });
});

describe('DemoRandom', () => {
  it('repeats its sequence for the same seed and labels', () => {
    const a = new DemoRandom(7, 'v');
    const b = new DemoRandom(7, 'v');
    const xs = Array.from({ length: 20 }, () => a.float());
    expect(Array.from({ length: 20 }, () => b.float())).toEqual(xs);
    expect(new Set(xs).size).toBe(20);
  });

  it('draws floats in [0, 1) and integers in the closed range', () => {
    const r = new DemoRandom(1);
    for (let i = 0; i < 2000; i += 1) {
      const f = r.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = r.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('draws normal deviates with about the asked mean and spread', () => {
    const r = new DemoRandom(2);
    const xs = Array.from({ length: 5000 }, () => r.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 10)).toBeLessThan(0.1);
    expect(Math.abs(sd - 2)).toBeLessThan(0.1);
  });

  it('samples exactly k distinct indices, preferring heavy weights', () => {
    const r = new DemoRandom(3);
    const weights = [0, 0, 5, 5, 5, 0.001, 0];
    const picked = r.sampleWeighted(weights, 3);
    expect(picked).toEqual([2, 3, 4]);
    expect(r.sampleWeighted(weights, 10)).toHaveLength(7);
    expect(r.sampleWeighted(weights, 0)).toEqual([]);
  });

  it('shuffles without losing items and picks by weight', () => {
    const r = new DemoRandom(4);
    expect(r.shuffled([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const counts = [0, 0];
    for (let i = 0; i < 3000; i += 1) counts[r.weighted([1, 3])]! += 1;
    expect(counts[1]! / 3000).toBeGreaterThan(0.7);
    expect(counts[1]! / 3000).toBeLessThan(0.8);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});
