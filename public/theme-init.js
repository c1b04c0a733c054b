// Runs before first paint and before any module script. Kept tiny and external (CSP: no inline scripts).

// Zod (the API contracts) must never probe for `new Function`: the CSP forbids eval and reports the refused
// probe as a violation on every page. Module chunks may create contract schemas before main.tsx's own body
// runs, so the flag is set here, first (workers import src/lib/zodJitless.ts instead).
window.__zod_globalConfig = Object.assign(window.__zod_globalConfig || {}, { jitless: true })

// The saved theme, else the OS preference.
;(function () {
  var theme = null
  try {
    theme = window.localStorage.getItem('cc-theme')
  } catch (e) {}
  if (theme !== 'light' && theme !== 'dark') {
    theme = window.matchMedia && window.matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark'
  }
  document.documentElement.dataset.theme = theme
})()
