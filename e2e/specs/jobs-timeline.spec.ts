import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { JobsPage } from '../pages/JobsPage.ts'

test.describe('jobs timeline', () => {
  test('renders at /jobs/timeline in both trees, highlights the critical path, zooms, and opens jobs', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn()
    const jobs = new JobsPage(page)
    await page.goto(`/provision/${ESTATE.ready.id}/jobs/timeline`)
    await expect(jobs.timelineHeading()).toBeVisible()
    await expect(page.getByText('Job not found')).toHaveCount(0)
    const critical = page
      .getByRole('group', { name: 'Job bars' })
      .getByRole('link', { name: /on the critical path$/ })
    expect(await critical.count()).toBeGreaterThan(5)
    // The chain crosses phases: it starts with OpenTofu.
    await expect(critical.first()).toHaveAccessibleName(/^tofu-init: succeeded/)

    const bar = jobs.timelineBar('tofu-apply')
    const before = (await bar.boundingBox())!.width
    await page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(async () => (await bar.boundingBox())!.width).toBeGreaterThan(before * 1.4)
    await page.getByRole('button', { name: 'Fit' }).click()
    await expect.poll(async () => Math.round((await bar.boundingBox())!.width)).toBe(Math.round(before))

    await bar.click()
    await expect(page).toHaveURL(`/provision/${ESTATE.ready.id}/jobs/tofu-apply`)
    await page.goto(`/provision/${ESTATE.ready.id}/jobs/timeline`)
    await page.getByRole('link', { name: /Back to jobs/ }).click()
    await expect(page).toHaveURL(`/provision/${ESTATE.ready.id}/jobs`)

    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    await page.goto(`${origin}/jobs/timeline`)
    await expect(jobs.timelineHeading()).toBeVisible()
    await jobs.timelineBar('install-nbg1-1:cilium').click()
    await expect(page).toHaveURL(`${origin}/jobs/install-nbg1-1%3Acilium`)
    await page.goto(`${origin}/jobs/timeline`)
    await page.getByRole('link', { name: /Back to jobs/ }).click()
    await expect(page).toHaveURL(`${origin}/jobs`)
  })

  test('running bars grow as the clock runs', async ({ page, signIn, mockApi }) => {
    await signIn()
    const jobs = new JobsPage(page)
    await page.goto(`/provision/${ESTATE.provisioning.id}/jobs/timeline`)
    const bar = jobs.timelineBar('tofu-apply')
    await expect(bar).toHaveAccessibleName(/running for/)
    await page.getByRole('button', { name: 'Zoom out' }).click()
    const before = (await bar.boundingBox())!.width
    await mockApi.run(60)
    await expect
      .poll(async () => (await bar.boundingBox())!.width, { timeout: 15_000 })
      .toBeGreaterThan(before + 5)
    await mockApi.pause()
  })
})
