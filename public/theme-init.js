// Runs before first paint: the saved theme, else the OS preference. Kept tiny and external (CSP: no inline scripts).
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
