import { describe, expect, it } from 'vitest'
import { createHandoverPromptMemory } from './handoverPrompted.ts'

function memoryStorage() {
  const m = new Map<string, string>()
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) }
}

describe('handover "already prompted" memory', () => {
  it('remembers each deployment once prompted, shared by every page of the tab', () => {
    const storage = memoryStorage()
    const overview = createHandoverPromptMemory(storage)
    expect(overview.wasPrompted('a')).toBe(false)
    overview.markPrompted('a')
    expect(overview.wasPrompted('a')).toBe(true)
    expect(overview.wasPrompted('b')).toBe(false)
    // Another page (or the same tab after a reload) reads the same storage.
    const jobs = createHandoverPromptMemory(storage)
    expect(jobs.wasPrompted('a')).toBe(true)
    expect(jobs.wasPrompted('b')).toBe(false)
  })

  it('survives unusable storage and ignores a corrupt value', () => {
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('quota')
      },
    }
    const m = createHandoverPromptMemory(broken)
    expect(m.wasPrompted('a')).toBe(false)
    m.markPrompted('a')
    expect(m.wasPrompted('a')).toBe(true)
    expect(createHandoverPromptMemory(undefined).wasPrompted('a')).toBe(false)
  })
})
