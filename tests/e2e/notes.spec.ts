// Notes as an analyst uses them: write one, link the Albania incident with [[ autocomplete, see the backlink, find it in the palette, reopen.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

const ALBANIA = /^Destructive attack on Albanian/

async function notesFile(dir: string): Promise<{ notes: { id: string; title: string; body: string }[] }> {
  return JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))
}

test('writes a note linking the Albania incident, follows the backlink, finds it in the palette, and keeps it after reopening', async ({ app, page }) => {
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('heading', { name: 'No notes yet' })).toBeVisible()
  await page.getByRole('button', { name: '+ New note' }).click()

  const title = page.getByLabel('Title', { exact: true })
  await expect(title).toHaveValue('Untitled note')
  await title.fill('Timing of the wiper')
  const editor = page.getByRole('textbox', { name: 'Note text' })
  await editor.click()
  await page.keyboard.type('The wiper ran days before the summit at Manëz. See ')
  await page.keyboard.type('[[Destructive')
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: ALBANIA })
  await expect(option).toBeVisible()
  await expect(option).toContainText('Incident')
  await expect(option).toHaveAttribute('aria-selected', 'true')
  // Picked with the pointer: CodeMirror ignores an Enter within 75 ms of the list (re)opening, a time no test should wait out.
  await option.click()
  await expect(option).toBeHidden()
  await page.keyboard.type(' for the timeline.')

  // The editor shows the link by title; the file stores it by id.
  await expect(page.locator('.notes-editor .notes-link-incident')).toHaveText(ALBANIA)
  await expect(page.locator('.notes-save')).toHaveText('Saved')
  await expect.poll(async () => (await notesFile(app.dir)).notes[0]?.body).toBe('The wiper ran days before the summit at Manëz. See [[inc-albania-2022-07]] for the timeline.')
  await expect(page.locator('.notes-list .notes-row-title')).toHaveText(['Timing of the wiper'])

  // The preview's link opens the incident, whose detail pane lists the note.
  await page.locator('.notes-preview a.wikilink', { hasText: ALBANIA }).click()
  await expect(page.getByRole('tab', { name: 'Incidents' })).toHaveAttribute('aria-selected', 'true')
  await expect(app.readView().locator('.form-head h2')).toHaveText(ALBANIA)
  const backlinks = page.getByRole('region', { name: 'Notes that mention this record' })
  await expect(backlinks.getByRole('button', { name: /Timing of the wiper/ })).toBeVisible()
  await backlinks.getByRole('button', { name: /Timing of the wiper/ }).click()
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Timing of the wiper')

  // The palette finds the note by a word of its body, and opens it.
  await page.getByRole('tab', { name: 'Actors' }).click()
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search and commands' })
  await palette.getByRole('combobox').fill('manez')
  await expect(palette.getByRole('option', { name: /Timing of the wiper/ })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await palette.getByRole('option', { name: /Timing of the wiper/ }).click()
  await expect(palette).toBeHidden()
  await expect(page.getByRole('tab', { name: 'Notes' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Timing of the wiper')

  await app.reopen()
  await page.keyboard.press('Alt+5')
  await page.getByRole('button', { name: /Timing of the wiper/ }).click()
  await expect(page.locator('.notes-preview')).toContainText('The wiper ran days before the summit at Manëz.')
  await expect(page.locator('.notes-preview a.wikilink')).toHaveText(ALBANIA)
})

test('keeps what was typed when the page is closed right after typing', async ({ app, page, context }) => {
  await page.keyboard.press('Alt+5')
  await page.getByRole('button', { name: '+ New note' }).click()
  await page.getByRole('textbox', { name: 'Note text' }).click()
  await page.keyboard.type('Typed just before closing')
  await expect(page.locator('.notes-save')).not.toHaveText('Saved')
  await page.close()

  await expect.poll(async () => (await notesFile(app.dir)).notes[0]?.body, { timeout: 5000 }).toBe('Typed just before closing')
  const again = await context.newPage()
  await again.goto(app.host.url)
  await again.keyboard.press('Alt+5')
  await again.getByRole('button', { name: /Untitled note/ }).click()
  await expect(again.locator('.notes-preview')).toHaveText('Typed just before closing')
})

test('validates, filters by tag, pins, and deletes with undo', async ({ app: _app, page }) => {
  await page.keyboard.press('Alt+5')
  await page.getByRole('button', { name: '+ New note' }).click()
  const title = page.getByLabel('Title', { exact: true })
  await title.fill('')
  await expect(page.locator('.notes-save')).toHaveText('Not saved: Title is required')
  await title.fill('Leak dumps')
  await page.getByLabel('Tags', { exact: true }).fill('homeland-justice, leaks')
  await page.getByLabel('Date', { exact: true }).fill('2022-09-19')
  await expect(page.locator('.notes-save')).toHaveText('Saved')

  // A link to a record that does not exist saves, and is listed as broken until it goes.
  await page.getByRole('textbox', { name: 'Note text' }).click()
  await page.keyboard.type('see [[inc-nowhere]]')
  await expect(page.getByRole('list', { name: 'Broken links' })).toContainText('[[inc-nowhere]]')
  await expect(page.locator('.notes-save')).toHaveText('Saved')
  await page.keyboard.press('Backspace')
  await expect(page.getByRole('list', { name: 'Broken links' })).toHaveCount(0)
  await page.keyboard.type('ok')
  await expect(page.locator('.notes-save')).toHaveText('Saved')

  await page.getByRole('button', { name: '+ New note' }).click()
  await page.getByLabel('Title', { exact: true }).fill('Pinned judgement')
  await page.getByLabel(/^Pinned/).check()
  await expect(page.locator('.notes-save')).toHaveText('Saved')
  await expect(page.locator('.notes-list .notes-row-title')).toHaveText(['📌 Pinned judgement', 'Leak dumps'])

  await page.getByRole('group', { name: 'Filter notes by tag' }).getByRole('button', { name: '#leaks' }).click()
  await expect(page.locator('.notes-list .notes-row-title')).toHaveText(['Leak dumps'])
  await page.getByRole('group', { name: 'Filter notes by tag' }).getByRole('button', { name: 'All' }).click()

  await page.getByRole('button', { name: 'Delete note' }).click()
  await expect(page.locator('.notes-list .notes-row-title')).toHaveText(['Leak dumps'])
  await page.locator('.toast').getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('.notes-list .notes-row-title')).toHaveText(['📌 Pinned judgement', 'Leak dumps'])
})

test('the palette runs commands and shows only those the host supports', async ({ app: _app, page }) => {
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search and commands' })
  await palette.getByRole('combobox').fill('go to')
  // Commands come first, then records whose words start like "go" and "to".
  await expect(palette.getByRole('option').first()).toHaveText('Go to IncidentsAlt+1')
  await expect(palette.getByRole('option', { name: /^Go to / })).toHaveText(['Go to IncidentsAlt+1', 'Go to ActorsAlt+2', 'Go to MapAlt+3', 'Go to TimelineAlt+4', 'Go to NotesAlt+5', 'Go to ReportsAlt+6', 'Go to SourcesAlt+7', 'Go to SharingAlt+8'])
  await palette.getByRole('combobox').fill('open workspace')
  // The browser host serves one workspace and has no folder dialog.
  await expect(palette.getByRole('option', { name: /Open workspace/ })).toHaveCount(0)
  await expect(palette.getByText('Nothing matches “open workspace”')).toBeVisible()
  await palette.getByRole('combobox').fill('new note')
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Untitled note')
  await page.keyboard.press('Control+k')
  await palette.getByRole('combobox').fill('new incident')
  await page.keyboard.press('Enter')
  await expect(page.locator('#incident-form .form-head h2')).toHaveText('New incident')
  await page.keyboard.press('Control+k')
  await page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
})
