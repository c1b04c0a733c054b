/** FNV-1a (32-bit) over strings: cheap, deterministic ids for seeds and structure keys. */
export const FNV_OFFSET = 0x811c9dc5

export function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A deterministic number in [0, 1) for `key`. */
export function hashUnit(key: string): number {
  return fnv1a(key) / 0x1_0000_0000
}
