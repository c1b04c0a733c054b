import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { UsersPage } from '../pages/UsersPage.ts'

const OWNER_EMAIL = 'alice@acme.io'
const OWNER_RECORD = 'useraccess-owner-alice-acme-io'

test('after a handover the Sovereign lists its owner as "* (admin)" (regression 53, D21)', async ({
  page,
  signIn,
  baseURL,
}) => {
  const dep = ESTATE.ready.id
  const users = new UsersPage(page)
  await signIn()

  // Start from a Sovereign whose owner record is gone, so only the handover can bring it back.
  const removed = await page.request.delete(
    `${baseURL}/api/v1/deployments/${dep}/admin/user-access/${OWNER_RECORD}`,
  )
  expect([204, 404]).toContain(removed.status())
  await users.open(`/provision/${dep}/users`)
  await expect(users.table).toBeVisible()
  await expect(users.row(OWNER_RECORD)).toHaveCount(0)

  // The mothership mints a single-use handover token for the ready deployment.
  const minted = await page.request.post(`${baseURL}/api/v1/deployments/${dep}/mint-handover-token`)
  expect(minted.status()).toBe(200)
  const { token } = (await minted.json()) as { token: string; redirectURL: string }
  expect(token).toBeTruthy()

  // The Sovereign verifies it, adopts, creates the owner record, sets the session and lands on /dashboard.
  const origin = sovereignOrigin(baseURL!, ESTATE.ready.fqdn)
  await page.goto(`${origin}/auth/handover?token=${encodeURIComponent(token)}`)
  await expect(page).toHaveURL(`${origin}/dashboard`)
  await expect(
    page.getByRole('banner').getByRole('link', { name: `Sovereign console ${ESTATE.ready.fqdn}` }),
  ).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click()
  await expect(page).toHaveURL(`${origin}/users`)
  await expect(users.heading).toBeVisible()
  await expect(users.row(OWNER_RECORD)).toContainText(OWNER_EMAIL)
  await expect(users.grants(OWNER_RECORD)).toHaveText('* (admin)')
  await expect(users.nameLink(OWNER_RECORD)).toHaveAttribute('href', `/users/${OWNER_RECORD}`)
})
