// The note's [[links]] that name no record, listed under the editor: each can be relinked to a record (found by title) or removed, leaving its text.
import { useEffect, useMemo, useRef, useState } from 'react'
import { findLinkTargets } from '../../shared/linkTargets'
import { parseWikiLinks, type RecordRef, type WikiLink } from '../../shared/wikiLinks'
import { searchIndex } from '../palette/searchStore'
import { refDetail } from './wikiLinkExtensions'

/** One replacement in the note text, by offsets of the text as it is now. */
export interface TextChange {
  from: number
  to: number
  insert: string
}

interface Props {
  noteId: string
  body: string
  refs: Map<string, RecordRef>
  readOnly: boolean
  onChange(changes: TextChange[]): void
}

export function BrokenLinks({ noteId, body, refs, readOnly, onChange }: Props) {
  const broken = useMemo(() => {
    const byId = new Map<string, WikiLink[]>()
    for (const l of parseWikiLinks(body)) if (!refs.has(l.id) && l.id !== noteId) byId.set(l.id, [...(byId.get(l.id) ?? []), l])
    return [...byId]
  }, [body, refs, noteId])
  const [relinking, setRelinking] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const search = useRef<HTMLInputElement>(null)
  // Focus moves into the search when it opens, for keyboard users.
  useEffect(() => {
    if (relinking) search.current?.focus()
  }, [relinking])
  const index = searchIndex()
  const found = useMemo(() => (relinking ? findLinkTargets(query, refs, index ? (q, n) => index.search(q, n) : undefined, 8) : []), [relinking, query, refs, index])

  if (broken.length === 0) return null
  const relink = (links: WikiLink[], to: RecordRef) => {
    onChange(links.map((l) => ({ from: l.from, to: l.to, insert: l.label ? `[[${to.id}|${l.label}]]` : `[[${to.id}]]` })))
    setRelinking(null)
  }
  const remove = (links: WikiLink[]) => onChange(links.map((l) => ({ from: l.from, to: l.to, insert: l.label ?? l.id })))

  return (
    <section className="notes-broken" aria-labelledby="notes-broken-title">
      <h2 id="notes-broken-title">
        Broken links <span className="muted">({broken.length})</span>
      </h2>
      <p className="muted">These links name no incident, actor, source or note. The note is saved with them; relink each to a record, or remove the link and keep its text.</p>
      <ul aria-label="Broken links">
        {broken.map(([id, links]) => (
          <li key={id}>
            <div className="notes-broken-row">
              <code>[[{id}]]</code>
              {links.length > 1 ? <span className="muted"> ×{links.length}</span> : null}
              <button type="button" disabled={readOnly} aria-expanded={relinking === id} onClick={() => (setRelinking(relinking === id ? null : id), setQuery(links[0].label ?? id))}>
                Relink…
              </button>
              <button type="button" disabled={readOnly} onClick={() => remove(links)}>
                Remove link
              </button>
            </div>
            {relinking === id ? (
              <div className="notes-relink" role="group" aria-label={`Relink [[${id}]]`}>
                <input
                  aria-label={`Find the record [[${id}]] should name`}
                  value={query}
                  autoComplete="off"
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') {
                      e.preventDefault()
                      setRelinking(null)
                    } else if (e.key === 'Enter' && found[0]) {
                      e.preventDefault()
                      relink(links, found[0])
                    }
                  }}
                  ref={search}
                />
                {found.length === 0 ? (
                  <p className="muted">{query.trim() ? 'No record matches; try another word of its title.' : 'Type a few words of the record’s title.'}</p>
                ) : (
                  <ul aria-label="Matching records">
                    {found.map((r) => (
                      <li key={r.id}>
                        <button type="button" className="link-button" onClick={() => relink(links, r)}>
                          {r.title}
                        </button>{' '}
                        <span className="muted">{refDetail(r)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
