/** FNV-1a 32-bit hash: stable seeds from strings, so the same deployment always plays out the same way. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random draw that depends only on its key (and the seed), not on how many draws came before. */
export function keyedRandom(seed: number, key: string): number {
  return seededRandom(hashString(`${seed}:${key}`))()
}

/** Uniform in [min, max] keyed by `key`. */
export function keyedBetween(seed: number, key: string, min: number, max: number): number {
  return min + keyedRandom(seed, key) * (max - min)
}

/** Deterministic lowercase hex of `bytes` bytes derived from a key. */
export function keyedHex(key: string, bytes: number): string {
  const next = seededRandom(hashString(key))
  let out = ''
  for (let i = 0; i < bytes; i++)
    out += Math.floor(next() * 256)
      .toString(16)
      .padStart(2, '0')
  return out
}
