/**
 * A real ed25519 key pair in the formats `ssh-keygen -t ed25519` writes (Go `handler/sshkey.go`): the
 * authorized_keys line, the unencrypted `openssh-key-v1` PEM, and the `SHA256:` fingerprint.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'

function sshString(b: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(b.length)
  return Buffer.concat([len, b])
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

const ALG = Buffer.from('ssh-ed25519')

/** `catalyst@<fqdn>` or `catalyst`, as Go composes the comment. */
export function keyComment(fqdn: string): string {
  const f = fqdn.trim()
  return f ? `catalyst@${f}` : 'catalyst'
}

export function generateSshKeyPair(fqdn = ''): {
  publicKey: string
  privateKey: string
  fingerprint: string
} {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url')
  const comment = keyComment(fqdn)
  const blob = Buffer.concat([sshString(ALG), sshString(pub)])

  const check = randomBytes(4)
  let inner = Buffer.concat([
    check,
    check,
    sshString(ALG),
    sshString(pub),
    // OpenSSH stores the 64-byte form: seed followed by the public key.
    sshString(Buffer.concat([seed, pub])),
    sshString(Buffer.from(comment)),
  ])
  const pad: number[] = []
  for (let i = 1; (inner.length + pad.length) % 8 !== 0; i++) pad.push(i)
  inner = Buffer.concat([inner, Buffer.from(pad)])
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString(Buffer.from('none')),
    sshString(Buffer.from('none')),
    sshString(Buffer.alloc(0)),
    uint32(1),
    sshString(blob),
    sshString(inner),
  ])
  const b64 = body.toString('base64').replace(/.{1,64}/g, '$&\n')
  return {
    publicKey: `ssh-ed25519 ${blob.toString('base64')} ${comment}`,
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${b64}-----END OPENSSH PRIVATE KEY-----\n`,
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
  }
}
