import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'

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
    await expectNoSeriousA11yViolations(page, path)
  }
})
