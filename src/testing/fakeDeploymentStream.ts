/**
 * Test doubles for the deployment event stream: numbered events and a stand-in for `openEventStream` whose
 * connections the test drives by hand (open, replay, send, done), so no EventSource or network is needed.
 */
import { expect } from 'vitest'
import { DeploymentState, type DeploymentEvent, type HandoverReady } from '../contracts/deployments.ts'
import type { OpenDeploymentStream } from '../entities/deployment/deploymentEventStream.ts'

/** The i-th event of a component's install (distinct per `i` and `message`). */
export const numberedEvent = (i: number, message = `event ${i}`): DeploymentEvent => ({
  time: `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`,
  phase: 'component',
  level: 'info',
  message,
  component: 'cilium',
  dependsOn: [],
})

/** A `ready` deployment record (no handover yet) with the given fields replaced. */
export const deploymentState = (over: Record<string, unknown> = {}): DeploymentState =>
  DeploymentState.parse({
    id: 'd1',
    status: 'ready',
    startedAt: '2026-01-01T00:00:00Z',
    sovereignFQDN: 'x.omani.works',
    ...over,
  })

type Opts = Parameters<OpenDeploymentStream>[1]

export class FakeDeploymentServer {
  readonly connections: { path: string; opts: Opts; closed: boolean; reconnects: number }[] = []
  readonly open: OpenDeploymentStream = (path, opts) => {
    const c = { path, opts, closed: false, reconnects: 0 }
    this.connections.push(c)
    opts.onStatus?.({ state: 'connecting', attempt: 0, retryAt: undefined })
    return {
      close: () => {
        c.closed = true
        opts.onStatus?.({ state: 'closed', attempt: 0, retryAt: undefined })
      },
      reconnect: () => void c.reconnects++,
    }
  }
  private get live(): Opts {
    const c = this.connections.at(-1)
    expect(c?.closed).toBe(false)
    return c!.opts
  }
  /** The connection (re)opens and replays these frames. */
  connect(events: readonly DeploymentEvent[], reconnect = false): void {
    this.live.onOpen?.(reconnect)
    this.live.onStatus?.({ state: 'open', attempt: 0, retryAt: undefined })
    for (const e of events) this.live.onEvent('message', e)
  }
  status(state: 'reconnecting' | 'open', retryAt?: number): void {
    this.live.onStatus?.({ state, attempt: 1, retryAt })
  }
  send(e: DeploymentEvent): void {
    this.live.onEvent('message', e)
  }
  handover(h: HandoverReady): void {
    this.live.onEvent('handover-ready', h)
  }
  done(s: DeploymentState): void {
    this.live.onEvent('done', s)
  }
}
