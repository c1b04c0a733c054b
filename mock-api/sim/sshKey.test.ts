import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateSshKeyPair } from './sshKey.ts'

/** Reads the length-prefixed strings of an SSH wire blob. */
function strings(b: Buffer, at = 0, n = Infinity): { values: Buffer[]; end: number } {
  const values: Buffer[] = []
  while (at < b.length && values.length < n) {
    const len = b.readUInt32BE(at)
    values.push(b.subarray(at + 4, at + 4 + len))
    at += 4 + len
  }
  return { values, end: at }
}

describe('generateSshKeyPair', () => {
  it('writes a working ed25519 pair: public line, openssh-key-v1 private key, SHA256 fingerprint', () => {
    const pair = generateSshKeyPair('t126.omani.works')
    const [alg, b64, comment] = pair.publicKey.split(' ')
    expect([alg, comment]).toEqual(['ssh-ed25519', 'catalyst@t126.omani.works'])
    const blob = Buffer.from(b64!, 'base64')
    const [name, pub] = strings(blob).values
    expect(name!.toString()).toBe('ssh-ed25519')
    expect(pub).toHaveLength(32)
    expect(pair.fingerprint).toBe(
      `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
    )

    const pem = pair.privateKey
    expect(pem.startsWith('-----BEGIN OPENSSH PRIVATE KEY-----\n')).toBe(true)
    expect(pem.endsWith('-----END OPENSSH PRIVATE KEY-----\n')).toBe(true)
    const body = Buffer.from(pem.split('\n').slice(1, -2).join(''), 'base64')
    const magic = 'openssh-key-v1\0'
    expect(body.subarray(0, magic.length).toString()).toBe(magic)
    const outer = strings(body, magic.length, 3)
    expect(outer.values.map((v) => v.toString())).toEqual(['none', 'none', ''])
    expect(body.readUInt32BE(outer.end)).toBe(1)
    const [pubBlob, inner] = strings(body, outer.end + 4).values
    expect(pubBlob!.equals(blob)).toBe(true)
    expect(inner!.length % 8).toBe(0)
    expect(inner!.readUInt32BE(0)).toBe(inner!.readUInt32BE(4))
    const [, innerPub, priv, innerComment] = strings(inner!, 8, 4).values
    expect(innerPub!.equals(pub!)).toBe(true)
    expect(innerComment!.toString()).toBe('catalyst@t126.omani.works')

    // The private half really matches the public one: sign with it, verify with the public key.
    const seed = priv!.subarray(0, 32)
    const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed])
    const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pub!])
    const sig = sign(null, Buffer.from('hello'), key)
    expect(
      verify(null, Buffer.from('hello'), createPublicKey({ key: spki, format: 'der', type: 'spki' }), sig),
    ).toBe(true)
  })

  it('uses "catalyst" without an FQDN and never repeats a key', () => {
    const a = generateSshKeyPair()
    const b = generateSshKeyPair()
    expect(a.publicKey.endsWith(' catalyst')).toBe(true)
    expect(a.publicKey).not.toBe(b.publicKey)
  })
})
