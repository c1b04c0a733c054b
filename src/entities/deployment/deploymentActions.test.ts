import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorMessage } from '../../lib/http.ts'
import {
  createDeployment,
  validateCredentials,
  validateRegistrar,
  wipeDeployment,
} from './deploymentActions.ts'

const TOKEN = 'hcloudSECRET0123456789abcdefTOKENvalue'
const ACCESS = 'AKIAACCESSKEY0001'
const SECRET = 's3SECRETKEYvalue0002'

/** A server that echoes every string of the request body back in its 400 (the worst case). */
function echoingServer() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Record<string, unknown>
      const echo = Object.values(body)
        .filter((v) => typeof v === 'string')
        .join(' ')
      return new Response(JSON.stringify({ error: 'bad-request', detail: `refused: ${echo}` }), {
        status: 422,
      })
    }),
  )
}

async function failure(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'resolved',
    (e: unknown) => errorMessage(e),
  )
}

describe('secret-carrying calls redact an echoed secret from the error', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('wipe', async () => {
    echoingServer()
    const m = await failure(wipeDeployment('abc', TOKEN, false))
    expect(m).toBe('refused: [redacted]')
  })

  it('credentials validation', async () => {
    echoingServer()
    const m = await failure(validateCredentials(TOKEN))
    expect(m).toBe('refused: hetzner [redacted]')
  })

  it('registrar validation', async () => {
    echoingServer()
    const m = await failure(validateRegistrar('cloudflare', 'example.com', TOKEN))
    expect(m).toBe('refused: example.com [redacted]')
  })

  it('launch (provider token and both object-storage keys)', async () => {
    echoingServer()
    const m = await failure(
      createDeployment(
        {
          orgName: 'Acme',
          hetznerToken: TOKEN,
          objectStorageAccessKey: ACCESS,
          objectStorageSecretKey: SECRET,
        },
        'launch-key-1',
      ),
    )
    expect(m).toContain('refused: Acme')
    for (const s of [TOKEN, ACCESS, SECRET]) expect(m).not.toContain(s)
    expect(m.match(/\[redacted\]/g)).toHaveLength(3)
  })
})
