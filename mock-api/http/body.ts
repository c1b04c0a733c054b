import type { IncomingMessage } from 'node:http'

export const MAX_BODY_BYTES = 1024 * 1024

export type BodyResult =
  | { ok: true; raw: string; json: unknown }
  | {
      ok: false
      status: 400 | 413 | 415
      error: 'invalid-body' | 'body-too-large' | 'unsupported-media-type'
      detail: string
    }

/** Reads the whole body (≤ 1 MiB) and parses JSON; an empty body parses as `{}`. */
export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? '0')
  if (declared > MAX_BODY_BYTES) {
    req.resume()
    return { ok: false, status: 413, error: 'body-too-large', detail: `body exceeds ${MAX_BODY_BYTES} bytes` }
  }
  const chunks: Buffer[] = []
  let size = 0
  let tooLarge = false
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size > MAX_BODY_BYTES) tooLarge = true
    else chunks.push(buf)
  }
  if (tooLarge)
    return { ok: false, status: 413, error: 'body-too-large', detail: `body exceeds ${MAX_BODY_BYTES} bytes` }
  const raw = Buffer.concat(chunks).toString('utf8')
  if (raw.trim() === '') return { ok: true, raw, json: {} }
  const type = String(req.headers['content-type'] ?? 'application/json')
  if (!type.includes('json') && !type.startsWith('text/plain')) {
    return {
      ok: false,
      status: 415,
      error: 'unsupported-media-type',
      detail: `expected application/json, got ${type.slice(0, 100)}`,
    }
  }
  try {
    return { ok: true, raw, json: JSON.parse(raw) as unknown }
  } catch {
    return { ok: false, status: 400, error: 'invalid-body', detail: 'request body is not valid JSON' }
  }
}

/** The raw body, whatever its type (kubeconfig YAML, optional JSON), stopping at `max` bytes. */
export async function readRawBody(
  req: IncomingMessage,
  max = MAX_BODY_BYTES,
): Promise<{ ok: true; raw: Buffer } | { ok: false; tooLarge: true }> {
  const declared = Number(req.headers['content-length'] ?? '0')
  if (declared > max) {
    req.resume()
    return { ok: false, tooLarge: true }
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buf = chunk as Buffer
    size += buf.length
    if (size <= max) chunks.push(buf)
  }
  return size > max ? { ok: false, tooLarge: true } : { ok: true, raw: Buffer.concat(chunks) }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!header) return out
  for (const part of header.split(';')) {
    const i = part.indexOf('=')
    if (i < 0) continue
    const key = part.slice(0, i).trim()
    const value = part.slice(i + 1).trim()
    try {
      out[key] = decodeURIComponent(value)
    } catch {
      out[key] = value
    }
  }
  return out
}
