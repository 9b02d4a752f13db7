// Notes' links: `[[` completion shows each record's type and date and offers the likeliest first; a link to no record saves, is listed as broken, and can be relinked or removed.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './support/fixtures'

async function noteBody(dir: string): Promise<string | undefined> {
  const ws = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as { notes: { body: string }[] }
  return ws.notes[0]?.body
}

test('[[ completion shows type and date, and “Albanian gov” offers the July 2022 attack first', async ({ app, page }) => {
  await app.waitForReady()
  await page.keyboard.press('Alt+5')
  await page.getByRole('button', { name: '+ New note' }).click()
  await page.getByRole('textbox', { name: 'Note text' }).click()
  await page.keyboard.type('[[Albanian gov')
  const options = page.locator('.cm-tooltip-autocomplete li')
  await expect(options.first()).toContainText('Destructive attack on Albanian government systems')
  await expect(options.first()).toContainText('Incident · 15 Jul 2022')
  await expect(options.filter({ hasText: 'HomeLand Justice leaks of Albanian government data' })).toContainText('Incident · 19 Sept 2022')
  await options.first().click()
  await expect(page.locator('.notes-editor .notes-link-incident')).toHaveText('Destructive attack on Albanian government systems')
})

test('a note with a broken link saves and lists it as broken; relinking and removing fix it', async ({ app, page }) => {
  await page.keyboard.press('Alt+5')
  await page.getByRole('button', { name: '+ New note' }).click()
  await page.getByLabel('Title', { exact: true }).fill('Border systems')
  await page.getByRole('textbox', { name: 'Note text' }).click()
  await page.keyboard.insertText('Compare [[inc-tirana-2023|the border attack]] with [[inc-gone]].')

  // Saved as typed, the link shown as broken in the editor and the preview, and listed under the editor.
  await expect(page.locator('.notes-save')).toHaveText('Saved')
  await expect.poll(() => noteBody(app.dir)).toBe('Compare [[inc-tirana-2023|the border attack]] with [[inc-gone]].')
  await expect(page.locator('.notes-editor .notes-link-missing')).toHaveCount(2)
  await expect(page.locator('.notes-preview .wikilink.missing')).toHaveCount(2)
  const broken = page.getByRole('list', { name: 'Broken links' })
  await expect(broken.locator('code')).toHaveText(['[[inc-tirana-2023]]', '[[inc-gone]]'])

  // Relink: the search starts from the link's label; the record is picked by its title.
  await broken.getByRole('listitem').filter({ hasText: 'inc-tirana-2023' }).getByRole('button', { name: 'Relink…' }).click()
  const search = page.getByLabel('Find the record [[inc-tirana-2023]] should name')
  await expect(search).toBeFocused()
  await expect(search).toHaveValue('the border attack')
  await search.fill('TIMS border')
  const match = page.getByRole('list', { name: 'Matching records' }).getByRole('listitem').first()
  await expect(match).toContainText('Attack on Albania’s TIMS border control system')
  await expect(match).toContainText('Incident · 9 Sept 2022')
  await match.getByRole('button').click()
  await expect(broken.locator('code')).toHaveText(['[[inc-gone]]'])
  await expect(page.locator('.notes-editor .notes-link-incident')).toHaveText('Attack on Albania’s TIMS border control system')
  await expect.poll(() => noteBody(app.dir)).toBe('Compare [[inc-albania-tims-2022-09|the border attack]] with [[inc-gone]].')

  // Remove: the link goes, its text stays.
  await broken.getByRole('button', { name: 'Remove link' }).click()
  await expect(page.getByRole('list', { name: 'Broken links' })).toHaveCount(0)
  await expect.poll(() => noteBody(app.dir)).toBe('Compare [[inc-albania-tims-2022-09|the border attack]] with inc-gone.')

  // Undo in the editor brings the link back, broken again.
  await page.getByRole('textbox', { name: 'Note text' }).click()
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('list', { name: 'Broken links' }).locator('code')).toHaveText(['[[inc-gone]]'])
})
