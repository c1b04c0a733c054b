import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Page } from '@playwright/test'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { asFile, eventText, JobDetailPage, type WireEvent } from '../pages/JobDetailPage.ts'

interface WireLine {
  lineNumber: number
  timestamp: string
  level: string
  message: string
}

async function latestExecution(request: APIRequestContext, deploymentId: string, jobName: string) {
  const res = await request.get(`/api/v1/deployments/${deploymentId}/jobs/${encodeURIComponent(jobName)}`)
  expect(res.ok()).toBe(true)
  const body = (await res.json()) as {
    job: { status: string }
    executions: { id: string; lineCount: number; status: string }[]
  }
  return { job: body.job, execution: body.executions[0] }
}

/** Every line of an execution, straight from the API (paged like any client). */
async function apiLines(request: APIRequestContext, executionId: string): Promise<WireLine[]> {
  const out: WireLine[] = []
  for (let from = 1; ; from += 5000) {
    const res = await request.get(
      `/api/v1/actions/executions/${executionId}/logs?fromLine=${from}&limit=5000`,
    )
    expect(res.ok()).toBe(true)
    const page = (await res.json()) as { lines: WireLine[]; total: number }
    out.push(...page.lines)
    if (page.lines.length < 5000) return out
  }
}

async function downloadText(page: Page, detail: JobDetailPage): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), detail.download.click()])
  const path = await download.path()
  return { name: download.suggestedFilename(), text: await readFile(path!, 'utf8') }
}

// eslint-disable-next-line no-control-regex -- SGR sequences are what is being removed
const strip = (s: string) => s.replace(/\x1b\[[0-9;:]*m/g, '')

test.describe('job logs', () => {
  test('opens at the end, renders plain OpenTofu and coloured Flux output, and the download equals the API lines', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    const logRequests: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/logs')) logRequests.push(r.url())
    })
    // Flux prints colour; the viewer renders it, never the escape sequences.
    const flux = await latestExecution(page.request, ESTATE.live.id, 'cluster-bootstrap')
    const fluxLines = await apiLines(page.request, flux.execution!.id)
    expect(fluxLines.some((l) => l.message.includes('\x1b[32m'))).toBe(true)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'cluster-bootstrap' })
    await expect(detail.heading('Bootstrap Cluster')).toBeVisible()
    await expect
      .poll(() => detail.visibleLines())
      .toEqual(fluxLines.map((l) => [l.lineNumber, strip(l.message)]))

    // Upstream runs tofu with -no-color: the OpenTofu output is plain text.
    const { execution } = await latestExecution(page.request, ESTATE.live.id, 'tofu-apply')
    const lines = await apiLines(page.request, execution!.id)
    expect(lines.length).toBeGreaterThan(100)
    expect(lines.some((l) => l.message.includes('\x1b'))).toBe(false)

    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'tofu-apply' })
    await expect(detail.heading('Terraform Apply')).toBeVisible()
    await expect.poll(() => detail.lastVisibleLine()).toBe(lines.length)
    const visible = await detail.visibleLines()
    expect(visible.at(-1)![1]).toBe(strip(lines.at(-1)!.message))
    await expect(page.getByText(`of ${lines.length}`, { exact: false }).first()).toBeVisible()

    const file = await downloadText(page, detail)
    expect(file.name).toBe('tofu-apply.log')
    expect(file.text).toBe(asFile(lines.map((l) => l.message)))
    // The execution id comes from the job detail (executions[0].id), never a synthetic `<job>:latest`.
    expect(logRequests.length).toBeGreaterThan(0)
    for (const u of logRequests)
      expect(u).toMatch(new RegExp(`/actions/executions/(${execution!.id}|${flux.execution!.id})/logs\\?`))
    expect(logRequests.some((u) => u.includes(execution!.id))).toBe(true)
  })

  test('search with next/previous, case and regex toggles, filter mode and the level filter', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    const { execution } = await latestExecution(page.request, ESTATE.live.id, 'tofu-apply')
    const lines = (await apiLines(page.request, execution!.id)).map((l) => ({
      ...l,
      plain: strip(l.message),
    }))
    const occurrences = lines.reduce(
      (n, l) => n + (l.plain.toLowerCase().split('creation complete').length - 1),
      0,
    )
    expect(occurrences).toBeGreaterThan(5)

    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'tofu-apply' })
    await expect.poll(() => detail.lastVisibleLine()).toBe(lines.length)
    await detail.searchBox.fill('creation COMPLETE')
    await expect(detail.matchCount).toHaveText(`${occurrences} matches`)
    await detail.searchBox.press('Enter')
    await expect(detail.matchCount).toHaveText(new RegExp(`^\\d+ of ${occurrences}$`))
    const first = Number((await detail.matchCount.textContent())!.split(' ')[0])
    await detail.nextMatch.click()
    await expect(detail.matchCount).toHaveText(`${(first % occurrences) + 1} of ${occurrences}`)
    await detail.previousMatch.click()
    await expect(detail.matchCount).toHaveText(`${first} of ${occurrences}`)
    // The current match's line is on screen.
    const firstLine = lines.filter((l) => /creation complete/i.test(l.plain))[first - 1]!
    await expect(
      detail.log.getByRole('listitem').filter({ hasText: `Line ${firstLine.lineNumber}:` }),
    ).toHaveCount(1)

    await detail.matchCase.click()
    await expect(detail.matchCase).toHaveAttribute('aria-pressed', 'true')
    await expect(detail.matchCount).toHaveText('No matches')
    await detail.matchCase.click()

    await detail.regex.click()
    await detail.searchBox.fill('Creation complete after [0-9]+s')
    const rx = /Creation complete after [0-9]+s/gi
    const rxCount = lines.reduce((n, l) => n + (l.plain.match(rx)?.length ?? 0), 0)
    await expect(detail.matchCount).toHaveText(`${rxCount} matches`)
    await detail.searchBox.fill('Creation complete after (')
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid regular expression' })).toBeVisible()
    await detail.regex.click()

    await detail.searchBox.fill('still creating')
    await detail.onlyMatching.click()
    const still = lines.filter((l) => /still creating/i.test(l.plain))
    await expect(page.getByText(`${still.length} of ${lines.length} lines shown (filtered)`)).toBeVisible()
    for (const [, text] of await detail.visibleLines()) expect(text.toLowerCase()).toContain('still creating')
    await detail.onlyMatching.click()
    await detail.searchBox.fill('')

    // tofu-init has one WARN line: hiding INFO and DEBUG leaves exactly it.
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'tofu-init' })
    await expect(detail.heading('Terraform Init')).toBeVisible()
    await expect.poll(() => detail.lastVisibleLine()).toBe(8)
    await detail.levelToggle('INFO').click()
    await detail.levelToggle('DEBUG').click()
    await expect(detail.levelToggle('INFO')).toHaveAttribute('aria-pressed', 'false')
    await expect
      .poll(() => detail.visibleLines())
      .toEqual([[7, 'Warning: provider "powerdns" is not pinned to a version']])
  })

  test('#L deep link scrolls to and highlights the line; clicking a line number sets the hash', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'tofu-apply', suffix: '#L120' })
    const target = detail.log.getByRole('listitem').filter({ hasText: /^Line 120:/ })
    await expect(target).toHaveAttribute('aria-current', 'location')
    await expect(detail.follow).toHaveAttribute('aria-pressed', 'false')
    const lines = await detail.visibleLines()
    expect(lines[0]![0]).toBeLessThan(120)
    expect(lines.at(-1)![0]).toBeGreaterThan(120)

    await detail.clickLineNumber(125)
    await expect(page).toHaveURL(/#L125$/)
    await expect(detail.log.getByRole('listitem').filter({ hasText: /^Line 125:/ })).toHaveAttribute(
      'aria-current',
      'location',
    )
    // The deep link is shareable: a fresh load lands on the same line.
    const url = page.url()
    await page.goto('about:blank')
    await page.goto(url)
    await expect(detail.log.getByRole('listitem').filter({ hasText: /^Line 125:/ })).toHaveAttribute(
      'aria-current',
      'location',
    )
  })

  test('line links keep the encoded job name, on the mothership and on a Sovereign', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'install-nbg1-1:cilium' })
    await expect.poll(() => detail.lastVisibleLine()).toBeGreaterThan(2)
    await detail.clickLineNumber(2)
    await expect(page).toHaveURL(`/provision/${ESTATE.live.id}/jobs/install-nbg1-1%3Acilium#L2`)

    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    await detail.goto({ origin, jobName: 'install-nbg1-1:cilium', suffix: '#L2' })
    await expect(detail.log.getByRole('listitem').filter({ hasText: /^Line 2:/ })).toHaveAttribute(
      'aria-current',
      'location',
    )
    await detail.clickLineNumber(1)
    await expect(page).toHaveURL(`${origin}/jobs/install-nbg1-1%3Acilium#L1`)
  })

  test('follows a running job live under a fast clock, pauses when scrolled up, jumps back to live', async ({
    page,
    signIn,
    mockApi,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    // A steady producer on the live deployment: 40 lines per virtual second for 100 s.
    const flood = await mockApi.logFlood({ deploymentId: ESTATE.live.id, lines: 4000, ratePerSec: 40 })
    await mockApi.advance(5_000)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: flood.jobName })
    await expect(detail.heading(/Log flood/)).toBeVisible()
    await expect.poll(() => detail.lastVisibleLine()).toBe(200)
    await expect(detail.follow).toHaveAttribute('aria-pressed', 'true')

    await mockApi.run(4) // 160 lines per real second
    await expect.poll(() => detail.lastVisibleLine(), { timeout: 15_000 }).toBeGreaterThan(600)
    await expect(detail.follow).toHaveAttribute('aria-pressed', 'true')

    // Scrolling up pauses following; new lines are counted, not scrolled to.
    await detail.log.hover()
    await page.mouse.wheel(0, -600)
    await expect(detail.follow).toHaveAttribute('aria-pressed', 'false')
    const pausedAt = await detail.lastVisibleLine()
    await expect(detail.jumpToLive).toHaveText(/Jump to live \(\d[\d,]* new lines?\)/, { timeout: 15_000 })
    expect(await detail.lastVisibleLine()).toBe(pausedAt)

    await detail.jumpToLive.click()
    await expect(detail.follow).toHaveAttribute('aria-pressed', 'true')
    await mockApi.pause()
    const { execution } = await latestExecution(page.request, ESTATE.live.id, flood.jobName)
    const total = (await apiLines(page.request, execution!.id)).length
    await expect.poll(() => detail.lastVisibleLine(), { timeout: 15_000 }).toBe(total)
  })

  test('a job without an execution says so, then shows its lines as soon as it starts', async ({
    page,
    signIn,
    mockApi,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    // tofu-output waits for tofu-apply, which is running on the provisioning deployment.
    await detail.goto({ deploymentId: ESTATE.provisioning.id, jobName: 'tofu-output' })
    await expect(page.getByRole('status').filter({ hasText: 'No execution yet' })).toBeVisible()
    let started = false
    for (let i = 0; i < 60 && !started; i++) {
      await mockApi.advance(30_000)
      started = !!(await latestExecution(page.request, ESTATE.provisioning.id, 'tofu-output')).execution
    }
    expect(started).toBe(true)
    await mockApi.advance(60_000)
    await expect(detail.log.getByRole('listitem').first()).toHaveText(/^Line 1: /, { timeout: 15_000 })
  })

  test('retrying a failed job creates a new execution and shows its log', async ({ page, signIn }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    await detail.goto({ deploymentId: ESTATE.failedChart.id, jobName: 'install-harbor' })
    await expect(detail.heading('install-harbor')).toBeVisible()
    await expect(detail.execution.getByRole('option')).toHaveCount(1)
    await detail.retry.click()
    await expect(detail.execution.getByRole('option')).toHaveCount(2)
    await expect(detail.execution.getByRole('option', { selected: true })).toHaveText(
      /Execution 2 \(latest\) · running/,
    )
    await expect(detail.log.getByRole('listitem').first()).toContainText('manual retry requested')
    await expect(detail.retry).toHaveCount(0)
  })

  test('a 100,000-line log opens at its end without freezing, and stays searchable', async ({
    page,
    signIn,
    mockApi,
  }) => {
    test.setTimeout(120_000)
    await signIn()
    const detail = new JobDetailPage(page)
    const flood = await mockApi.logFlood({ deploymentId: ESTATE.live.id, lines: 100_000 })
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: flood.jobName })
    await expect.poll(() => detail.lastVisibleLine(), { timeout: 10_000 }).toBe(100_000)
    // The page answers while the earlier 95,000 lines are backfilled (timings belong to `npm run bench`).
    await detail.timestamps.click()
    await expect(detail.timestamps).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByText('Loaded')).toHaveCount(0, { timeout: 60_000 })
    await detail.searchBox.fill('step 50000:')
    await expect(detail.matchCount).toHaveText('1 match')
    await detail.searchBox.press('Enter')
    await expect(detail.log.getByRole('listitem').filter({ hasText: /^Line 50000 / })).toHaveCount(1)
  })

  test('poll failures and stream drops lose and duplicate nothing (job log and global log)', async ({
    page,
    signIn,
    mockApi,
    allowConsoleErrors,
  }) => {
    test.setTimeout(120_000)
    allowConsoleErrors([/503/, /ERR_/, /EventSource/])
    await signIn()
    const detail = new JobDetailPage(page)
    const flood = await mockApi.logFlood({ deploymentId: ESTATE.live.id, lines: 3000, ratePerSec: 100 })
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: flood.jobName })
    await expect(detail.heading(/Log flood/)).toBeVisible()
    await mockApi.faults({ errorRate: 0.3, dropStreamsEveryMs: 700 })
    await mockApi.run(10) // the flood finishes after 3 real seconds
    await expect(page.getByText('Complete', { exact: true })).toBeVisible({ timeout: 60_000 })
    await mockApi.faults({ errorRate: 0, dropStreamsEveryMs: 0 })
    const { execution } = await latestExecution(page.request, ESTATE.live.id, flood.jobName)
    const lines = await apiLines(page.request, execution!.id)
    expect(lines).toHaveLength(3000)
    const file = await downloadText(page, detail)
    expect(file.text).toBe(asFile(lines.map((l) => l.message)))

    // The global log rides the deployment's event stream, dropped every 700 ms while the clock runs.
    let connects = 0
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/v1/deployments/${ESTATE.live.id}/logs`) connects++
    })
    await mockApi.faults({ dropStreamsEveryMs: 700 })
    await detail.globalLogTab.click()
    await expect(page).toHaveURL(/[?&]log=global/)
    await expect(detail.log.getByRole('listitem').first()).toContainText(/\[[a-z0-9:.-]+\] /)
    // Let the stream drop and replay several times: counted, not timed.
    await expect.poll(() => connects, { timeout: 60_000 }).toBeGreaterThanOrEqual(4)
    await mockApi.pause()
    await mockApi.faults({ dropStreamsEveryMs: 0 })
    const res = await page.request.get(`/api/v1/deployments/${ESTATE.live.id}/events`)
    const events = ((await res.json()) as { events: WireEvent[] }).events
    await expect(page.getByText(new RegExp(`of ${events.length.toLocaleString('en-US')}$`))).toBeVisible({
      timeout: 20_000,
    })
    const global = await downloadText(page, detail)
    expect(global.name).toBe(`${ESTATE.live.id}-global.log`)
    expect(global.text).toBe(asFile(events.map(eventText)))
  })

  test('fullscreen, wrap and timestamps toggles; theme changes repaint the terminal', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'tofu-init' })
    await expect.poll(() => detail.lastVisibleLine()).toBe(8)

    await detail.fullscreen.click()
    await expect(detail.fullscreen).toHaveAttribute('aria-pressed', 'true')
    const box = (await detail.log.boundingBox())!
    expect(box.height).toBeGreaterThan(700)
    await page.keyboard.press('Escape')
    await expect(detail.fullscreen).toHaveAttribute('aria-pressed', 'false')
    expect((await detail.log.boundingBox())!.height).toBeLessThan(box.height)

    await detail.timestamps.click()
    await expect(detail.log.getByRole('listitem').first()).toHaveText(/^Line 1 \d\d:\d\d:\d\d\.\d{3} INFO: /)
    await detail.wrap.click()
    await expect(detail.wrap).toHaveAttribute('aria-pressed', 'false')

    const before = await detail.terminalBackground()
    await page.getByRole('button', { name: /Switch to (light|dark) theme/ }).click()
    await expect.poll(() => detail.terminalBackground()).not.toBe(before)
  })

  test('a 1 MB line is cut for display and can be opened whole', async ({ page, signIn, mockApi }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    const flood = await mockApi.logFlood({ deploymentId: ESTATE.live.id, lines: 3, lineBytes: 1_000_000 })
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: flood.jobName })
    // 3 MB to fetch, parse and cut: allow a busy machine its time (the state is what is awaited).
    await expect.poll(() => detail.lastVisibleLine(), { timeout: 30_000 }).toBe(3)
    const open = page.getByRole('button', { name: /^Show whole line 3 \(1,000,000 characters\)$/ })
    await expect(open).toBeVisible()
    const [, shown] = (await detail.visibleLines()).at(-1)!
    expect(shown.length).toBeLessThan(5000)
    await open.click()
    const dialog = page.getByRole('dialog', { name: 'Line 3' })
    await expect(dialog).toContainText('1,000,000 characters')
    const text = await dialog
      .getByRole('button', { name: 'Copy line' })
      .evaluate((b) => b.closest('[role=dialog]')!.querySelector('pre')!.textContent!.length)
    expect(text).toBe(1_000_000)
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  })

  test('copies the selected text', async ({ page, signIn, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await signIn()
    const detail = new JobDetailPage(page)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'tofu-init' })
    await expect.poll(() => detail.lastVisibleLine()).toBe(8)
    const copy = detail.logTools.getByRole('button', { name: 'Copy selection' })
    await expect(copy).toBeDisabled()
    const a = (await page.evaluate(() =>
      (
        window as unknown as { __catalystLogViewer: { gutterPoint(n: number): { x: number; y: number } } }
      ).__catalystLogViewer.gutterPoint(4),
    ))!
    await page.mouse.move(a.x + 40, a.y)
    await page.mouse.down()
    await page.mouse.move(a.x + 400, a.y + 2, { steps: 8 })
    await page.mouse.up()
    await expect(copy).toBeEnabled()
    await copy.click()
    // The clipboard write is asynchronous: read until it landed.
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/hetznercloud\/hcloud versions matching/)
  })

  test('nothing is fetched while the tab is hidden; on return it catches up without a gap', async ({
    page,
    signIn,
    mockApi,
  }) => {
    await signIn()
    // The page's timers run on Playwright's clock (flowing in real time): "nothing while hidden" is checked by
    // firing every timer due in the next 20 s at once, not by waiting.
    await page.clock.install()
    const detail = new JobDetailPage(page)
    const flood = await mockApi.logFlood({ deploymentId: ESTATE.live.id, lines: 2000, ratePerSec: 50 })
    await mockApi.advance(2_000)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: flood.jobName })
    await expect.poll(() => detail.lastVisibleLine()).toBe(100)
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', {
          configurable: true,
          get: () => (h ? 'hidden' : 'visible'),
        })
        document.dispatchEvent(new Event('visibilitychange'))
      }, hidden)
    await setHidden(true)
    await expect(page.getByText('Paused while this tab is hidden')).toBeVisible()
    let requests = 0
    page.on('request', (r) => {
      if (r.url().includes('/logs?')) requests++
    })
    await mockApi.advance(20_000)
    await page.clock.runFor(20_000)
    // A request the page makes after those timers fired: any poll they started was seen before it.
    const marker = page.waitForRequest((r) => r.url().includes('/api/v1/whoami?after-hidden'))
    await page.evaluate(() => fetch('/api/v1/whoami?after-hidden', { credentials: 'same-origin' }))
    await marker
    expect(requests).toBe(0)
    await setHidden(false)
    await expect.poll(() => detail.lastVisibleLine()).toBe(1100)
    const file = await downloadText(page, detail)
    const { execution } = await latestExecution(page.request, ESTATE.live.id, flood.jobName)
    expect(file.text).toBe(asFile((await apiLines(page.request, execution!.id)).map((l) => l.message)))
  })
})
