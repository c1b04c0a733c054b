// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DeleteDeploymentDialog, type DeleteTarget } from './DeleteDeploymentDialog.tsx'

const TOKEN = 'hcloud-SECRET-0123456789-abcdefghijklmnop'
const target: DeleteTarget = { id: 'b2c4d6e8f0a1b3c5', fqdn: 'acme.omani.works', status: 'ready' }

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

const wipeResult = {
  deploymentId: target.id,
  sovereignFQDN: target.fqdn,
  tofuDestroyed: true,
  hetznerPurge: { servers: 4, load_balancers: 1, networks: 1, firewalls: 1, ssh_keys: 1, s3_buckets: 1 },
  pdmReleased: true,
  localCleaned: true,
  errors: [],
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('DeleteDeploymentDialog', () => {
  it('wipes with the token in the body only, and leaves it in no cache, storage or markup', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init })
        if (url.endsWith('/infrastructure/topology')) return json(200, { topology: { regions: [] } })
        if (url.includes('/wipe')) return json(200, wipeResult)
        return json(404, { error: 'not-found' })
      }),
    )
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const onClose = vi.fn()
    const { rerender } = render(
      <QueryClientProvider client={client}>
        <DeleteDeploymentDialog target={target} onClose={onClose} />
      </QueryClientProvider>,
    )
    fireEvent.click(screen.getByRole('radio', { name: 'Wipe infrastructure and delete record' }))
    const token = screen.getByLabelText('Hetzner API token') as HTMLInputElement
    fireEvent.change(token, { target: { value: TOKEN } })
    fireEvent.change(screen.getByLabelText(`Type ${target.fqdn} to confirm`), {
      target: { value: target.fqdn },
    })
    // Uncontrolled: the typed token is never written into the markup.
    expect(document.documentElement.outerHTML).not.toContain(TOKEN)
    const wipe = screen.getByRole('button', { name: 'Wipe infrastructure and delete record' })
    expect((wipe as HTMLButtonElement).disabled).toBe(false)
    await act(async () => {
      fireEvent.click(wipe)
    })
    await screen.findByRole('heading', { name: 'Deployment wiped' })

    const wipeCall = calls.find((c) => c.url.includes('/wipe'))!
    expect(wipeCall.url).not.toContain(TOKEN)
    expect(String(wipeCall.init?.body)).toContain(TOKEN)
    const caches = JSON.stringify({
      queries: client
        .getQueryCache()
        .getAll()
        .map((q) => [q.queryKey, q.state.data]),
      mutations: client
        .getMutationCache()
        .getAll()
        .map((m) => m.state.variables),
    })
    expect(caches).not.toContain(TOKEN)

    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    expect(onClose).toHaveBeenCalled()
    rerender(
      <QueryClientProvider client={client}>
        <DeleteDeploymentDialog target={undefined} onClose={onClose} />
      </QueryClientProvider>,
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.documentElement.outerHTML).not.toContain(TOKEN)
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain(TOKEN)
  })
})
