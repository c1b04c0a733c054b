import { SelectField } from './WizardFields.tsx'
import { OBJECT_STORAGE_REGIONS, type WizardDraft } from './wizardModel.ts'
import styles from './WizardScreen.module.css'

/** Platform choices that are not per region: the marketplace and where the Sovereign's bucket lives. */
export function PlatformOptions({
  draft,
  update,
}: {
  draft: WizardDraft
  update: (p: Partial<WizardDraft>) => void
}) {
  return (
    <fieldset className={styles.region}>
      <legend>Platform</legend>
      <div className={styles.fields}>
        <label>
          <input
            type="checkbox"
            checked={draft.marketplaceEnabled}
            onChange={(e) => update({ marketplaceEnabled: e.target.checked })}
          />{' '}
          Enable the marketplace (customers can publish and install apps)
        </label>
        <SelectField
          label="Object-storage region"
          value={draft.objectStorageRegion}
          options={OBJECT_STORAGE_REGIONS.map((r) => ({ id: r, label: r }))}
          onChange={(v) => update({ objectStorageRegion: v as WizardDraft['objectStorageRegion'] })}
        />
      </div>
    </fieldset>
  )
}
