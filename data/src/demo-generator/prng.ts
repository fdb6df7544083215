/** A seeded pseudo-random source: the only randomness the demo generator uses. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Normal draw (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** Poisson draw, exact below λ = 30, rounded normal above; never negative. */
  poisson(lambda: number): number;
  /** Binomial draw (n Bernoulli trials; n stays small in the demo). */
  binomial(n: number, p: number): number;
  /** One item of `list`, each with probability proportional to its weight. */
  weighted<T>(list: ReadonlyArray<readonly [T, number]>): T;
}

/** 32-bit FNV-1a hash of a string, used to derive independent seeds from names. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A mulberry32 generator seeded from `seed` (any string or number, hashed to 32 bits).
 * Same seed → same sequence on every platform.
 */
export function createRng(seed: string | number): Rng {
  let state = hashSeed(String(seed));
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, sd: number): number => {
    const u = 1 - next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    normal,
    poisson(lambda) {
      if (lambda <= 0) return 0;
      if (lambda >= 30) return Math.max(0, Math.round(normal(lambda, Math.sqrt(lambda))));
      const limit = Math.exp(-lambda);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    binomial(n, p) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    },
    weighted(list) {
      const total = list.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of list) {
        r -= w;
        if (r < 0) return item;
      }
      return list[list.length - 1]![0];
    },
  };
}
