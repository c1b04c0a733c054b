/** How long an object URL lives: long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 1_000

/**
 * Saves `text` as a file through a short-lived object URL; the link never stays in the document. For
 * secrets (a private key, a kubeconfig): the text goes from the caller's hands to the file, nowhere else.
 */
export function saveTextFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}
