import { expect, type Locator, type Page } from '@playwright/test'

export const VALID_HETZNER_TOKEN = 'Abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZab' // 64 alphanumerics
export const SAMPLE_PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFbD9pjo37g8VfqmRx08DIxF+ahEJElOit3Vhng2hkKX ops@laptop'

/** `/wizard`: the step list, each step's fields, Next/Back and Launch (by role and label). */
export class WizardPage {
  readonly form: Locator
  constructor(readonly page: Page) {
    this.form = page.getByRole('main')
  }

  async goto(): Promise<void> {
    await this.page.goto('/wizard')
    await expect(this.page.getByRole('heading', { level: 1, name: 'New deployment' })).toBeVisible()
  }

  stepHeading(title: string): Locator {
    return this.page.getByRole('heading', { level: 2, name: new RegExp(`^Step \\d of 5: ${title}$`) })
  }

  currentStep(): Locator {
    return this.page.getByRole('navigation', { name: 'Wizard steps' }).locator('[aria-current="step"]')
  }

  next(): Locator {
    return this.form.getByRole('button', { name: 'Next', exact: true })
  }
  back(): Locator {
    return this.form.getByRole('button', { name: 'Back', exact: true })
  }

  orgName(): Locator {
    return this.form.getByLabel('Organisation name', { exact: true })
  }
  ownerEmail(): Locator {
    return this.form.getByLabel('Owner email', { exact: true })
  }
  subdomain(): Locator {
    return this.form.getByRole('textbox', { name: 'Subdomain', exact: true })
  }
  poolDomain(): Locator {
    return this.form.getByLabel('Pool domain')
  }
  ownDomainMode(): Locator {
    return this.form.getByRole('radio', { name: 'Your own domain' })
  }
  ownDomain(): Locator {
    return this.form.getByRole('textbox', { name: 'Your domain', exact: true })
  }
  availability(): Locator {
    return this.form.getByRole('status', { name: 'Availability' })
  }

  region(n: number): Locator {
    return this.form.getByRole('group', { name: new RegExp(`^Region ${n} \\(`) })
  }
  regionKey(n: number): Locator {
    return this.region(n).getByRole('status')
  }
  addRegion(): Locator {
    return this.form.getByRole('button', { name: 'Add region' })
  }

  token(): Locator {
    return this.form.getByLabel('Hetzner API token')
  }
  projectId(): Locator {
    return this.form.getByLabel('Hetzner project ID')
  }
  sshPublicKey(): Locator {
    return this.form.getByRole('textbox', { name: 'SSH public key' })
  }
  generateKeyPair(): Locator {
    return this.form.getByRole('button', { name: 'Generate key pair' })
  }
  downloadPrivateKey(): Locator {
    return this.form.getByRole('button', { name: 'Download private key' })
  }
  sshKeyStatus(): Locator {
    return this.form.getByRole('status', { name: 'SSH key pair' })
  }
  /** The Credentials step with a project, a validated token and a pasted public key. */
  async fillCredentials(token: string, publicKey = SAMPLE_PUBLIC_KEY): Promise<void> {
    await this.projectId().fill('4711')
    await this.token().fill(token)
    await this.validateToken().click()
    await expect(this.page.getByText(/Hetzner token accepted/)).toBeVisible()
    await this.sshPublicKey().fill(publicKey)
  }
  validateToken(): Locator {
    return this.form.getByRole('button', { name: 'Validate token' })
  }

  launch(): Locator {
    return this.form.getByRole('button', { name: 'Launch deployment' })
  }
  regionsToCreate(): Locator {
    return this.form.getByRole('table', { name: 'Regions to create' })
  }

  /** Keyboard only: Tab (or Shift+Tab) until `target` has focus. */
  async tabTo(target: Locator, opts: { backwards?: boolean; max?: number } = {}): Promise<void> {
    const handle = await target.elementHandle()
    for (let i = 0; i < (opts.max ?? 60); i++) {
      if (await handle?.evaluate((el) => el === document.activeElement)) return
      await this.page.keyboard.press(opts.backwards ? 'Shift+Tab' : 'Tab')
    }
    await expect(target).toBeFocused()
  }
}
