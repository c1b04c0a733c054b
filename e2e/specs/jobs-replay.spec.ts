import type { APIRequestContext, Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { FlowPage } from '../pages/FlowPage.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { JobsPage } from '../pages/JobsPage.ts'

interface WireJob {
  jobName: string
  startedAt?: string | null
  finishedAt?: string | null
}

const rfc3339 = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

/** The instant halfway through a finished job, from the jobs list the console reads too. */
async function midJob(request: APIRequestContext | Page, api: string, jobName: string) {
  // A Sovereign host (`*.localhost`) resolves only inside the browser: ask from the page there.
  const body =
    'request' in request
      ? await request.evaluate(async (url) => (await fetch(url)).json() as Promise<unknown>, `${api}/jobs`)
      : await (await request.get(`${api}/jobs`)).json()
  const job = (body as { jobs: WireJob[] }).jobs.find((j) => j.jobName === jobName)!
  const start = Date.parse(job.startedAt!)
  const end = Date.parse(job.finishedAt!)
  expect(end - start).toBeGreaterThan(10_000)
  return rfc3339((start + end) / 2)
}

/** The table is virtual: narrow it to the job (the search box keeps `?at`) before reading its status. */
async function expectRow(jobs: JobsPage, jobName: string, status: string) {
  await jobs.search.fill(jobName)
  await expect(jobs.row(jobName)).toContainText(status)
}

const atOf = (page: Page) => new URL(page.url()).searchParams.get('at')

function replayBar(page: Page) {
  const bar = page.getByRole('region', { name: 'Replay' })
  return {
    bar,
    slider: bar.getByRole('slider', { name: 'Replay time' }),
    play: bar.getByRole('button', { name: 'Play' }),
    pause: bar.getByRole('button', { name: 'Pause' }),
    speed: bar.getByRole('combobox', { name: 'Playback speed' }),
    backToLive: bar.getByRole('button', { name: 'Back to live' }),
  }
}

test.describe('replay a run (?at=)', () => {
  test('mothership: table, graph, timeline and job logs as they were at an instant; keyboard, play, back to live', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const id = ESTATE.ready.id
    const at = await midJob(page.request, `/api/v1/deployments/${id}`, 'tofu-apply')
    const jobs = new JobsPage(page)
    const replay = replayBar(page)

    // The table: tofu-apply was running then, the charts were not installed yet.
    await jobs.goto({ deploymentId: id, query: `?at=${at}` })
    await expect(replay.bar).toContainText('Replaying')
    await expect(replay.bar).toContainText('deployment provisioning')
    await expectRow(jobs, 'tofu-apply', 'Running')
    await expectRow(jobs, 'tofu-init', 'Succeeded')
    await expectRow(jobs, 'install-cilium', 'Pending')
    await expectNoSeriousA11yViolations(page, 'replay bar over the jobs table')

    // Keyboard: End is the end of the run (everything succeeded), Home its start, arrows step.
    await replay.slider.press('End')
    await expectRow(jobs, 'tofu-apply', 'Succeeded')
    await expectRow(jobs, 'install-cilium', 'Succeeded')
    await expect(replay.bar).toContainText('deployment ready')
    await replay.slider.press('Home')
    await expectRow(jobs, 'tofu-apply', 'Pending')
    await expect.poll(() => atOf(page)).not.toBe(at)
    const home = atOf(page)!
    await replay.slider.press('ArrowRight')
    await expect.poll(() => atOf(page)).not.toBe(home)
    expect(Date.parse(atOf(page)!)).toBeGreaterThan(Date.parse(home))
    await expect(replay.slider).toHaveAttribute('aria-valuetext', /into the run/)

    // Play at 60×: time moves on by itself; Pause writes where it stopped into the URL.
    await replay.speed.selectOption('60')
    const before = Number(await replay.slider.inputValue())
    await replay.play.click()
    await expect.poll(async () => Number(await replay.slider.inputValue())).toBeGreaterThan(before + 5)
    await replay.pause.click()
    await expect.poll(() => Date.parse(atOf(page)!)).toBeGreaterThan(Date.parse(home) + 5000)

    // Back to live: no ?at, no bar, the present.
    await replay.backToLive.click()
    await expect.poll(() => atOf(page)).toBeNull()
    await expect(replay.bar).toHaveCount(0)
    await expectRow(jobs, 'tofu-apply', 'Succeeded')

    // The graph at the same instant: someone is running; live, nobody is.
    const flow = new FlowPage(page)
    await flow.goto(id, { at })
    await expect(flow.summary).toContainText('running')
    await expect(replay.bar).toContainText('Replaying')
    await replay.backToLive.click()
    await expect(flow.summary).not.toContainText('running')
    await expect(flow.summary).toContainText('succeeded')

    // The timeline: tofu-apply's bar is running at the instant, finished live.
    await page.goto(`/provision/${id}/jobs/timeline?at=${at}`)
    await expect(jobs.timelineBar('tofu-apply')).toHaveAccessibleName(/^tofu-apply: running/)
    await expect(jobs.timelineBar('install-cilium')).toHaveCount(0)
    // Its table (rendered only while open) tells the same instant.
    await page.getByText('Timeline as a table').click()
    const tofuApplyStatus = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'tofu-apply', exact: true }) })
      .getByRole('cell')
      .nth(3)
    await expect(tofuApplyStatus).toHaveText('running')
    await replay.backToLive.click()
    await expect(jobs.timelineBar('tofu-apply')).toHaveAccessibleName(/^tofu-apply: succeeded/)
    await expect(tofuApplyStatus).toHaveText('succeeded')

    // The job's log holds only the lines written by then.
    const detail = new JobDetailPage(page)
    const exec = (await (await page.request.get(`/api/v1/deployments/${id}/jobs/tofu-apply`)).json()) as {
      executions: { id: string; lineCount: number }[]
    }
    const logs = (await (
      await page.request.get(
        `/api/v1/actions/executions/${exec.executions[0]!.id}/logs?fromLine=1&limit=5000`,
      )
    ).json()) as { lines: { timestamp: string }[] }
    const upTo = logs.lines.filter((l) => Date.parse(l.timestamp) <= Date.parse(at)).length
    expect(upTo).toBeGreaterThan(0)
    expect(upTo).toBeLessThan(logs.lines.length)
    await detail.goto({ deploymentId: id, jobName: 'tofu-apply', suffix: `?at=${at}` })
    await expect(replay.bar).toContainText('Replaying')
    await expect.poll(() => detail.lastVisibleLine()).toBe(upTo)
    await replay.backToLive.click()
    await expect.poll(() => detail.lastVisibleLine()).toBe(logs.lines.length)
  })

  test('Sovereign: the same replay under /jobs, by keyboard, and back to live', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const jobs = new JobsPage(page)
    const replay = replayBar(page)
    await jobs.goto({ origin })
    const at = await midJob(page, `/api/v1/deployments/${ESTATE.adopted.id}`, 'tofu-apply')
    await expectRow(jobs, 'tofu-apply', 'Succeeded')

    // "Replay this run" opens the run at its start.
    await page.getByRole('button', { name: 'Replay this run' }).click()
    await expect(replay.bar).toContainText('Replaying')
    await expectRow(jobs, 'tofu-apply', 'Pending')
    await expectRow(jobs, 'install-nbg1-1:cilium', 'Pending')

    await jobs.goto({ origin, query: `?at=${at}` })
    await expectRow(jobs, 'tofu-apply', 'Running')
    await replay.slider.press('End')
    await expectRow(jobs, 'install-nbg1-1:cilium', 'Succeeded')

    const flow = new FlowPage(page)
    await flow.goto(ESTATE.adopted.id, { at }, { origin, sovereign: true })
    await expect(flow.summary).toContainText('running')

    await replay.backToLive.click()
    await expect.poll(() => atOf(page)).toBeNull()
    await expect(flow.summary).not.toContainText('running')
  })

  test('an unreadable or out-of-range instant is said, with the way back to live', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const id = ESTATE.ready.id
    const jobs = new JobsPage(page)
    await jobs.goto({ deploymentId: id, query: '?at=yesterday' })
    const alert = page.getByRole('alert').filter({ hasText: 'Cannot replay' })
    await expect(alert).toContainText('“yesterday” is not an instant')
    await expectRow(jobs, 'tofu-apply', 'Succeeded')
    await alert.getByRole('button', { name: 'Back to live' }).click()
    await expect.poll(() => atOf(page)).toBeNull()
    await expect(alert).toHaveCount(0)

    // Before the run: clamped to its start, and said so.
    await jobs.goto({ deploymentId: id, query: '?at=2001-01-01T00:00:00Z' })
    await expect(replayBar(page).bar).toContainText('before this run started')
    await expectRow(jobs, 'tofu-apply', 'Pending')
  })
})
