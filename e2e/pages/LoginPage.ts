import type { Locator, Page } from '@playwright/test'
import type { MockApi } from '../mockApi.ts'

/** `/login` and `/login/verify`: the PIN sign-in, by role and accessible name. */
export class LoginPage {
  readonly signInHeading: Locator
  readonly email: Locator
  readonly sendCode: Locator
  readonly codeHeading: Locator
  readonly codeGroup: Locator
  readonly verify: Locator
  readonly resend: Locator
  readonly mockHint: Locator
  readonly alreadySignedIn: Locator
  readonly continue: Locator
  /** The visible rate-limit countdown ("Please wait 58 seconds before requesting another code."). */
  readonly countdown: Locator

  constructor(readonly page: Page) {
    this.signInHeading = page.getByRole('heading', { level: 1, name: /^Sign in to / })
    this.email = page.getByLabel('Email')
    this.sendCode = page.getByRole('button', { name: 'Send code' })
    this.codeHeading = page.getByRole('heading', { level: 1, name: 'Enter your code' })
    this.codeGroup = page.getByRole('group', { name: '6-digit code' })
    this.verify = page.getByRole('button', { name: 'Verify' })
    this.resend = page.getByRole('link', { name: "Didn't get a code? Send a new one" })
    this.mockHint = page.getByRole('complementary', { name: 'Development sign-in help' })
    this.alreadySignedIn = page.getByRole('status').filter({ hasText: 'You are already signed in as' })
    this.continue = page.getByRole('link', { name: 'Continue' })
    this.countdown = page.getByText(/^Please wait \d+ seconds? before requesting another code\.$/)
  }

  digit(n: number): Locator {
    return this.page.getByLabel(`Digit ${n} of 6`)
  }

  /** The alert on the page whose text matches (error copy, attempts remaining, rate limit). */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text })
  }

  async goto(origin = '', query = ''): Promise<void> {
    await this.page.goto(`${origin}/login${query}`)
  }

  async requestCode(email: string): Promise<void> {
    await this.email.fill(email)
    await this.sendCode.click()
  }

  /** Types the code box by box with the keyboard (auto-submits on the sixth digit). */
  async typeCode(pin: string): Promise<void> {
    await this.digit(1).focus()
    await this.page.keyboard.type(pin, { delay: 20 })
  }

  /** Pastes the code into the first box the way a browser does (a `paste` event with clipboard data). */
  async pasteCode(pin: string, box = 1): Promise<void> {
    await this.digit(box).evaluate((el, text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, pin)
  }

  /** Email → code from the mock's control API → typed in; ends wherever the console lands. */
  async signInWithPin(mockApi: MockApi, email = 'operator@openova.io'): Promise<void> {
    await this.requestCode(email)
    await this.codeHeading.waitFor()
    await this.typeCode(await mockApi.pin(email))
  }
}
