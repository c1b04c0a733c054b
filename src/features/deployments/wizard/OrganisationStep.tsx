import { Field } from './WizardFields.tsx'
import type { StepErrors, WizardDraft } from './wizardModel.ts'
import styles from './WizardScreen.module.css'

export function OrganisationStep({
  draft,
  email,
  errors,
  update,
}: {
  draft: WizardDraft
  email: string | undefined
  errors: StepErrors
  update: (p: Partial<WizardDraft>) => void
}) {
  return (
    <div className={styles.fields}>
      <Field label="Organisation name" error={errors.orgName} hint="The customer this Sovereign is for.">
        {(p) => (
          <input
            {...p}
            className="input"
            value={draft.orgName}
            autoComplete="organization"
            onChange={(e) => update({ orgName: e.target.value })}
          />
        )}
      </Field>
      <Field
        label="Owner email"
        error={errors.orgEmail}
        hint="Your signed-in email. It becomes the Sovereign's owner account and receives the handover."
      >
        {(p) => <input {...p} className="input" value={email ?? ''} readOnly />}
      </Field>
    </div>
  )
}
