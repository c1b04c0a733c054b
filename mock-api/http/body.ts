import type { IncomingMessage } from 'node:http'
import { isJsonContentType } from './requestGuard.ts'

export const MAX_BODY_BYTES = 1024 * 1024

export type BodyResult =
  | { ok: true; raw: string; json: unknown }
  | {
      ok: false
      status: 400 | 413 | 415
      error: 'invalid-body' | 'body-too-large' | 'unsupported-media-type'
      detail: string
    }

/**
 * Reads at most `max` bytes. An oversized body (declared or streamed) is NOT drained: reading stops and
 * the caller answers 413 with `Connection: close`, so the server never spends time on the rest.
 */
function readLimited(req: IncomingMessage, max: number): Promise<{ ok: true; raw: Buffer } | { ok: false }> {
  const declared = Number(req.headers['content-length'] ?? '0')
  if (declared > max) return Promise.resolve({ ok: false })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > max) {
        req.off('data', onData)
        req.off('end', onEnd)
        req.pause()
        resolve({ ok: false })
      } else chunks.push(chunk)
    }
    const onEnd = () => resolve({ ok: true, raw: Buffer.concat(chunks) })
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', reject)
  })
}

/** Reads the whole body (≤ 1 MiB) and parses JSON; an empty body parses as `{}`. */
export async function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const read = await readLimited(req, MAX_BODY_BYTES)
  if (!read.ok)
    return { ok: false, status: 413, error: 'body-too-large', detail: `body exceeds ${MAX_BODY_BYTES} bytes` }
  const raw = read.raw.toString('utf8')
  if (raw.trim() === '') return { ok: true, raw, json: {} }
  const type = String(req.headers['content-type'] ?? 'application/json')
  // The request guard already refused other types on mutations; this covers any other caller.
  if (!isJsonContentType(type)) {
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
  const read = await readLimited(req, max)
  return read.ok ? read : { ok: false, tooLarge: true }
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
