/**
 * `Idempotency-Key` on `POST /deployments` (a mock extension, contract §2.3): the first 201 for a key is
 * remembered per owner, so a client that lost the answer can send the same request again and get the same
 * deployment instead of a second one (or a 409 from its own first one). Only a fingerprint of the body is
 * kept — a hash, because the body carries the provider token.
 */
import { createHash } from 'node:crypto'

export type IdempotentReplay<T> =
  { kind: 'new' } | { kind: 'replay'; status: number; body: T } | { kind: 'mismatch' }

/** Header values accepted as keys: 1–255 visible ASCII characters (a UUID in practice). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}

export function fingerprint(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex')
}

export class IdempotencyStore<T = unknown> {
  private readonly entries = new Map<string, { fingerprint: string; status: number; body: T }>()

  private static slot(owner: string, key: string): string {
    return `${owner.toLowerCase()}\n${key}`
  }

  /** What an earlier request with this key (from this owner) means for this one. */
  lookup(owner: string, key: string, body: unknown): IdempotentReplay<T> {
    const hit = this.entries.get(IdempotencyStore.slot(owner, key))
    if (!hit) return { kind: 'new' }
    return hit.fingerprint === fingerprint(body)
      ? { kind: 'replay', status: hit.status, body: hit.body }
      : { kind: 'mismatch' }
  }

  /** Remembers a success; failures are not remembered, so the same key may be retried after one. */
  remember(owner: string, key: string, body: unknown, status: number, answer: T): void {
    this.entries.set(IdempotencyStore.slot(owner, key), {
      fingerprint: fingerprint(body),
      status,
      body: answer,
    })
  }

  clear(): void {
    this.entries.clear()
  }
}
