import { z } from 'zod'

/**
 * Tolerant array: Go's `omitempty` drops empty slices and a nil slice marshals as `null`,
 * so a missing or null array on the wire means "empty" (contract §7 trap 6).
 */
export function looseArray<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v) => v ?? [])
}

/**
 * Unix timestamp normalised to milliseconds. catalyst-api's local flow composer writes seconds,
 * the flow-core contract says milliseconds (contract §1.4, §7 trap 3): values below 1e11 are seconds.
 */
export const EpochMs = z.number().transform((n) => (n > 0 && n < 1e11 ? Math.round(n * 1000) : n))

/** RFC 3339 timestamp as sent by the Go backend (kept as a string; parsed where displayed). */
export const Timestamp = z.string()

/** Go's zero `time.Time` as JSON: a timestamp field that was never set but has no `omitempty`. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z'

/** A timestamp that may be absent, null, an empty string or Go's zero time: all read as "not set". */
export const OptionalTimestamp = z
  .string()
  .nullish()
  .transform((v) => (v && !v.startsWith('0001-01-01T00:00:00') ? v : undefined))

/** Deployment id: 16 lowercase hex characters (a chroot Sovereign may use `sovereign-<fqdn>`). */
export const DEPLOYMENT_ID_PATTERN = /^[0-9a-f]{16}$/

export function isWellFormedDeploymentId(id: string): boolean {
  return DEPLOYMENT_ID_PATTERN.test(id)
}
