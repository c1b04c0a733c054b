import { describe, expect, it } from 'vitest'
import { kubeconfigFileName } from './kubeconfig.ts'

const SAFE = /^[a-z0-9][a-z0-9.-]{0,119}\.yaml$/

describe('kubeconfigFileName', () => {
  it('names the primary after the subdomain and a secondary after subdomain and region', () => {
    expect(kubeconfigFileName('acme.omani.works')).toBe('acme.yaml')
    expect(kubeconfigFileName('acme.omani.works', 'nbg1-1')).toBe('acme-nbg1-1.yaml')
  })

  it.each([
    ['path traversal', '../../etc/passwd', undefined],
    ['path traversal in the region', 'acme.omani.works', '../../../root/.ssh/x'],
    ['NUL', 'ac\u0000me.omani.works', 'fsn\u00001'],
    ['quotes and separators', `a"c'm\`e;rm -rf /.omani.works`, `"; x="`],
    ['unicode and bidi controls', 'ácmé\u202egnp.omani.works', 'регион'],
    ['500 characters', 'a'.repeat(500), 'b'.repeat(500)],
    ['empty', '', ''],
    ['only dots and slashes', '.../...', '/'],
    ['backslashes (Windows paths)', '..\\..\\windows\\system32', 'C:\\x'],
    ['a hidden-file or option-like name', '.bashrc', '-rf'],
  ])('%s → a safe, bounded .yaml name', (_what, fqdn, region) => {
    const name = kubeconfigFileName(fqdn, region)
    expect(name).toMatch(SAFE)
    expect(name).not.toContain('..')
    expect(name.length).toBeLessThanOrEqual(125)
  })

  it('keeps what it can of a hostile name and falls back to "kubeconfig" when nothing is left', () => {
    expect(kubeconfigFileName('../../etc/passwd')).toBe('etc-passwd.yaml')
    expect(kubeconfigFileName('', '')).toBe('kubeconfig.yaml')
    expect(kubeconfigFileName('a'.repeat(500))).toBe(`${'a'.repeat(120)}.yaml`)
  })
})
