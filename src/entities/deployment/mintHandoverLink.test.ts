import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../lib/http.ts'
import { mintHandoverToken } from './deploymentActions.ts'
import { mintErrorText, mintHandoverLink } from './mintHandoverLink.ts'

vi.mock('./deploymentActions.ts', () => ({ mintHandoverToken: vi.fn() }))

const minted = (redirectURL: string) =>
  vi.mocked(mintHandoverToken).mockResolvedValueOnce({ token: 't', redirectURL })
const e = (status: number, code?: string) => new ApiError('raw', 'http', status, code, undefined, '/x')

describe('mintHandoverLink', () => {
  it("hands back the deployment's own handover link", async () => {
    minted('https://console.acme.omani.works/auth/handover?token=a.b.c')
    await expect(mintHandoverLink('dep', 'acme.omani.works', 'https://console.openova.io')).resolves.toEqual({
      ok: true,
      url: 'https://console.acme.omani.works/auth/handover?token=a.b.c',
    })
    expect(mintHandoverToken).toHaveBeenLastCalledWith('dep')
  })

  it('refuses a minted link to another host, in words', async () => {
    minted('https://evil.example/auth/handover?token=a.b.c')
    const out = await mintHandoverLink('dep', 'acme.omani.works', 'https://console.openova.io')
    expect(out).toEqual({
      ok: false,
      reason:
        'The handover link catalyst-api answered was not followed: it points to evil.example, not to console.acme.omani.works.',
    })
  })

  it("passes the API's refusal on", async () => {
    vi.mocked(mintHandoverToken).mockRejectedValueOnce(e(409, 'already-adopted'))
    await expect(mintHandoverLink('dep', 'acme.omani.works', 'https://x.io')).rejects.toBeInstanceOf(ApiError)
  })
})

describe('mintErrorText', () => {
  it('says what each refusal means, never the raw code', () => {
    expect(mintErrorText(e(409, 'not-handover-ready'))).toContain('must be ready first')
    expect(mintErrorText(e(409, 'already-adopted'))).toBe(
      'No new handover link: the customer has already taken this Sovereign over, and a handover link works only until then.',
    )
    expect(mintErrorText(e(409))).toContain('refused to mint')
    expect(mintErrorText(e(503))).toContain('no handover signing key')
    expect(mintErrorText(new Error('offline'))).toBe('The handover link could not be minted: offline')
  })
})
