import { Dialog } from '../../../components/Dialog.tsx'
import type { StoredLine } from './logBuffer.ts'
import { saveText } from './saveLogFile.ts'
import styles from './LogViewer.module.css'

const nf = new Intl.NumberFormat('en-US')

/**
 * One log line too long to display in the viewer (cut at `DISPLAY_MAX_CHARS`), shown whole in a dialog,
 * with Copy and Download. `line` is the line number; undefined closes the dialog.
 */
export function WholeLineDialog({
  line,
  text,
  downloadName,
  onClose,
}: {
  line: number | undefined
  text: StoredLine | undefined
  downloadName: string
  onClose: () => void
}) {
  return (
    <Dialog
      open={line !== undefined}
      onOpenChange={(open) => !open && onClose()}
      title={`Line ${line ?? ''}`}
      description={text ? `${nf.format(text.plain.length)} characters` : undefined}
      width="lg"
    >
      <pre
        className={styles.wholeLine}
        // Scrollable: reachable by keyboard (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        {text?.plain}
      </pre>
      <div className={styles.dialogActions}>
        <button
          type="button"
          className="btn"
          onClick={() => void navigator.clipboard?.writeText(text?.plain ?? '').catch(() => undefined)}
        >
          Copy line
        </button>
        <button
          type="button"
          className="btn"
          onClick={() =>
            saveText(`${text?.text ?? ''}\n`, `${downloadName.replace(/\.log$/, '')}-L${line}.log`)
          }
        >
          Download line
        </button>
      </div>
    </Dialog>
  )
}
