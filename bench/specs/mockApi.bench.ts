import { expect, test } from '@playwright/test'
import { request as httpRequest } from 'node:http'
import { record } from '../record.ts'
import { summarise } from '../stats.ts'

const TEN_REGIONS = ['fsn1', 'nbg1', 'hel1', 'sin', 'ash', 'hil', 'fsn1', 'nbg1', 'hel1', 'sin']
const SSE_SECONDS = Number(process.env.BENCH_SSE_SECONDS ?? 30)

async function session(baseURL: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/auth/test-session`, { method: 'POST' })
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

async function control(baseURL: string, path: string, body: unknown): Promise<{ id?: string }> {
  const res = await fetch(`${baseURL}/api/__mock/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
  expect(res.ok).toBe(true)
  return (await res.json()) as { id?: string }
}

test('mock API: flow snapshot of a 10-region deployment', async ({ baseURL }, testInfo) => {
  await control(baseURL!, 'reset', {})
  const { id } = await control(baseURL!, 'deployments', {
    scenario: 'healthy',
    regions: TEN_REGIONS,
    ageMs: 25 * 60_000,
  })
  const cookie = await session(baseURL!)
  const times: number[] = []
  let bytes = 0
  let nodes = 0
  for (let i = 0; i < 60; i++) {
    const t = performance.now()
    const res = await fetch(`${baseURL}/api/v1/flows/${id}/snapshot`, { headers: { cookie } })
    const text = await res.text()
    times.push(performance.now() - t)
    bytes = text.length
    nodes = (JSON.parse(text) as { nodes: unknown[] }).nodes.length
  }
  await record(
    testInfo,
    summarise(
      'Mock API',
      `GET /flows/{id}/snapshot, 10 regions (${nodes} nodes, ${(bytes / 1024).toFixed(0)} kB)`,
      'ms',
      times.slice(5),
    ),
  )
})

test('mock API: 50 concurrent flow SSE clients', async ({ baseURL }, testInfo) => {
  test.setTimeout((SSE_SECONDS + 60) * 1000)
  await control(baseURL!, 'reset', {})
  const { id } = await control(baseURL!, 'deployments', {
    scenario: 'healthy',
    regions: TEN_REGIONS,
    ageMs: 12 * 60_000,
  })
  await control(baseURL!, 'clock', { paused: false, speed: 20 })
  const cookie = await session(baseURL!)
  const url = new URL(`${baseURL}/api/v1/flows/${id}/stream`)
  const clients = 50
  const frames: number[] = new Array(clients).fill(0)
  const snapshotLags: number[] = []
  const requests: ReturnType<typeof httpRequest>[] = []
  const started = Date.now()
  await Promise.all(
    Array.from({ length: clients }, (_, c) => {
      return new Promise<void>((resolve) => {
        const req = httpRequest(
          { host: url.hostname, port: url.port, path: url.pathname, headers: { cookie } },
          (res) => {
            let buf = ''
            let firstSnapshot: number | undefined
            let snapshots = 0
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => {
              buf += chunk
              let i: number
              while ((i = buf.indexOf('\n\n')) >= 0) {
                const frame = buf.slice(0, i)
                buf = buf.slice(i + 2)
                frames[c]!++
                if (frame.startsWith('event: snapshot')) {
                  const now = Date.now()
                  if (firstSnapshot === undefined) firstSnapshot = now
                  else snapshotLags.push(Math.max(0, now - (firstSnapshot + snapshots * 3000)))
                  snapshots++
                }
              }
            })
            resolve()
          },
        )
        req.end()
        requests.push(req)
      })
    }),
  )
  await new Promise((r) => setTimeout(r, SSE_SECONDS * 1000))
  for (const r of requests) r.destroy()
  await control(baseURL!, 'clock', { paused: true })
  const seconds = (Date.now() - started) / 1000
  const total = frames.reduce((a, b) => a + b, 0)
  await record(
    testInfo,
    summarise(
      'Mock API',
      `${clients} SSE clients × ${SSE_SECONDS} s: frames/s per client`,
      'events/s',
      frames.map((f) => f / seconds),
      {
        note: `${total} frames in total, ${(total / seconds).toFixed(0)} frames/s across all clients`,
      },
    ),
    summarise('Mock API', `${clients} SSE clients: snapshot lag behind the 3 s cadence`, 'ms', snapshotLags, {
      note: `max ${Math.max(...snapshotLags).toFixed(0)} ms`,
    }),
  )
})
