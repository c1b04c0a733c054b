import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'

test.describe('why it failed (issue 18 item 3)', () => {
  test('mothership: a failed deployment names its root cause on the overview, retries it, links to the graph', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const { id } = ESTATE.failedChart
    await page.goto(`/provision/${id}`)
    const panel = page.getByRole('region', { name: 'Why it failed' })
    const cause = panel.getByRole('article', { name: /^Root cause: .*harbor/i })
    await expect(cause).toBeVisible()
    await expect(cause).toContainText(/failed in the primary region/)
    await expect(cause).toContainText(/It blocks [1-9]\d* pending jobs?/)
    await expect(cause.getByRole('list', { name: 'Blocked jobs per region' })).toContainText('Primary')
    await expect(cause.getByLabel(/^Last error lines of /)).not.toBeEmpty()
    await expect(cause.getByRole('link', { name: 'Show in graph' })).toHaveAttribute(
      'href',
      new RegExp(`^/provision/${id}/jobs\\?view=graph&focus=`),
    )
    // The jobs page shows the same cause; Retry starts a new execution.
    await page.goto(`/provision/${id}/jobs`)
    const onJobs = page.getByRole('region', { name: 'Why it failed' })
    await onJobs.getByRole('button', { name: 'Retry' }).click()
    await expect
      .poll(async () => {
        const res = await page.request.get(`/api/v1/deployments/${id}/jobs`)
        const jobs = ((await res.json()) as { jobs: { jobName: string; status: string }[] }).jobs
        return jobs.find((j) => /harbor/.test(j.jobName))?.status
      })
      .not.toBe('failed')
  })

  test('sovereign: a degraded secondary names its root cause on the job pages', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.degraded.fqdn)
    await signIn({ origin })
    await page.goto(`${origin}/jobs`)
    const panel = page.getByRole('region', { name: 'Why it failed' })
    const cause = panel.getByRole('article', { name: /^Root cause: .*loki/i })
    await expect(cause).toContainText(/in region \S+ .*— only that region is affected/)
    await cause.getByRole('link', { name: /loki/i }).first().click()
    await expect(page).toHaveURL(/\/jobs\/install-/)
    await expect(page.getByRole('region', { name: 'Why it failed' })).toBeVisible()
  })
})
