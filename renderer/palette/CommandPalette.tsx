// The command palette (Ctrl/Cmd+K): commands by name and full-text search over incidents, actors, sources and notes.
// A modal dialog: focus stays in it while it is open, Escape always closes it, and focus goes back where it was.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { RECORD_KIND_LABELS } from '../../shared/wikiLinks'
import { formatCount } from '../locale'
import { openRecord } from '../notes/actions'
import { setPalette } from '../state/actions'
import { useApp } from '../state/store'
import { useFocusTrap } from '../components/useFocusTrap'
import { paletteCommands } from './commands'
import { searchIndex, startSearchIndex, useSearchReady } from './searchStore'

interface Item {
  key: string
  label: string
  detail: string
  run(): void
}

export function CommandPalette() {
  const open = useApp((s) => s.palette)
  const loaded = useApp((s) => s.status === 'ready')
  // Index in the background as soon as a workspace is loaded, so the first search does not wait.
  useEffect(() => {
    if (loaded) startSearchIndex()
  }, [loaded])
  if (!open) return null
  return <Palette />
}

const close = () => setPalette(false)

function Palette() {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const dialog = useRef<HTMLDivElement>(null)
  // Re-search when records change while the palette is open.
  const incidents = useApp((s) => s.incidents)
  const actors = useApp((s) => s.actors)
  const sources = useApp((s) => s.sources)
  const notes = useApp((s) => s.notes)
  const ready = useSearchReady()
  const total = incidents.length + actors.length + sources.length + notes.length
  const items = useMemo<Item[]>(() => {
    const q = query.trim().toLowerCase()
    const cmds = paletteCommands()
      .filter((c) => q === '' || c.label.toLowerCase().includes(q))
      .map((c) => ({ key: `cmd:${c.name}`, label: c.label, detail: c.shortcut ?? 'Command', run: c.perform }))
    const hits = (searchIndex()?.search(query, 30) ?? []).map((h) => ({ key: `rec:${h.id}`, label: h.title, detail: RECORD_KIND_LABELS[h.kind], run: () => openRecord(h.kind, h.id) }))
    return [...cmds, ...hits]
    // The record lists are dependencies so the results follow edits made while the palette is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, incidents, actors, sources, notes, ready])

  useFocusTrap(dialog, close, input)
  useEffect(() => setActive(0), [query])

  function run(item: Item | undefined) {
    if (!item) return
    close()
    item.run()
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((a) => (items.length === 0 ? 0 : (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      run(items[active])
    }
  }

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div ref={dialog} className="palette" role="dialog" aria-modal="true" aria-label="Search and commands" onKeyDown={onKeyDown}>
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={items[active] ? `palette-${active}` : undefined}
          aria-label="Search records or type a command"
          placeholder="Search incidents, actors, sources and notes, or type a command…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul id="palette-list" className="palette-list" role="listbox" aria-label="Results">
          {items.map((item, n) => (
            <li
              key={item.key}
              id={`palette-${n}`}
              role="option"
              aria-selected={n === active}
              className={`palette-item${n === active ? ' active' : ''}`}
              onMouseMove={() => setActive(n)}
              onClick={() => run(item)}
            >
              <span className="palette-label">{item.label}</span>
              <span className="palette-detail">{item.detail}</span>
            </li>
          ))}
        </ul>
        {!ready ? (
          <p className="palette-empty" role="status">
            Indexing {formatCount(total)} records for search… commands work meanwhile.
          </p>
        ) : null}
        {ready && items.length === 0 ? <p className="palette-empty">Nothing matches “{query}”. Try another word, or fewer letters.</p> : null}
        <p className="palette-hint">↑ ↓ to move · Enter to open or run · Esc to close</p>
      </div>
    </div>
  )
}
