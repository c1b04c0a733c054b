import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures.ts'
import { FlowPage } from '../pages/FlowPage.ts'
import { asFile, eventText, JobDetailPage, type WireEvent } from '../pages/JobDetailPage.ts'
import { JobsPage } from '../pages/JobsPage.ts'
import { HandoverPrompt } from '../pages/HandoverPrompt.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'

/**
 * A whole 3-region provisioning run under a fast clock while the API drops every stream every 2.5 s.
 * Overview, jobs table, flow graph, the global log and a job log are open in their own tabs the whole
 * time; at the end each shows exactly what a fresh load of the same page shows, and the logs equal the
 * API's lines — none lost, none doubled.
 */

async function download(page: Page): Promise<string> {
  const detail = new JobDetailPage(page)
  const [file] = await Promise.all([page.waitForEvent('download'), detail.download.click()])
  return readFile((await file.path())!, 'utf8')
}

/** Every row of the virtualised jobs table as `name status`, scrolling it through top to bottom. */
async function allJobRows(page: Page): Promise<string[]> {
  const jobs = new JobsPage(page)
  await expect(jobs.table).toBeVisible()
  return jobs.table.evaluate(async (table) => {
    const scroller = table.parentElement!
    const seen = new Map<number, string>()
    const collect = () => {
      for (const tr of table.querySelectorAll('tbody tr[aria-rowindex]')) {
        const cells = [...tr.querySelectorAll('td')]
        const name = cells[0]?.querySelector('a')?.textContent ?? ''
        const status = tr.querySelector('[data-status]')?.getAttribute('data-status') ?? ''
        seen.set(Number(tr.getAttribute('aria-rowindex')), `${name} ${status.trim()}`)
      }
    }
    // Two frames for the virtualiser to render the new window; a timer too, so a tab whose frames do not
    // run fails this poll attempt instead of hanging the test.
    const frame = () =>
      new Promise((r) => {
        requestAnimationFrame(() => requestAnimationFrame(r))
        setTimeout(r, 1_000)
      })
    scroller.scrollTop = 0
    await frame()
    for (let guard = 0; guard < 500; guard++) {
      collect()
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break
      scroller.scrollTop += scroller.clientHeight * 0.8
      await frame()
    }
    collect()
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)
  })
}

/** What the overview says: status, the timeline steps with their states, the regions and the log line. */
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

async function flowFacts(page: Page) {
  const flow = new FlowPage(page)
  await flow.waitForLayout()
  const scene = await flow.scene()
  const state = await flow.state()
  return {
    nodes: scene.nodes.map((n) => `${n.id} ${n.kind} ${n.status} ${n.folded} ${n.hiddenCount}`).sort(),
    edges: scene.edges.map((e) => `${e.fromId}>${e.toId} ${e.kind} ${e.count}`).sort(),
    modelNodes: state.modelNodes,
    diagnostics: state.diagnostics,
  }
}

test('streams dropped every 2.5 s through a whole run: every view ends where a fresh load starts', async ({
  page,
  context,
  mockApi,
  signIn,
  allowConsoleErrors,
}) => {
  test.setTimeout(240_000)
  // A dropped EventSource logs nothing, but a reconnect racing a drop can be refused mid-handshake.
  allowConsoleErrors([/net::ERR_/, /EventSource/])
  await signIn()
  const dep = await mockApi.createDeployment({
    regions: ['fsn1', 'nbg1', 'hel1'],
    sovereignFQDN: 'storm.omani.works',
  })
  const id = dep.id

  const overviewTab = page
  const overview = new OverviewPage(overviewTab)
  await overview.goto(id)
  await expect(overview.heading('storm.omani.works')).toBeVisible()

  const jobsTab = await context.newPage()
  await new JobsPage(jobsTab).goto({ deploymentId: id })

  const flowTab = await context.newPage()
  await new FlowPage(flowTab).goto(id, { depth: 'all' })

  const globalTab = await context.newPage()
  const globalLog = new JobDetailPage(globalTab)
  await globalLog.goto({ deploymentId: id, jobName: 'tofu-init', suffix: '?log=global' })
  await expect(globalLog.log).toBeVisible()

  const jobTab = await context.newPage()
  const jobLog = new JobDetailPage(jobTab)
  await jobLog.goto({ deploymentId: id, jobName: 'tofu-apply' })
  await expect(jobLog.heading('Terraform Apply')).toBeVisible()

  await mockApi.faults({ dropStreamsEveryMs: 2500 })
  await mockApi.run(120)
  // Until the run is over — every job finished and the handover link minted — and every tab that offers the
  // handover (overview, Jobs, graph) has learnt of it through its dropped streams and been told to stay.
  const prompts = [overviewTab, jobsTab, flowTab].map((p) => new HandoverPrompt(p))
  await expect
    .poll(
      async () => {
        const state = (await (await page.request.get(`/api/v1/deployments/${id}`)).json()) as {
          status: string
          handoverURL?: string
        }
        const declined = await Promise.all(prompts.map((p) => p.declineIfOffered()))
        return state.status === 'ready' && !!state.handoverURL && declined.every(Boolean)
      },
      { timeout: 150_000, intervals: [500] },
    )
    .toBe(true)
  await mockApi.pause()
  await mockApi.faults({ dropStreamsEveryMs: 0 })

  // Fresh loads of the same pages, after the run.
  const fresh = await context.newPage()
  const freshOverview = new OverviewPage(fresh)

  // Overview. Each tab is brought to the front before it is read or driven, as the operator would look at
  // it: a background tab's animation frames may not run (the jobs table's scroll-through waits on them and
  // hung there once on a loaded machine).
  await expect(overview.status()).toHaveAccessibleName('Status: ready', { timeout: 30_000 })
  await fresh.bringToFront()
  await freshOverview.goto(id)
  await freshOverview.stay().click()
  await expect(freshOverview.liveLog()).toHaveText(/Log complete|Live/)
  const freshOverviewFacts = await overviewFacts(fresh)
  await overviewTab.bringToFront()
  await expect.poll(() => overviewFacts(overviewTab), { timeout: 40_000 }).toEqual(freshOverviewFacts)

  // Jobs table.
  await fresh.bringToFront()
  await new JobsPage(fresh).goto({ deploymentId: id })
  const freshRows = await allJobRows(fresh)
  const apiJobs = (
    (await (await page.request.get(`/api/v1/deployments/${id}/jobs`)).json()) as {
      jobs: { type?: string }[]
    }
  ).jobs
  expect(apiJobs).toHaveLength(154)
  expect(freshRows).toHaveLength(apiJobs.filter((j) => j.type !== 'group').length)
  expect(freshRows.every((r) => r.endsWith(' succeeded'))).toBe(true)
  await jobsTab.bringToFront()
  await expect.poll(() => allJobRows(jobsTab), { timeout: 20_000 }).toEqual(freshRows)

  // Flow graph.
  await fresh.bringToFront()
  await new FlowPage(fresh).goto(id, { depth: 'all' })
  const freshFlow = await flowFacts(fresh)
  expect(freshFlow.nodes.length).toBeGreaterThan(140)
  await flowTab.bringToFront()
  await expect
    .poll(async () => await flowTab.evaluate(() => window.__catalystFlow!.state().stream), {
      timeout: 40_000,
    })
    .toBe('open')
  await expect.poll(() => flowFacts(flowTab), { timeout: 20_000 }).toEqual(freshFlow)

  // The global log: every event once, in order — the same as the API and as a fresh load.
  const events = (
    (await (await page.request.get(`/api/v1/deployments/${id}/events`)).json()) as {
      events: WireEvent[]
    }
  ).events
  expect(events.length).toBeGreaterThan(300)
  await globalTab.bringToFront()
  await expect(globalTab.getByText(new RegExp(`of ${events.length.toLocaleString('en-US')}$`))).toBeVisible({
    timeout: 40_000,
  })
  const expected = asFile(events.map(eventText))
  expect(await download(globalTab)).toBe(expected)
  const freshGlobal = new JobDetailPage(fresh)
  await fresh.bringToFront()
  await freshGlobal.goto({ deploymentId: id, jobName: 'tofu-init', suffix: '?log=global' })
  await expect(fresh.getByText(new RegExp(`of ${events.length.toLocaleString('en-US')}$`))).toBeVisible()
  expect(await download(fresh)).toBe(expected)

  // The job log followed from "no execution yet" to the end.
  const detail = (await (await page.request.get(`/api/v1/deployments/${id}/jobs/tofu-apply`)).json()) as {
    executions: { id: string; lineCount: number }[]
  }
  const exec = detail.executions[0]!
  const page1 = (await (
    await page.request.get(`/api/v1/actions/executions/${exec.id}/logs?fromLine=1&limit=5000`)
  ).json()) as { lines: { message: string }[] }
  expect(page1.lines.length).toBe(exec.lineCount)
  await jobTab.bringToFront()
  await expect.poll(() => jobLog.lastVisibleLine(), { timeout: 20_000 }).toBe(exec.lineCount)
  expect(await download(jobTab)).toBe(asFile(page1.lines.map((l) => l.message)))
})

test('after `done` the overview keeps up with what the deployment logs next (cutover, DNS, handover)', async ({
  page,
  mockApi,
  signIn,
}) => {
  await signIn()
  // Late in Phase 1: `ready` (and `done`) come within minutes, the cutover and the handover after it.
  const dep = await mockApi.createDeployment({ regions: ['fsn1'], ageMs: 20 * 60_000 })
  const overview = new OverviewPage(page)
  await overview.goto(dep.id)
  await expect(overview.liveLog()).toContainText(/Live — \d+ events/)
  const globalTab = await page.context().newPage()
  const globalLog = new JobDetailPage(globalTab)
  await globalLog.goto({ deploymentId: dep.id, jobName: 'tofu-init', suffix: '?log=global' })
  await expect(globalLog.log.getByRole('listitem').first()).toBeVisible()
  let state: { status: string; handoverURL?: string } = { status: '' }
  for (let i = 0; i < 60 && !(state.status === 'ready' && state.handoverURL); i++) {
    await mockApi.advance(60_000)
    state = (await (await page.request.get(`/api/v1/deployments/${dep.id}`)).json()) as typeof state
  }
  expect(state.status).toBe('ready')
  const api = (await (await page.request.get(`/api/v1/deployments/${dep.id}/events`)).json()) as {
    events: unknown[]
  }
  await expect(overview.liveLog()).toHaveText(`Log complete (${api.events.length} events).`, {
    timeout: 15_000,
  })
  await expect(overview.step('Cutover to self-sovereignty')).toHaveAccessibleName(/: done, 8 steps started$/)
  // The global log too: every event, then complete.
  await expect(globalTab.getByText(new RegExp(`of ${api.events.length}$`))).toBeVisible({ timeout: 15_000 })
  await expect(globalTab.getByText('Complete', { exact: true })).toBeVisible()
})
