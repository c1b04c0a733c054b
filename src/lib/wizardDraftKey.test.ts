import { describe, expect, it } from 'vitest'
import { forgetWizardDraft, wizardDraftKey } from './wizardDraftKey.ts'

describe('wizardDraftKey', () => {
  it('is one stable, versioned key', () => {
    expect(wizardDraftKey()).toBe('catalyst:wizard-draft:v1')
    expect(wizardDraftKey()).toBe(wizardDraftKey())
  })

  it('forgetWizardDraft removes exactly that key, and survives a storage that throws', () => {
    const store = new Map([
      [wizardDraftKey(), '{"orgName":"Acme"}'],
      ['cc-theme', 'dark'],
    ])
    forgetWizardDraft({ removeItem: (k) => void store.delete(k) })
    expect([...store.keys()]).toEqual(['cc-theme'])
    expect(() =>
      forgetWizardDraft({
        removeItem: () => {
          throw new Error('SecurityError')
        },
      }),
    ).not.toThrow()
  })
})
