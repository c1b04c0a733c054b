#!/usr/bin/env node
// Finds a Chromium for Playwright: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
// download. With --check it exits 1 with one clear line when there is none (the test command runs it first).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  try {
    const require = createRequire(import.meta.url)
    const { chromium } = require('playwright-core')
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // playwright-core not installed or no browser downloaded
  }
  return undefined
}

/** Flags for headless Chromium in a closed network (see README: Testing). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
]

if (process.argv.includes('--check')) {
  const found = findChromium()
  if (!found) {
    console.error(
      'No Chromium found: set CHROMIUM_PATH, or install Debian\'s (sudo apt-get install -y chromium), or run "npx playwright install chromium".',
    )
    process.exit(1)
  }
  console.log(`Chromium: ${found}`)
}
