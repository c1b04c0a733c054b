import { ESTATE, expect, expectHeading, sovereignOrigin, test } from '../fixtures.ts'

test('the mothership console signs in with a PIN from the mock and shows its sections', async ({
  page,
  mockApi,
}) => {
  await page.goto('/deployments')
  await expect(page).toHaveURL(/\/login\?next=%2Fdeployments|\/login\?next=\/deployments/)
  await page.getByLabel('Email').fill('operator@openova.io')
  await page.getByRole('button', { name: 'Send code' }).click()
  await expectHeading(page, 'Enter your code')
  const pin = await mockApi.pin('operator@openova.io')
  await page.getByLabel('Digit 1 of 6').fill(pin)
  await expect(page).toHaveURL(/\/deployments$/)
  await expectHeading(page, 'Deployments')
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fleet' }),
  ).toBeVisible()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Mothership console' })).toBeVisible()
})

test('a Sovereign console on console.<fqdn>.localhost resolves its own deployment', async ({
  page,
  signIn,
  baseURL,
}) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  await page.goto(`${origin}/`)
  await expect(page).toHaveURL(`${origin}/dashboard`)
  await expectHeading(page, 'Dashboard')
  await expect(
    page.getByRole('banner').getByRole('link', { name: `Sovereign console ${ESTATE.adopted.fqdn}` }),
  ).toBeVisible()
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Jobs' })).toHaveAttribute('href', '/jobs')
  await expect(nav.getByRole('link', { name: 'Fleet' })).toHaveCount(0)
})
