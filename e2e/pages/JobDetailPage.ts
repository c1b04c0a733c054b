import { expect, type Locator, type Page } from '@playwright/test'

/** One job (`…/jobs/<name>`): header, executions, relations and the log viewer. */
export class JobDetailPage {
  readonly back: Locator
  readonly log: Locator
  readonly logTools: Locator
  readonly searchBox: Locator
  readonly matchCount: Locator
  readonly nextMatch: Locator
  readonly previousMatch: Locator
  readonly matchCase: Locator
  readonly regex: Locator
  readonly onlyMatching: Locator
  readonly follow: Locator
  readonly download: Locator
  readonly wrap: Locator
  readonly timestamps: Locator
  readonly lineNumbers: Locator
  readonly fullscreen: Locator
  readonly jumpToLive: Locator
  readonly retry: Locator
  readonly execution: Locator
  readonly showInGraph: Locator
  readonly globalLogTab: Locator
  readonly jobLogTab: Locator

  constructor(readonly page: Page) {
    this.back = page.getByRole('link', { name: /Back to jobs/ }).first()
    this.log = page.getByRole('log', { name: 'Job logs' })
    this.logTools = page.getByRole('toolbar', { name: 'Log tools' })
    this.searchBox = this.logTools.getByRole('searchbox', { name: 'Search logs' })
    this.matchCount = this.logTools.getByRole('status')
    this.nextMatch = this.logTools.getByRole('button', { name: 'Next match' })
    this.previousMatch = this.logTools.getByRole('button', { name: 'Previous match' })
    this.matchCase = this.logTools.getByRole('button', { name: 'Match case' })
    this.regex = this.logTools.getByRole('button', { name: 'Regular expression' })
    this.onlyMatching = this.logTools.getByRole('button', { name: 'Only matching lines' })
    this.follow = this.logTools.getByRole('button', { name: 'Follow', exact: true })
    this.download = this.logTools.getByRole('button', { name: 'Download' })
    this.wrap = this.logTools.getByRole('button', { name: 'Wrap lines' })
    this.timestamps = this.logTools.getByRole('button', { name: 'Timestamps' })
    this.lineNumbers = this.logTools.getByRole('button', { name: 'Line numbers' })
    this.fullscreen = this.logTools.getByRole('button', { name: 'Fullscreen' })
    this.jumpToLive = page.getByRole('button', { name: /^Jump to (live|end)/ })
    this.retry = page.getByRole('button', { name: 'Retry', exact: true })
    this.execution = page.getByRole('combobox', { name: 'Execution' })
    this.showInGraph = page.getByRole('link', { name: 'Show in graph' })
    this.globalLogTab = page
      .getByRole('navigation', { name: 'Log source' })
      .getByRole('link', { name: /global log/ })
    this.jobLogTab = page
      .getByRole('navigation', { name: 'Log source' })
      .getByRole('link', { name: 'This job' })
  }

  async goto(opts: {
    deploymentId?: string
    origin?: string
    jobName: string
    suffix?: string
  }): Promise<void> {
    const enc = encodeURIComponent(opts.jobName)
    const path = opts.origin ? `${opts.origin}/jobs/${enc}` : `/provision/${opts.deploymentId}/jobs/${enc}`
    await this.page.goto(`${path}${opts.suffix ?? ''}`)
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name })
  }

  levelToggle(level: string): Locator {
    return this.page
      .getByRole('group', { name: 'Levels shown' })
      .getByRole('button', { name: level, exact: true })
  }

  /** The lines the viewer shows right now, as `[lineNumber, text]` (from the accessible mirror). */
  async visibleLines(): Promise<[number, string][]> {
    const items = await this.log.getByRole('listitem').allTextContents()
    return items.map((t) => {
      const m = /^Line (\d+)(?:[^:]*)?: ?(.*)$/s.exec(t)
      return [Number(m?.[1] ?? NaN), m?.[2] ?? ''] as [number, string]
    })
  }

  async lastVisibleLine(): Promise<number> {
    const lines = await this.visibleLines()
    return lines.length ? lines[lines.length - 1]![0] : 0
  }

  /** The terminal's background colour (non-production test hook). */
  terminalBackground(): Promise<string | undefined> {
    return this.page.evaluate(() =>
      (
        window as unknown as { __catalystLogViewer?: { background(): string } }
      ).__catalystLogViewer?.background(),
    )
  }

  /** Clicks the number of line `n` in the terminal gutter (position from the non-production test hook). */
  async clickLineNumber(n: number): Promise<void> {
    const point = await this.page.evaluate(
      (line) =>
        (
          window as unknown as { __catalystLogViewer?: { gutterPoint(n: number): { x: number; y: number } } }
        ).__catalystLogViewer?.gutterPoint(line),
      n,
    )
    expect(point, `line ${n} is on screen`).toBeTruthy()
    await this.page.mouse.click(point!.x, point!.y)
  }
}

/** A deployment event as the API sends it (the fields the global log shows). */
export interface WireEvent {
  phase: string
  message: string
  component?: string
  state?: string
}

const PHASE_JOBS: Record<string, string> = {
  'tofu-init': 'tofu-init',
  'tofu-plan': 'tofu-plan',
  'tofu-apply': 'tofu-apply',
  'tofu-output': 'tofu-output',
  'flux-bootstrap': 'cluster-bootstrap',
}

/** The global log's line for an event: `[job] state: message`. */
export const eventText = (e: WireEvent) =>
  `[${e.component ? `install-${e.component}` : (PHASE_JOBS[e.phase] ?? (e.phase || 'deployment'))}] ${
    e.state ? `${e.state}: ` : ''
  }${e.message}`

/** Lines as the downloaded `.log` file holds them (one per line, a final newline). */
export const asFile = (lines: readonly string[]) => (lines.length ? `${lines.join('\n')}\n` : '')
