// An incident read at a glance (chronology with grades, Edit and back from the keyboard), claims' actors picked or created inline, and likely duplicates caught before saving.
import { expect, test } from './support/fixtures'

const ALBANIA = /Destructive attack on Albanian/

test('the read view of the Albania attack tells its chronology in date order with the sources’ grades; Edit and back work from the keyboard', async ({ app, page }) => {
  await app.row(ALBANIA).click()
  const read = app.readView()
  await expect(read.locator('.form-head h2')).toHaveText(ALBANIA)
  await expect(app.form()).toHaveCount(0)
  await expect(read.locator('.read-facts')).toContainText('15 July 2022')
  await expect(read.locator('.read-facts')).toContainText('Albania')
  await expect(read.locator('.read-facts')).toContainText('Iran')
  await expect(read.locator('.read-facts')).toContainText('State-linked')

  const entries = read.getByRole('list', { name: 'Attributions and responses in date order' }).locator('> li')
  await expect(entries).toHaveCount(17)
  await expect(entries.first()).toContainText('HomeLand Justice')
  await expect(entries.first().locator('.read-date')).toHaveText('Jul 2022')
  await expect(entries.first().locator('.grade')).toHaveText('D3')
  await expect(entries.nth(1)).toContainText('Mandiant')
  await expect(entries.nth(1).locator('.grade')).toHaveText('B2')
  const dates = await entries.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date') ?? ''))
  expect(dates.every((d) => d !== '')).toBe(true)
  expect([...dates].sort()).toEqual(dates)
  await expect(read.getByRole('heading', { name: 'Impact' })).toBeVisible()

  // Edit from the keyboard: the form opens focused on its first field; the read view button goes back.
  await read.getByRole('button', { name: 'Edit', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(app.field('Title')).toBeFocused()
  await expect(app.readView()).toHaveCount(0)
  await app.form().getByRole('button', { name: 'Read view' }).focus()
  await page.keyboard.press('Enter')
  await expect(app.readView().getByRole('button', { name: 'Edit', exact: true })).toBeFocused()
  // E inside the read view edits too.
  await page.keyboard.press('e')
  await expect(app.field('Title')).toBeFocused()
  // Back with edits asks first.
  await app.field('Title').fill('Half-typed title')
  await app.form().getByRole('button', { name: 'Read view' }).click()
  const ask = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })
  await ask.getByRole('button', { name: 'Discard changes' }).click()
  await expect(app.readView().locator('.form-head h2')).toHaveText(ALBANIA)
})

test('picks an attributor from the actors, and creates a missing one inline; both are saved as links with their labels', async ({ app, page }) => {
  await app.row(ALBANIA).click()
  await app.edit()

  // An attributor that is no actor yet: created inline from the picker, by keyboard; the label stays.
  const pm = app.form().getByRole('group', { name: /^attribution 3 by / })
  const attributor = pm.getByLabel('Attributed by', { exact: true })
  await expect(pm.locator('.actor-link')).toContainText('Not linked to an actor')
  await attributor.focus()
  await page.keyboard.press('ArrowDown')
  await expect(pm.getByRole('option', { name: 'Create actor “Government of Albania (PM Edi Rama)”…' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  const create = pm.getByRole('group', { name: 'New actor for attributor' })
  await expect(create.getByLabel('Actor name')).toBeFocused()
  await create.getByLabel('Actor kind').selectOption('state')
  await create.getByLabel('Actor country').selectOption({ label: 'Albania' })
  await create.getByLabel('Actor name').fill('Albania')
  // Enter in the new-actor form creates the actor; it does not submit the incident.
  await page.keyboard.press('Enter')
  await expect(pm.locator('.actor-link')).toContainText('Actor: Albania')
  await expect(attributor).toHaveValue('Government of Albania (PM Edi Rama)')
  await expect(app.form().locator('.save-state')).toHaveText('Unsaved changes')

  // A new attribution picks an existing actor by alias.
  await app.form().getByRole('button', { name: '+ Add attribution' }).click()
  const picker = app.field('Attributed by', 'attribution 9')
  await picker.fill('mois')
  const options = app.form().getByRole('listbox', { name: /Actors matching/ })
  await expect(options.getByRole('option').first()).toContainText('Ministry of Intelligence and Security (MOIS)')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveValue('Ministry of Intelligence and Security (MOIS)')
  await expect(app.form().getByRole('group', { name: /^attribution 9/ }).locator('.actor-link')).toContainText('Actor: Ministry of Intelligence and Security (MOIS)')

  // A responder picks the actor just created, then gets its own label back: the link stays.
  // The group is named by its label, which changes as it is typed.
  const response = app.form().getByRole('group', { name: /^response 1 by / })
  const responder = response.getByLabel('Responding actor', { exact: true })
  await responder.fill('alb')
  await response.getByRole('option', { name: /^Albania State/ }).click()
  await expect(responder).toHaveValue('Albania')
  await responder.fill('Government of Albania')
  await expect(response.locator('.actor-link')).toContainText('Actor: Albania')

  await app.saveForm()
  await expect(app.form().locator('.save-state')).toHaveText('Saved')
  const ws = JSON.parse((await app.workspaceBytes()).toString('utf8')) as {
    actors: { id: string; name: string; kind: string; country?: string }[]
    incidents: { id: string; attributions: { id: string; attributor: string; attributorActorId?: string }[]; responses: { id: string; actor: string; actorId?: string }[] }[]
  }
  const albaniaActor = ws.actors.find((a) => a.name === 'Albania')
  expect(albaniaActor).toMatchObject({ kind: 'state', country: 'AL' })
  const inc = ws.incidents.find((i) => i.id === 'inc-albania-2022-07')!
  expect(inc.attributions.find((a) => a.id === 'att-albania-gov')).toMatchObject({ attributor: 'Government of Albania (PM Edi Rama)', attributorActorId: albaniaActor!.id })
  expect(inc.attributions[8]).toMatchObject({ attributor: 'Ministry of Intelligence and Security (MOIS)', attributorActorId: 'actor-mois' })
  expect(inc.responses.find((r) => r.id === 'resp-albania-break-relations')).toMatchObject({ actor: 'Government of Albania', actorId: albaniaActor!.id })

  // The read view names the linked actor beside the label.
  await app.form().getByRole('button', { name: 'Read view' }).click()
  await expect(app.readView().locator('.read-response').first()).toContainText('Government of Albania (Albania)')
  // The actor cannot be deleted while claims cite it; the refusal names them.
  await page.getByRole('tab', { name: 'Actors' }).click()
  await page.getByRole('list', { name: 'Actors' }).getByRole('button', { name: /^Albania/ }).click()
  await page.getByRole('button', { name: 'Delete actor' }).click()
  await expect(page.locator('.toast', { hasText: 'the attribution by “Government of Albania (PM Edi Rama)” in incident “Destructive attack on Albanian government systems”' })).toBeVisible()
})

test('creating a Montenegro government attack in August 2022 shows the sample’s Montenegro incident as a likely duplicate, with a link that opens it', async ({ app, page }) => {
  await page.getByRole('button', { name: '+ New incident' }).click()
  await app.field('Title').fill('Cyberattack on Montenegrin government')
  await app.field('Start').fill('August 2022')
  const warning = app.form().getByRole('status', { name: 'Likely duplicates' })
  await expect(warning).toHaveCount(0)
  await app.form().getByRole('button', { name: '+ Add victim' }).click()
  await app.field('Country', 'victim 1').selectOption({ label: 'Montenegro' })
  await expect(warning).toBeVisible()
  const link = warning.getByRole('button', { name: 'Ransomware attack on Montenegrin government systems' })
  await expect(link).toBeVisible()
  await expect(warning).toContainText('Aug 2022')

  // The user may still save; nothing was saved until now.
  expect((await app.workspaceFile()).incidents.filter((i) => /Montenegr/.test(i.title))).toHaveLength(1)
  await link.click()
  await page.getByRole('alertdialog', { name: 'Discard unsaved changes?' }).getByRole('button', { name: 'Discard changes' }).click()
  await expect(app.readView().locator('.form-head h2')).toHaveText('Ransomware attack on Montenegrin government systems')
})

test('saving despite the warning keeps both incidents', async ({ app, page }) => {
  await page.getByRole('button', { name: '+ New incident' }).click()
  await app.field('Title').fill('Cyberattack on Montenegrin government')
  await app.field('Start').fill('2022-08-22')
  await app.form().getByRole('button', { name: '+ Add victim' }).click()
  await app.field('Country', 'victim 1').selectOption({ label: 'Montenegro' })
  await expect(app.form().getByRole('status', { name: 'Likely duplicates' })).toBeVisible()
  await app.saveForm()
  await expect(page.locator('.toast', { hasText: 'Saved “Cyberattack on Montenegrin government”' })).toBeVisible()
  // Once saved, the warning still names the other incident (never itself).
  await expect(app.form().getByRole('status', { name: 'Likely duplicates' }).getByRole('button')).toHaveText(['Ransomware attack on Montenegrin government systems'])
  expect((await app.workspaceFile()).incidents.filter((i) => /Montenegr/.test(i.title))).toHaveLength(2)
})
