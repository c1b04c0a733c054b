import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { FlowPage } from '../pages/FlowPage.ts'

/**
 * axe on every page of both modes in both themes: no serious or critical violations. Each page is loaded
 * once in the dark theme, checked once its heading and its data are on screen, then switched to the light
 * theme in place (the console follows the OS preference while none is saved) and checked again.
 */

const THEMES = ['dark', 'light'] as const
const live = ESTATE.live.id
const ready = ESTATE.ready.id

interface PageCase {
  name: string
  path: string
  /** Not signed in (sign-in pages). */
  public?: boolean
  /** Run once after the page opened (e.g. request a code to reach the code page). */
  prepare?: (p: Page) => Promise<void>
  /** Resolves once the page's own content (heading and data) is on screen. */
  loaded: (p: Page) => Promise<void>
}

const h1 = (p: Page, name: string | RegExp) =>
  expect(p.getByRole('heading', { level: 1, name })).toBeVisible()
/** A table with at least one data row (the header row is the first). */
const tableWithRows = async (p: Page, name: string) => {
  const t = p.getByRole('table', { name })
  await expect(t).toBeVisible()
  await expect.poll(() => t.getByRole('row').count()).toBeGreaterThan(1)
}
const flowGraph = async (p: Page) => {
  await h1(p, 'Jobs')
  await new FlowPage(p).waitForLayout()
}

/** The pages a deployment has, under `/provision/<id>` on the mothership or at the root of a Sovereign. */
function deploymentPages(base: (id: string) => string): PageCase[] {
  return [
    {
      name: 'jobs (table)',
      path: `${base(live)}/jobs`,
      loaded: async (p) => {
        await h1(p, 'Jobs')
        await tableWithRows(p, 'Jobs')
      },
    },
    { name: 'jobs (flow graph)', path: `${base(live)}/jobs?view=graph`, loaded: flowGraph },
    {
      name: 'jobs timeline',
      path: `${base(live)}/jobs/timeline`,
      loaded: async (p) => {
        await h1(p, /timeline/i)
        await expect(p.getByRole('group', { name: 'Job bars' })).toBeVisible()
      },
    },
    {
      name: 'job detail',
      path: `${base(live)}/jobs/tofu-apply`,
      loaded: async (p) => {
        await h1(p, 'Terraform Apply')
        await expect(p.getByRole('log', { name: 'Job logs' }).getByRole('listitem').first()).toBeVisible()
      },
    },
    {
      name: 'dashboard',
      path: `${base(ready)}/dashboard`,
      loaded: async (p) => {
        await expect(p.getByRole('heading', { level: 1 })).toBeVisible()
        await expect(p.getByRole('group', { name: /^Treemap:/ })).toBeVisible()
      },
    },
    {
      name: 'cloud',
      path: `${base(ready)}/cloud`,
      loaded: async (p) => {
        await expect(p.getByRole('heading', { level: 1 })).toBeVisible()
        await expect(p.getByRole('group', { name: 'Architecture graph' })).toBeVisible()
      },
    },
    {
      name: 'apps',
      path: `${base(ready)}/apps`,
      loaded: async (p) => {
        await h1(p, 'Applications')
        await expect(
          p.getByRole('list', { name: 'Applications' }).getByRole('listitem').first(),
        ).toBeVisible()
      },
    },
    {
      name: 'app detail',
      path: `${base(ready)}/app/bp-cilium`,
      loaded: async (p) => {
        await expect(p.getByRole('heading', { level: 1, name: /cilium/i })).toBeVisible()
        await tableWithRows(p, 'Status per region')
      },
    },
    {
      name: 'users',
      path: `${base(ready)}/users`,
      loaded: async (p) => {
        await h1(p, 'User access')
        await tableWithRows(p, 'User access')
      },
    },
    {
      name: 'user new',
      path: `${base(ready)}/users/new`,
      loaded: async (p) => {
        await h1(p, 'New user access')
        await expect(p.getByRole('button', { name: 'Create user access' })).toBeVisible()
      },
    },
    {
      name: 'user edit',
      path: `${base(ready)}/users/sre-oncall`,
      loaded: async (p) => {
        await expect(p.getByRole('heading', { level: 1, name: /sre-oncall/ })).toBeVisible()
        await expect(p.getByRole('button', { name: 'Save changes' })).toBeVisible()
      },
    },
  ]
}

const signInPages = (): PageCase[] => [
  {
    name: 'login',
    path: '/login?next=/deployments',
    public: true,
    loaded: async (p) => {
      await h1(p, /^Sign in to /)
      await expect(p.getByRole('button', { name: 'Send code' })).toBeVisible()
    },
  },
  {
    name: 'login code',
    path: '/login?next=/deployments',
    public: true,
    prepare: async (p) => {
      await p.getByLabel('Email').fill('operator@openova.io')
      await p.getByRole('button', { name: 'Send code' }).click()
    },
    loaded: async (p) => {
      await h1(p, 'Enter your code')
      await expect(p.getByRole('group', { name: '6-digit code' })).toBeVisible()
    },
  },
  {
    name: 'handover error',
    path: '/auth/handover-error?reason=token%20already%20used',
    public: true,
    loaded: (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
  },
  {
    name: 'not found',
    path: '/no/such/page',
    loaded: (p) => h1(p, 'Page not found'),
  },
]

const MOTHERSHIP: PageCase[] = [
  ...signInPages(),
  {
    name: 'wizard',
    path: '/wizard',
    loaded: async (p) => {
      await h1(p, 'New deployment')
      await expect(p.getByRole('heading', { level: 2, name: /^Step 1 of 5: / })).toBeVisible()
    },
  },
  {
    name: 'deployments',
    path: '/deployments',
    loaded: async (p) => {
      await h1(p, 'Deployments')
      await tableWithRows(p, 'Deployments')
    },
  },
  {
    name: 'fleet',
    path: '/app/dashboard',
    loaded: async (p) => {
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(p.getByRole('list', { name: 'Sovereigns' }).getByRole('listitem').first()).toBeVisible()
      await expect(p.getByRole('group', { name: /^Fleet treemap:/ })).toBeVisible()
    },
  },
  {
    name: 'overview (running)',
    path: `/provision/${live}`,
    loaded: async (p) => {
      await h1(p, ESTATE.live.fqdn)
      await expect(p.getByRole('list', { name: 'Phase timeline' })).toBeVisible()
    },
  },
  {
    name: 'overview (failed)',
    path: `/provision/${ESTATE.failedChart.id}`,
    loaded: async (p) => {
      await h1(p, ESTATE.failedChart.fqdn)
      await expect(p.getByRole('list', { name: 'Phase timeline' })).toBeVisible()
    },
  },
  // Jobs pages of the running deployment, the rest of the ready one.
  ...deploymentPages((id) => `/provision/${id}`),
]

/** The Sovereign console of t126 (adopted, 3 regions): its own deployment only, at clean URLs. */
const SOVEREIGN: PageCase[] = [...signInPages(), ...deploymentPages(() => '')]

for (const [mode, cases] of [
  ['mothership', MOTHERSHIP],
  ['sovereign', SOVEREIGN],
] as const) {
  for (const c of cases) {
    test(`axe: ${mode} ${c.name} — dark and light`, async ({ page, signIn, baseURL }) => {
      const origin = mode === 'sovereign' ? sovereignOrigin(baseURL!, ESTATE.adopted.fqdn) : baseURL!
      if (!c.public) await signIn({ origin })
      for (const [i, theme] of THEMES.entries()) {
        await test.step(theme, async () => {
          await page.emulateMedia({ colorScheme: theme })
          if (i === 0) {
            await page.goto(`${origin}${c.path}`)
            await c.prepare?.(page)
          }
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
          await c.loaded(page)
          if (i === 0) await expectNoSeriousA11yViolations(page, `${mode} ${c.name} (${theme})`)
          // Switched in place: a canvas (the log terminal, the flow graph) repaints in its own frame, so a
          // check can land mid-switch; a real violation persists and still fails after 30 s. The window
          // includes the axe runs themselves: one took 8 s on a loaded two-core machine (stress-ng).
          else
            await expect(() => expectNoSeriousA11yViolations(page, `${mode} ${c.name} (${theme})`)).toPass({
              timeout: 30_000,
            })
        })
      }
    })
  }
}
