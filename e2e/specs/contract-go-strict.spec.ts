import type { APIRequestContext, Page, Route } from '@playwright/test'
import { STATE_APRIL } from '../../src/contracts/golden/deployments.golden.ts'
import { TOPOLOGY_READY } from '../../src/contracts/golden/infrastructure.golden.ts'
import { APRIL_JOB, GOLDEN_DEPLOYMENT, JOBS_GOLDEN } from '../../src/contracts/golden/jobs.golden.ts'
import { WIZARD_GOLDEN } from '../../src/contracts/golden/wizard.golden.ts'
import { ESTATE, expect, expectHeading, test } from '../fixtures.ts'
import { CloudPage } from '../pages/CloudPage.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { JobsPage } from '../pages/JobsPage.ts'
import { WizardPage } from '../pages/WizardPage.ts'

/**
 * The console against the real catalyst-api's shapes, not only our mock's: the mock's answers rewritten in
 * the page (Playwright `page.route`) to the strict Go forms — `appId: ""`, none of the contract's optional
 * fields (displayName, kind, region, childIds), bare `dependsOn` job names, the April State, Go's error
 * bodies and plain-text 404s — and the jobs page, job detail and log viewer must work just as well. Then
 * the golden wire samples (`src/contracts/golden/`) served as they are and read on screen.
 */

const LIVE = ESTATE.live.id
type WireJob = Record<string, unknown> & { dependsOn?: string[] }

/** A job as the Go store writes it, without the fields the contract marks optional. */
function strictJob(j: WireJob, depId: string): WireJob {
  const { displayName: _d, kind: _k, region: _r, childIds: _c, ...rest } = j
  return {
    ...rest,
    // The May bridge stored bare job names.
    dependsOn: (j.dependsOn ?? []).map((d) => (d.startsWith(`${depId}:`) ? d.slice(depId.length + 1) : d)),
  }
}

/** The April `State()`: no owner, no regions, no lifted May fields. */
function strictState(s: Record<string, unknown>): Record<string, unknown> {
  const keep = ['id', 'status', 'startedAt', 'finishedAt', 'sovereignFQDN', 'region', 'numEvents', 'error']
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(s).filter(([k]) => keep.includes(k)))
  const result = s.result as Record<string, unknown> | undefined
  if (result) {
    const r = [
      'sovereignFQDN',
      'controlPlaneIP',
      'loadBalancerIP',
      'consoleURL',
      'gitopsRepoURL',
      'kubeconfigPath',
    ]
    out.result = {
      ...Object.fromEntries(r.map((k) => [k, result[k] ?? ''])),
      ...(result.componentStates ? { componentStates: result.componentStates } : {}),
      ...(result.phase1FinishedAt ? { phase1FinishedAt: result.phase1FinishedAt } : {}),
      ...(result.phase1Outcome ? { phase1Outcome: result.phase1Outcome } : {}),
    }
  }
  if (s.componentStates) out.componentStates = s.componentStates
  return out
}

/** Rewrites every JSON answer about one deployment (streams untouched) into the strict Go forms. */
async function serveStrictGo(page: Page, depId: string): Promise<{ rewritten: () => number }> {
  let n = 0
  const base = `/api/v1/deployments/${depId}`
  await page.route(
    (url) => url.pathname.startsWith(base) && !/\/(logs|stream)$/.test(url.pathname),
    async (route: Route) => {
      const res = await route.fetch()
      const path = new URL(route.request().url()).pathname
      const text = await res.text()
      if (!res.headers()['content-type']?.includes('json'))
        return route.fulfill({ response: res, body: text })
      const body = JSON.parse(text) as Record<string, unknown>
      let out: unknown = body
      if (path === base) out = strictState(body)
      else if (path === `${base}/jobs`)
        out = { jobs: (body.jobs as WireJob[]).map((j) => strictJob(j, depId)) }
      else if (path.startsWith(`${base}/jobs/`) && body.job)
        out = { ...body, job: strictJob(body.job as WireJob, depId) }
      if (out !== body) n++
      return route.fulfill({ response: res, json: out })
    },
  )
  return { rewritten: () => n }
}

async function apiJobs(request: APIRequestContext, depId: string) {
  const res = await request.get(`/api/v1/deployments/${depId}/jobs`)
  return ((await res.json()) as { jobs: { jobName: string; type: string; status: string }[] }).jobs
}

async function apiLines(request: APIRequestContext, depId: string, jobName: string) {
  const detail = (await (
    await request.get(`/api/v1/deployments/${depId}/jobs/${encodeURIComponent(jobName)}`)
  ).json()) as { executions: { id: string }[] }
  const page = (await (
    await request.get(`/api/v1/actions/executions/${detail.executions[0]!.id}/logs?fromLine=1&limit=5000`)
  ).json()) as { lines: { lineNumber: number; message: string }[] }
  // eslint-disable-next-line no-control-regex -- SGR sequences are what is being removed
  return page.lines.map((l) => [l.lineNumber, l.message.replace(/\x1b\[[0-9;:]*m/g, '')] as [number, string])
}

test.beforeEach(async ({ signIn }) => {
  await signIn()
})

test('the jobs page, job detail and log viewer read the strict Go forms without degrading', async ({
  page,
}) => {
  const strict = await serveStrictGo(page, LIVE)
  const leaves = (await apiJobs(page.request, LIVE)).filter((j) => j.type !== 'group')
  const jobs = new JobsPage(page)
  await jobs.goto({ deploymentId: LIVE })
  // Every leaf, no group mistaken for a job.
  await expect(jobs.count).toHaveText(`${leaves.length} jobs`)
  // Regions come from the job names when the rows carry no `region` (and the record no `regions`).
  await expect(jobs.columnHeader('Region')).toBeVisible()
  await expect(jobs.region.getByRole('option')).toContainText(['nbg1-1', 'sin-2'])
  // The search covers dependencies too: a job's name finds it and its dependents.
  for (const [name, region] of [
    ['install-cert-manager', 'primary'],
    ['install-sin-2:cert-manager', 'sin-2'],
    ['install-nbg1-1:cert-manager', 'nbg1-1'],
  ]) {
    await jobs.search.fill(name!)
    await expect(jobs.row(name!)).toContainText(region!)
  }
  // Bare dependsOn names still become readable links.
  await expect(jobs.row('install-nbg1-1:cert-manager').getByRole('link', { name: 'cilium' })).toBeVisible()
  // Phases without display names read in our words.
  await jobs.search.fill('')
  await jobs.groupBy.selectOption('phase')
  await expect(jobs.groupToggle(/^Bootstrap kit/)).toBeVisible()
  await expect(jobs.groupToggle(/^Provision/)).toBeVisible()

  // Job detail (an install of a secondary region) from the table.
  await jobs.groupBy.selectOption('')
  await jobs.search.fill('install-nbg1-1:cert-manager')
  await jobs.jobLink('install-nbg1-1:cert-manager').click()
  const detail = new JobDetailPage(page)
  await expect(detail.heading('install-nbg1-1:cert-manager')).toBeVisible()
  const facts = page.getByRole('definition')
  await expect(facts.filter({ hasText: 'Bootstrap kit' })).toHaveCount(1)
  await expect(facts.filter({ hasText: /^nbg1-1$/ })).toHaveCount(1)
  await expect(
    page.getByRole('region', { name: 'Depends on' }).getByRole('link', { name: 'cilium' }),
  ).toBeVisible()
  await expect(detail.execution).toBeVisible()
  const lines = await apiLines(page.request, LIVE, 'install-nbg1-1:cert-manager')
  await expect.poll(() => detail.visibleLines()).toEqual(lines)

  // A lifecycle job with `appId: ""` and no display name: its own name, deployment-wide, its whole log.
  await detail.goto({ deploymentId: LIVE, jobName: 'tofu-apply' })
  await expect(detail.heading('tofu-apply')).toBeVisible()
  await expect(facts.filter({ hasText: 'Deployment-wide' })).toHaveCount(1)
  const apply = await apiLines(page.request, LIVE, 'tofu-apply')
  await expect.poll(() => detail.lastVisibleLine()).toBe(apply.length)
  expect((await detail.visibleLines()).at(-1)).toEqual(apply.at(-1))
  expect(strict.rewritten()).toBeGreaterThan(3)
})

test('Go error bodies and plain-text 404s read as clear pages, never blank', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/status of 404/])
  await serveStrictGo(page, LIVE)
  const detail = new JobDetailPage(page)
  // `{"error":"job-not-found"}`.
  await detail.goto({ deploymentId: LIVE, jobName: 'install-nope' })
  await expect(detail.heading('Job not found')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to jobs' }).first()).toBeVisible()

  // `{"error":"execution-not-found"}` for the log: said in words, with the job still on screen.
  await page.route('**/api/v1/actions/executions/*/logs*', (route) =>
    route.fulfill({ status: 404, json: { error: 'execution-not-found' } }),
  )
  await detail.goto({ deploymentId: LIVE, jobName: 'install-cilium' })
  await expect(detail.heading('install-cilium')).toBeVisible()
  await expect(page.getByText('Log unavailable: That execution of the job no longer exists.')).toBeVisible()
  await expect(page.getByText(/execution-not-found/)).toHaveCount(0)
  await page.unroute('**/api/v1/actions/executions/*/logs*')

  // The record itself 404s as Go's plain text (`deployment not found`): a clear not-found page.
  await page.route(`**/api/v1/deployments/${LIVE}`, (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'deployment not found\n' }),
  )
  await detail.goto({ deploymentId: LIVE, jobName: 'install-cilium' })
  await expect(page.getByRole('heading', { level: 1, name: 'Deployment not found' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to the deployments' })).toBeVisible()
  await page.unroute(`**/api/v1/deployments/${LIVE}`)

  // Go's ListJobs answers an unknown deployment 200 {jobs: []}: an honest empty table.
  await page.route('**/api/v1/deployments/ffffffffffffffff/jobs', (route) =>
    route.fulfill({ json: { jobs: [] } }),
  )
  await page.route('**/api/v1/deployments/ffffffffffffffff', (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'deployment not found\n' }),
  )
  await page.goto('/provision/ffffffffffffffff/jobs')
  await expect(page.getByRole('heading', { level: 1, name: 'Deployment not found' })).toBeVisible()
})

test('the golden samples render: jobs (May and April shapes), a log page, the cloud lists, the wizard’s words', async ({
  page,
}) => {
  const list = JOBS_GOLDEN.find((t) => t.endpoint === 'GET /deployments/{id}/jobs')!.cases[0]!.wire as {
    jobs: WireJob[]
  }
  const detailCases = JOBS_GOLDEN.find((t) => t.endpoint === 'GET /deployments/{id}/jobs/{jobId}')!.cases
  const logPage = JOBS_GOLDEN.find((t) => t.endpoint === 'GET /actions/executions/{execId}/logs')!.cases[0]!
    .wire
  const base = `**/api/v1/deployments/${GOLDEN_DEPLOYMENT}`
  await page.route(base, (route) => route.fulfill({ json: STATE_APRIL }))
  await page.route(`${base}/jobs`, (route) => route.fulfill({ json: { jobs: [...list.jobs, APRIL_JOB] } }))
  await page.route(`${base}/jobs/*`, (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()!)
    const hit = detailCases.find((c) => (c.wire as { job: { jobName: string } }).job.jobName === name)
    return hit
      ? route.fulfill({ json: hit.wire })
      : route.fulfill({ status: 404, json: { error: 'job-not-found' } })
  })
  await page.route('**/api/v1/actions/executions/*/logs*', (route) => route.fulfill({ json: logPage }))

  const jobs = new JobsPage(page)
  await jobs.goto({ deploymentId: GOLDEN_DEPLOYMENT })
  await expect(jobs.count).toHaveText('8 jobs')
  await expect
    .poll(() => jobs.jobNames())
    .toEqual(
      expect.arrayContaining([
        'install-nbg1-1:newapi',
        'tofu-apply',
        'install-external-dns',
        'install-catalyst-platform',
      ]),
    )
  await expect(jobs.row('install-external-dns').getByRole('link', { name: 'cert-manager' })).toBeVisible()
  await jobs.jobLink('install-cert-manager').click()
  const detail = new JobDetailPage(page)
  await expect(detail.heading('install-cert-manager')).toBeVisible()
  const lines = (logPage as { lines: { lineNumber: number; message: string }[] }).lines
  await expect.poll(() => detail.visibleLines()).toEqual(lines.map((l) => [l.lineNumber, l.message]))

  // The cloud lists read the Go storage items.
  await page.route(`**/api/v1/deployments/${ESTATE.ready.id}/infrastructure/topology`, (route) =>
    route.fulfill({ json: TOPOLOGY_READY }),
  )
  const cloud = new CloudPage(page)
  await page.goto(`/provision/${ESTATE.ready.id}/cloud?view=list&kind=pvcs`)
  await expectHeading(page, 'Cloud')
  const pvcs = cloud.table('PVCs')
  await expect(pvcs.getByRole('row', { name: /data-cnpg-0/ })).toContainText('50Gi')
  await expect(pvcs.getByRole('row', { name: /data-cnpg-0/ })).toContainText('14674Mi')
  await expect(pvcs.getByRole('row', { name: /data-cnpg-0/ })).toContainText(/healthy/i)
  await cloud.kindTab('Buckets').click()
  await expect(cloud.table('Buckets')).toContainText('https://fsn1.your-objectstorage.com')
  await expect(cloud.table('Buckets')).toContainText('30 days')

  // The wizard words every golden subdomain answer itself; the code never shows.
  const answers = WIZARD_GOLDEN.find((t) => t.endpoint === 'POST /subdomains/check')!.cases.filter(
    (c) => (c.wire as { available: boolean }).available === false,
  )
  const wizard = new WizardPage(page)
  await wizard.goto()
  await wizard.orgName().fill('Golden')
  await wizard.next().click()
  for (const [i, c] of answers.entries()) {
    const answer = c.wire as { reason: string; detail: string }
    await page.route('**/api/v1/subdomains/check', (route) => route.fulfill({ json: answer }))
    await wizard.subdomain().fill(`golden${i}`)
    await expect(wizard.availability()).toContainText('✕ ')
    const text = (await wizard.availability().textContent()) ?? ''
    expect(text, c.name).not.toContain(answer.reason.includes('-') ? answer.reason : '\u0000')
    expect(text, c.name).not.toContain(answer.detail)
    await page.unroute('**/api/v1/subdomains/check')
  }
})
