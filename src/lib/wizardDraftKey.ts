/**
 * Where the new-deployment wizard keeps its draft (localStorage, so it survives a reload). One key builder
 * for the wizard that writes it and for sign-out that forgets it: the draft names an organisation, an
 * owner email and a domain, none of which the next person at this browser should find.
 */
const VERSION = 1

export function wizardDraftKey(): string {
  return `catalyst:wizard-draft:v${VERSION}`
}

interface RemovableStorage {
  removeItem(key: string): void
}

function localStore(): RemovableStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

/** Forgets the draft (sign-out; a launched draft). Storage unavailable: there is nothing to forget. */
export function forgetWizardDraft(storage: RemovableStorage | undefined = localStore()): void {
  try {
    storage?.removeItem(wizardDraftKey())
  } catch {
    // storage unavailable
  }
}
