/* eslint-disable no-control-regex -- file names must not contain control characters */
/**
 * Downloads of log text (the whole log, or one long line) as a file the browser saves; the name is made
 * safe for every file system first.
 */

/** Safe file name: path separators and characters Windows refuses become `_`. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'log'
}

export function saveText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = safeFileName(fileName)
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
