/**
 * Names and ids the way catalyst-api and Kubernetes mint them: Crossplane claim names (Go
 * `infrastructure/xrc.go` XRCName), object UIDs, and the audit job name of a Day-2 request (Go
 * `jobs/mutation_bridge.go`).
 */
import { keyedHex } from './rng.ts'

/** Go `sanitizeDNS1123`: lower-case, anything outside `[a-z0-9.-]` becomes `-`, trimmed of `-`/`.`. */
function sanitizeDns1123(s: string): string {
  const out = s
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return out || 'x'
}

/** `<first 8 of the deployment id>-<verb>-<slug>`, DNS-1123, at most 63 characters. */
export function xrcName(deploymentId: string, verb: string, slug: string): string {
  const parts = [deploymentId.trim().slice(0, 8), verb.trim().toLowerCase(), slug.trim().toLowerCase()]
  return sanitizeDns1123(parts.filter(Boolean).join('-')).slice(0, 63)
}

/** `mutation-<verb>-<kind>[-<slug>]`, lower-cased (not sanitised: Go keeps the slug as sent). */
export function mutationJobName(verb: string, kind: string, slug: string): string {
  const s = slug.trim().toLowerCase()
  return [`mutation-${verb.trim().toLowerCase()}`, kind.trim().toLowerCase(), ...(s ? [s] : [])].join('-')
}

/** A Kubernetes object UID (RFC 4122 v4 layout), deterministic in its key. */
export function uid(key: string): string {
  const h = keyedHex(key, 16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`
}
