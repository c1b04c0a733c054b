/** Where the wizard draft lives between reloads (localStorage; the schema keeps secrets out). */
import { forgetWizardDraft, wizardDraftKey } from '../../../lib/wizardDraftKey.ts'
import { defaultDraft, parseDraft, serialiseDraft, type WizardDraft } from './wizardModel.ts'

export const WIZARD_DRAFT_KEY = wizardDraftKey()
export { forgetWizardDraft }

export function loadDraft(): WizardDraft {
  try {
    return parseDraft(window.localStorage.getItem(WIZARD_DRAFT_KEY))
  } catch {
    return defaultDraft()
  }
}

export function saveDraft(d: WizardDraft): void {
  try {
    window.localStorage.setItem(WIZARD_DRAFT_KEY, serialiseDraft(d))
  } catch {
    // storage unavailable: the wizard still works, it just will not survive a reload
  }
}
