import { expect, type Page } from '@playwright/test'

/**
 * Hostile strings and the checks that prove they stayed inert. The payloads set `window.__pwned` when they
 * run, so a spec that turns the CSP off (`bypassCSP`) tests the console's own escaping, not the policy's
 * safety net.
 */
export const HOSTILE = {
  script: '<script>window.__pwned=1;alert(1)</script>',
  img: '<img src=x onerror="window.__pwned=1;alert(1)">',
  js: 'javascript:window.__pwned=1;alert(1)',
  /** RIGHT-TO-LEFT OVERRIDE: "exe.png" shown as "gnp.exe" if it leaks into surrounding text. */
  rtl: '\u202Egnp.exe',
  /** SGR colour, an OSC 8 hyperlink to javascript:, an OSC 52 clipboard write, a window title, a bell. */
  ansi:
    '\x1b[31mred\x1b[0m \x1b]8;;javascript:window.__pwned=1\x1b\\click me\x1b]8;;\x1b\\ ' +
    '\x1b]52;c;SEFDS0VE\x07 \x1b]0;pwned title\x07\x07 \x9b31m',
} as const

/** 100 kB without a break opportunity: the worst case for wrapping. */
export const LONG = 'W'.repeat(100_000)

export interface HostileGuard {
  /** Fails on any dialog, navigation to a non-http URL, injected element, clipboard write or overflow. */
  expectInert(where: string): Promise<void>
}

const CLIPBOARD_SENTINEL = 'clipboard-untouched'

/**
 * Arms the guards before the first navigation: dialogs are recorded (and dismissed), main-frame
 * navigations recorded, every clipboard write counted.
 */
export async function armHostileGuards(page: Page): Promise<HostileGuard> {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss().catch(() => undefined)
  })
  const navigations: string[] = []
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url())
  })
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.addInitScript((sentinel) => {
    const w = window as unknown as { __clipboardWrites: string[] }
    w.__clipboardWrites = []
    const clip = navigator.clipboard
    if (clip) {
      const writeText = clip.writeText.bind(clip)
      const write = clip.write.bind(clip)
      clip.writeText = (t: string) => {
        if (t !== sentinel) w.__clipboardWrites.push(t)
        return writeText(t)
      }
      clip.write = (d: ClipboardItems) => {
        w.__clipboardWrites.push('[ClipboardItem]')
        return write(d)
      }
    }
    const exec = document.execCommand.bind(document)
    document.execCommand = (cmd: string, ui?: boolean, value?: string) => {
      if (cmd.toLowerCase() === 'copy' || cmd.toLowerCase() === 'cut') w.__clipboardWrites.push(cmd)
      return exec(cmd, ui, value)
    }
  }, CLIPBOARD_SENTINEL)

  return {
    async expectInert(where) {
      const found = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')]
        const urlAttr = (el: Element) =>
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']
            .map((a) => el.getAttribute(a) ?? '')
            // eslint-disable-next-line no-control-regex -- browsers ignore controls inside a scheme
            .find((v) => /^\s*(javascript|data|vbscript):/i.test(v.replace(/[\s\u0000-\u001f]/g, '')))
        const w = window as unknown as { __pwned?: unknown; __clipboardWrites?: string[] }
        return {
          pwned: w.__pwned ?? null,
          inlineScripts: [...document.scripts].filter((s) => !s.src).length,
          injected: document.querySelectorAll('img, iframe, object, embed, frame, base, meta[http-equiv]')
            .length,
          handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
          scriptUrls: all.filter((el) => urlAttr(el) !== undefined).length,
          title: document.title.includes('pwned'),
          clipboardWrites: w.__clipboardWrites ?? [],
          overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        }
      })
      expect(found, `hostile input stays inert: ${where}`).toEqual({
        pwned: null,
        inlineScripts: 0,
        injected: 0,
        handlers: 0,
        scriptUrls: 0,
        title: false,
        clipboardWrites: [],
        overflowX: 0,
      })
      expect(dialogs, `no dialog: ${where}`).toEqual([])
      expect(
        navigations.filter((u) => !/^https?:/.test(u) && u !== 'about:blank'),
        `no navigation to a script URL: ${where}`,
      ).toEqual([])
      // OSC 52 in the payload carries base64("HACKED").
      const clip = await page.evaluate(() => navigator.clipboard.readText().catch(() => 'unreadable'))
      expect(clip, `clipboard untouched: ${where}`).not.toContain('HACKED')
    },
  }
}

/** Puts a known value on the clipboard, so a later write (OSC 52) would be visible. */
export async function primeClipboard(page: Page): Promise<void> {
  await page.evaluate((s) => navigator.clipboard.writeText(s), CLIPBOARD_SENTINEL)
}

/**
 * The tallest and widest *visible* box (clipped by every scrolling or clipping ancestor) of any element
 * whose own text holds `needle`, and the page's scroll size — a 100 kB name must be cut or wrapped inside
 * its container, never stretch the page or become a wall of text.
 */
export async function largestBoxHolding(
  page: Page,
  needle: string,
): Promise<{ w: number; h: number; n: number; pageHeight: number }> {
  return page.evaluate((n) => {
    let w = 0
    let h = 0
    let count = 0
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.nodeValue?.includes(n) || !t.parentElement) continue
      const r = t.parentElement.getBoundingClientRect()
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom]
      for (let a = t.parentElement.parentElement; a; a = a.parentElement) {
        const cs = getComputedStyle(a)
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue
        const c = a.getBoundingClientRect()
        if (cs.overflowX !== 'visible') [left, right] = [Math.max(left, c.left), Math.min(right, c.right)]
        if (cs.overflowY !== 'visible') [top, bottom] = [Math.max(top, c.top), Math.min(bottom, c.bottom)]
      }
      if (right - left <= 1 || bottom - top <= 1) continue
      count++
      w = Math.max(w, right - left)
      h = Math.max(h, bottom - top)
    }
    return { w, h, n: count, pageHeight: document.documentElement.scrollHeight }
  }, needle)
}
