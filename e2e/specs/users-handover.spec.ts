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

test('the owner record names its Sovereign by the first label (upstream #1564); a second handover adds no duplicate', async ({
  page,
  signIn,
  baseURL,
}) => {
  const { id: dep, fqdn } = ESTATE.ready
  await signIn()
  // Two links minted before either is used (a re-mint from Settings while the first is still open).
  const tokens: string[] = []
  for (let i = 0; i < 2; i++) {
    const minted = await page.request.post(`${baseURL}/api/v1/deployments/${dep}/mint-handover-token`)
    expect(minted.status()).toBe(200)
    tokens.push(((await minted.json()) as { token: string }).token)
  }
  const origin = sovereignOrigin(baseURL!, fqdn)
  for (const token of tokens) {
    await page.context().clearCookies()
    await page.goto(`${origin}/auth/handover?token=${encodeURIComponent(token)}`)
    await expect(page).toHaveURL(`${origin}/dashboard`)
  }
  const records = await page.evaluate(async () => {
    const res = await fetch('/api/v1/admin/user-access')
    return ((await res.json()) as { items: { name: string; spec: { sovereignRef: string } }[] | null }).items
  })
  const owners = (records ?? []).filter((r) => r.name === OWNER_RECORD)
  expect(owners).toHaveLength(1)
  expect(owners[0]!.spec.sovereignRef).toBe('acme')
  expect((records ?? []).every((r) => r.spec.sovereignRef === 'acme')).toBe(true)
  await page.goto(`${origin}/users`)
  await expect(new UsersPage(page).row(OWNER_RECORD)).toHaveCount(1)
})
