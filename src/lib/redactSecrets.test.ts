import { describe, expect, it } from 'vitest'
import { REDACTED, redactDeep, redactSecrets } from './redactSecrets.ts'

const TOKEN = 'hcloudSECRET0123456789abcdef'

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redactSecrets(`token ${TOKEN} rejected (${TOKEN})`, [TOKEN])).toBe(
      `token ${REDACTED} rejected (${REDACTED})`,
    )
    expect(redactSecrets('access AKIA1234 secret s3cr3tKey', ['AKIA1234', 's3cr3tKey'])).toBe(
      `access ${REDACTED} secret ${REDACTED}`,
    )
  })

  it('catches the JSON-escaped and URL-encoded echoes of a secret with special characters', () => {
    const secret = 'ab"c/d e+f'
    expect(redactSecrets(`{"detail":"bad ${JSON.stringify(secret).slice(1, -1)}"}`, [secret])).toBe(
      `{"detail":"bad ${REDACTED}"}`,
    )
    expect(redactSecrets(`GET /x?t=${encodeURIComponent(secret)}`, [secret])).toBe(`GET /x?t=${REDACTED}`)
  })

  it('replaces a secret that contains another one whole, not in pieces', () => {
    expect(redactSecrets('key abcdefgh', ['abcd', 'abcdefgh'])).toBe(`key ${REDACTED}`)
  })

  it('leaves text alone without secrets, and ignores empty or tiny values that would shred words', () => {
    expect(redactSecrets('token abc rejected', undefined)).toBe('token abc rejected')
    expect(redactSecrets('token abc rejected', ['', 'a', 'abc'])).toBe('token abc rejected')
  })

  it('redacts every string inside a parsed body, keys included', () => {
    expect(
      redactDeep({ error: 'x', detail: `t=${TOKEN}`, list: [TOKEN, 3], [TOKEN]: true }, [TOKEN]),
    ).toEqual({
      error: 'x',
      detail: `t=${REDACTED}`,
      list: [REDACTED, 3],
      [REDACTED]: true,
    })
  })
})
