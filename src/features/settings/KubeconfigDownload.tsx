import { useState } from 'react'
import { fetchKubeconfig } from '../../entities/deployment/kubeconfig.ts'
import { saveTextFile } from '../../lib/saveFile.ts'
import { kubeconfigErrorText } from './settingsModel.ts'
import styles from './SettingsScreen.module.css'

/**
 * "Download kubeconfig" for one region through the per-region endpoint (contract §2.4). The YAML is a
 * credential: it goes straight from the response into a file download and is kept in no state, cache or
 * storage. A refusal ("not yet", file gone, storage unconfigured) is said in words, with Retry.
 */
export function KubeconfigDownload({
  deploymentId,
  regionKey,
  regionParam,
  fileName,
}: {
  deploymentId: string
  regionKey: string
  /** `?region=`: undefined for the primary. */
  regionParam: string | undefined
  fileName: string
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()

  const download = async () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      const yaml = await fetchKubeconfig(deploymentId, regionParam)
      saveTextFile(yaml, fileName, 'application/yaml')
    } catch (e) {
      setError(kubeconfigErrorText(e, regionKey))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div>
      <button
        type="button"
        className="btn btn-sm"
        aria-label={`Download the kubeconfig of ${regionKey}`}
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={() => void download()}
      >
        {busy ? 'Downloading…' : 'Download'}
      </button>
      {error ? (
        <p className={styles.alert} role="alert" aria-label={`Kubeconfig of ${regionKey}`}>
          <span>{error}</span>
          <button type="button" className="btn btn-sm" onClick={() => void download()}>
            Retry
          </button>
        </p>
      ) : null}
    </div>
  )
}
