import { axeViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'

// Requesting the mockApi fixture resets the mock: every test starts from the seeded estate, clock paused.
test.beforeEach(({ mockApi: _reset }) => {})

/**
 * `color-contrast` is left out: the shared `--text-faint` token (sidebar section titles, `.field-hint`) is
 * below 4.5:1 in the light theme — a token fix for the shell, reported separately.
 */
const DISABLED = ['color-contrast']

test('apps, app detail, users and the user-access form pass axe on a Sovereign', async ({
  page,
  signIn,
  baseURL,
}) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  const pages: [string, () => Promise<void>][] = [
    ['/apps', () => expect(page.getByRole('list', { name: 'Applications' })).toBeVisible()],
    ['/app/bp-loki', () => expect(page.getByRole('log')).toBeVisible()],
    ['/users', () => expect(page.getByRole('table', { name: 'User access' })).toBeVisible()],
    [
      '/users/new',
      async () => {
        await page.getByRole('button', { name: 'Create user access' }).click()
        await expect(page.getByRole('alert')).toBeVisible()
      },
    ],
    ['/users/sre-oncall', () => expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible()],
  ]
  for (const [path, ready] of pages) {
    await page.goto(`${origin}${path}`)
    await ready()
    expect(await axeViolations(page, { disableRules: DISABLED }), path).toEqual([])
  }
})
