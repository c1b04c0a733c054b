import type { APIRequestContext } from '@playwright/test'
import type {
  MockClockRequest,
  MockCreateDeploymentRequest,
  MockFaultsRequest,
  MockLogFloodRequest,
  MockRequestMatch,
  MockState,
  MockUserAccessRequest,
} from '../src/contracts/mockControl.ts'

/**
 * The mock API's control surface, named for what each call does (mock-api/README.md). Tests drive the
 * mock through nothing else.
 */
export class MockApi {
  constructor(
    private readonly request: APIRequestContext,
    readonly baseURL: string,
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
    const res = await this.request.fetch(`${this.baseURL}/api/__mock/${path}`, {
      method,
      data,
      failOnStatusCode: true,
    })
    return (await res.json()) as T
  }

  /** Back to the default estate (or one named scenario), clock paused, faults off. */
  reset(scenario?: string): Promise<unknown> {
    return this.call('POST', 'reset', scenario ? { scenario } : {})
  }

  state(): Promise<MockState> {
    return this.call('GET', 'state')
  }

  clock(opts: MockClockRequest): Promise<{ now: number; speed: number; paused: boolean }> {
    return this.call('POST', 'clock', opts)
  }

  /** Moves virtual time forward; every transition due happens. */
  advance(ms: number): Promise<unknown> {
    return this.clock({ advanceMs: ms })
  }

  /** Lets the clock run at `speed` × real time. */
  run(speed: number): Promise<unknown> {
    return this.clock({ paused: false, speed })
  }

  pause(): Promise<unknown> {
    return this.clock({ paused: true })
  }

  async pin(email: string): Promise<string> {
    const r = await this.call<{ pin: string }>('GET', `pin?email=${encodeURIComponent(email)}`)
    return r.pin
  }

  createDeployment(
    opts: MockCreateDeploymentRequest,
  ): Promise<{ id: string; sovereignFQDN: string; regions: string[]; status: string }> {
    return this.call('POST', 'deployments', opts)
  }

  /** Many deployments in one call (list benchmarks); answers with the first and the count. */
  createDeployments(
    count: number,
    opts: Omit<MockCreateDeploymentRequest, 'count'> = {},
  ): Promise<{ id: string; sovereignFQDN: string; count: number }> {
    return this.call('POST', 'deployments', { ...opts, count })
  }

  faults(opts: MockFaultsRequest): Promise<unknown> {
    return this.call('POST', 'faults', opts)
  }

  /**
   * The handler of `method path` runs (the mutation happens), then its answer is lost: headers go out and
   * the connection is cut. `path` as catalyst-api sees it (`/api/v1/deployments`); `null` disarms.
   */
  dropResponseAfterMutation(match: MockRequestMatch | MockRequestMatch[] | null): Promise<unknown> {
    return this.faults({ dropResponseAfterMutation: match })
  }

  /** `method path` is never answered (and nothing runs) until disarmed with `null` or `reset`. */
  hang(match: MockRequestMatch | MockRequestMatch[] | null): Promise<unknown> {
    return this.faults({ hang: match })
  }

  logFlood(opts: MockLogFloodRequest): Promise<{ jobId: string; jobName: string; executionId: string }> {
    return this.call('POST', 'log-flood', opts)
  }

  /** Stores a UserAccess record verbatim, name included (hostile names the real API refuses). */
  userAccess(opts: MockUserAccessRequest): Promise<{ name: string }> {
    return this.call('POST', 'user-access', opts)
  }

  /** Drops every stream and refuses connections for `downMs` (an API restart). */
  restart(downMs: number): Promise<unknown> {
    return this.call('POST', 'restart', { downMs })
  }

  expireSessions(): Promise<unknown> {
    return this.call('POST', 'expire-sessions', {})
  }
}

/** The seeded estate (mock-api/README.md): ids tests may rely on. */
export const ESTATE = {
  adopted: { id: 'a43364f11c10cde3', fqdn: 't126.omani.works' },
  ready: { id: 'b2c4d6e8f0a1b3c5', fqdn: 'acme.omani.works' },
  live: { id: 'c1d2e3f4a5b6c7d8', fqdn: 'live.omani.works' },
  provisioning: { id: 'd4e5f6a7b8c9d0e1', fqdn: 'rollout.omani.works' },
  failedTofu: { id: 'e5f6a7b8c9d0e1f2', fqdn: 'quota.omani.works' },
  failedChart: { id: 'f6a7b8c9d0e1f2a3', fqdn: 'harbor-fail.omani.works' },
  degraded: { id: '0a1b2c3d4e5f6a7b', fqdn: 'edge.northwind.eu' },
  wiped: { id: '1b2c3d4e5f6a7b8c', fqdn: 'old.omani.works' },
  solo: { id: '2c3d4e5f6a7b8c9d', fqdn: 'solo.omani.works' },
  fluxStuck: { id: '3d4e5f6a7b8c9d0e', fqdn: 'stuck.omani.works' },
  noKubeconfig: { id: '4e5f6a7b8c9d0e1f', fqdn: 'nokube.omani.works' },
} as const
