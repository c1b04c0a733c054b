import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { ESTATE, expect, test } from '../fixtures.ts'
import { FlowPage } from '../pages/FlowPage.ts'
import { asFile, eventText, JobDetailPage, type WireEvent } from '../pages/JobDetailPage.ts'
import { HandoverPrompt } from '../pages/HandoverPrompt.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'

/**
 * Server-Sent Events through nginx (the production build has no canvas hooks: the graph is read through
 * its accessible summary). A buffering or compressing proxy would hold frames back: these views only
 * move if every frame arrives as the API writes it.
 */

const liveEvents = async (o: OverviewPage) =>
  Number(
    /Live — ([\d,]+) events/.exec((await o.liveLog().textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? NaN,
  )

test('the overview’s live log and the flow graph stream through nginx', async ({
  page,
  context,
  signIn,
  mockApi,
}) => {
  await signIn()
  const overview = new OverviewPage(page)
  await overview.goto(ESTATE.live.id)
  await expect(overview.liveLog()).toContainText(/Live — [\d,]+ events\./)
  const before = await liveEvents(overview)

  const flowTab = await context.newPage()
  const flow = new FlowPage(flowTab)
  await flowTab.goto(`/provision/${ESTATE.live.id}/jobs?view=graph&depth=all`)
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live')
  await expect(flow.summary).toContainText(/^\d+ jobs across 3 regions: /)
  const summaryBefore = await flow.summary.textContent()

  // Ten virtual minutes pass on the API: only the streams can tell the open pages.
  await mockApi.advance(10 * 60_000)
  await expect.poll(() => liveEvents(overview)).toBeGreaterThan(before)
  await expect(flow.summary).not.toHaveText(summaryBefore!)
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live')

  // Both now show what a fresh load shows.
  const fresh = await context.newPage()
  await fresh.goto(`/provision/${ESTATE.live.id}/jobs?view=graph&depth=all`)
  const freshFlow = new FlowPage(fresh)
  await expect(freshFlow.summary).toContainText(/^\d+ jobs across 3 regions: /)
  await expect(flow.summary).toHaveText((await freshFlow.summary.textContent())!)
  const events = (await (await page.request.get(`/api/v1/deployments/${ESTATE.live.id}/events`)).json()) as {
    events: unknown[]
  }
  await expect.poll(() => liveEvents(overview)).toBe(events.events.length)
})

/** What the overview says: status, timeline steps with their states, regions, the live log line. */
async function overviewFacts(page: Page) {
  const o = new OverviewPage(page)
  const names = (l: ReturnType<Page['getByRole']>) =>
    l.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''))
  return {
    status: await o.status().getAttribute('aria-label'),
    steps: await names(o.timeline().getByRole('listitem')),
    regions: await names(o.regionProgress().getByRole('listitem')),
    log: await o.liveLog().textContent(),
  }
}

async function download(page: Page): Promise<string> {
  const detail = new JobDetailPage(page)
  const [file] = await Promise.all([page.waitForEvent('download'), detail.download.click()])
  return readFile((await file.path())!, 'utf8')
}

test('streams dropped every 2.5 s through nginx until the run ends: every view ends where a fresh load starts', async ({
  page,
  context,
  mockApi,
  signIn,
  allowConsoleErrors,
}) => {
  test.setTimeout(180_000)
  // A dropped EventSource logs nothing, but a reconnect racing a drop can be refused mid-handshake.
  allowConsoleErrors([/net::ERR_/, /EventSource/])
  await signIn()
  // Late in Phase 1: the rest of the run — the last charts, `ready`, cutover, handover — is minutes away.
  const dep = await mockApi.createDeployment({
    regions: ['fsn1', 'nbg1'],
    sovereignFQDN: 'storm.omani.works',
    ageMs: 20 * 60_000,
  })
  const overview = new OverviewPage(page)
  await overview.goto(dep.id)
  await expect(overview.liveLog()).toContainText(/Live — \d+ events/)

  const flowTab = await context.newPage()
  const flow = new FlowPage(flowTab)
  await flowTab.goto(`/provision/${dep.id}/jobs?view=graph&depth=all`)
  await expect(flow.liveStatus).toHaveAccessibleName('Live updates: Live')

  const globalTab = await context.newPage()
  const globalLog = new JobDetailPage(globalTab)
  await globalLog.goto({ deploymentId: dep.id, jobName: 'tofu-init', suffix: '?log=global' })
  await expect(globalLog.log.getByRole('listitem').first()).toBeVisible()

  await mockApi.faults({ dropStreamsEveryMs: 2500 })
  await mockApi.run(60)
  let state: { status: string; handoverURL?: string } = { status: '' }
  // After the handover link the overview and the graph tab would send the operator to the Sovereign: stay
  // in both, which also shows each learnt of the link through its dropped streams.
  const prompts = [page, flowTab].map((p) => new HandoverPrompt(p))
  await expect
    .poll(
      async () => {
        const declined = await Promise.all(prompts.map((p) => p.declineIfOffered()))
        state = (await (await page.request.get(`/api/v1/deployments/${dep.id}`)).json()) as typeof state
        return state.status === 'ready' && !!state.handoverURL && declined.every(Boolean)
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(true)
  await mockApi.pause()
  await mockApi.faults({ dropStreamsEveryMs: 0 })
  expect(state.status).toBe('ready')

  const fresh = await context.newPage()
  const freshOverview = new OverviewPage(fresh)
  await freshOverview.goto(dep.id)
  await freshOverview.stay().click()
  await expect(freshOverview.liveLog()).toHaveText(/Log complete/)
  await expect.poll(() => overviewFacts(page), { timeout: 30_000 }).toEqual(await overviewFacts(fresh))

  await fresh.goto(`/provision/${dep.id}/jobs?view=graph&depth=all`)
  const freshFlow = new FlowPage(fresh)
  await expect(freshFlow.summary).toContainText(/ succeeded$/)
  await expect(flow.summary).toHaveText((await freshFlow.summary.textContent())!, { timeout: 30_000 })

  const events = (
    (await (await page.request.get(`/api/v1/deployments/${dep.id}/events`)).json()) as { events: WireEvent[] }
  ).events
  await expect(globalTab.getByText(new RegExp(`of ${events.length.toLocaleString('en-US')}$`))).toBeVisible({
    timeout: 30_000,
  })
  // Every event once, in order: none lost or doubled by the drops.
  expect(await download(globalTab)).toBe(asFile(events.map(eventText)))
})
