import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Mixes a seed with labels into an independent 32-bit seed (FNV-1a over the labels, then a
 * murmur3 finaliser), so that each village and each stream of the demo draws from its own
 * generator: adding a village or a stream never shifts the numbers of another one.
 *
 * @example deriveSeed(42, '620881100201', 'people') // → a 32-bit integer, the same on every run
 */
export function deriveSeed(seed: number, ...labels: readonly string[]): number {
  let h = (2166136261 ^ (seed | 0)) >>> 0;
  for (const label of labels) {
    for (let i = 0; i < label.length; i += 1) {
      h ^= label.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    h ^= 0x2f;
    h = Math.imul(h, 16777619) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h | 0;
}

/**
 * A deterministic random source for the demo generator (xoroshiro128+ from pure-rand).
 * Never Math.random: the same seed and labels give the same city.
 */
export class DemoRandom {
  private readonly rng: RandomGenerator;

  /** A generator for `seed` and the given labels (see `deriveSeed`). */
  constructor(seed: number, ...labels: readonly string[]) {
    this.rng = xoroshiro128plus(deriveSeed(seed, ...labels));
  }

  /** Uniform in [0, 1), 53 bits. */
  float(): number {
    const hi = (this.rng.next() >>> 0) >>> 5; // 27 bits
    const lo = (this.rng.next() >>> 0) >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Normal deviate (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.float();
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** Index drawn with probability proportional to `weights` (non-negative, not all zero). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i += 1) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.float() * (i + 1));
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }

  /**
   * Exactly `k` distinct indices of `weights`, drawn without replacement with probability
   * proportional to the weights (Efraimidis–Spirakis keys), in index order. Zero-weight
   * items are taken only when the others run out.
   */
  sampleWeighted(weights: readonly number[], k: number): number[] {
    const n = weights.length;
    const take = Math.max(0, Math.min(k, n));
    if (take === 0) return [];
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      const w = weights[i]!;
      const u = this.float();
      keys[i] = w > 0 ? Math.log(1 - u) / w : -1e300 * (1 + u);
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[b]! - keys[a]!);
    return order.slice(0, take).sort((a, b) => a - b);
  }
}
