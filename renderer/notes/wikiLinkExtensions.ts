// CodeMirror extensions for wiki links: `[[` autocomplete over every record, and links shown by their record's title.
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { RangeSetBuilder } from '@codemirror/state'
import { Decoration, EditorView, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view'
import { parseWikiLinks, RECORD_KIND_LABELS, type RecordRef } from '../../shared/wikiLinks'
import { findLinkTargets } from '../../shared/linkTargets'
import { formatDate } from '../locale'
import { searchIndex } from '../palette/searchStore'

export type Lookup = () => Map<string, RecordRef>

/** How many records the completion list offers before the user has typed two characters. */
const FIRST_OPTIONS = 60

/** "Incident · 15 Jul 2022": what a completion or relink option says beside its title. */
export function refDetail(ref: RecordRef): string {
  return ref.date ? `${RECORD_KIND_LABELS[ref.kind]} · ${formatDate(ref.date)}` : RECORD_KIND_LABELS[ref.kind]
}

function option(ref: RecordRef): Completion {
  return {
    label: ref.title,
    detail: refDetail(ref),
    type: ref.kind === 'note' ? 'text' : 'class',
    apply: (view, _completion, from, to) => {
      // Replace the typed `[[query` (and a `]]` already there) with the link by id.
      const end = view.state.sliceDoc(to, to + 2) === ']]' ? to + 2 : to
      const insert = `[[${ref.id}]]`
      view.dispatch({ changes: { from: from - 2, to: end, insert }, selection: { anchor: from - 2 + insert.length } })
    },
  }
}

function wikiCompletions(lookup: Lookup) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const typed = ctx.matchBefore(/\[\[[^[\]\n|]*$/)
    if (!typed) return null
    const query = typed.text.slice(2)
    const from = typed.from + 2
    const index = searchIndex()
    if (index && query.trim().length >= 2) {
      return { from, filter: false, options: findLinkTargets(query, lookup(), (q, n) => index.search(q, n)).map(option) }
    }
    // Until the index is ready, titles are filtered as typed.
    const all = [...lookup().values()]
    const firstKinds = all.filter((r) => r.kind === 'note' || r.kind === 'actor').concat(all.filter((r) => r.kind === 'incident' || r.kind === 'source'))
    return { from, options: firstKinds.slice(0, FIRST_OPTIONS).map(option) }
  }
}

class LinkWidget extends WidgetType {
  constructor(
    readonly ref: RecordRef | undefined,
    readonly id: string,
  ) {
    super()
  }
  eq(other: LinkWidget): boolean {
    return other.id === this.id && other.ref?.title === this.ref?.title
  }
  toDOM(): HTMLElement {
    const span = document.createElement('span')
    span.className = this.ref ? `notes-link notes-link-${this.ref.kind}` : 'notes-link notes-link-missing'
    // textContent, never innerHTML: titles are user text.
    span.textContent = this.ref ? this.ref.title : `${this.id} (missing)`
    span.title = this.ref ? `${RECORD_KIND_LABELS[this.ref.kind]} · ${this.id}` : `No record with id ${this.id}`
    return span
  }
  ignoreEvent(): boolean {
    return false
  }
}

function linkDecorations(view: EditorView, lookup: Lookup): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  const refs = lookup()
  for (const { from, to } of view.visibleRanges) {
    const text = view.state.sliceDoc(from, to)
    for (const link of parseWikiLinks(text)) {
      builder.add(from + link.from, from + link.to, Decoration.replace({ widget: new LinkWidget(refs.get(link.id), link.id) }))
    }
  }
  return builder.finish()
}

/** `[[` completion plus links drawn as their record's current title (atomic: one Backspace removes a link). */
export function wikiLinkExtensions(lookup: Lookup) {
  const plugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet
      constructor(view: EditorView) {
        this.decorations = linkDecorations(view, lookup)
      }
      update(update: ViewUpdate) {
        this.decorations = linkDecorations(update.view, lookup)
      }
    },
    {
      decorations: (v) => v.decorations,
      provide: (p) => EditorView.atomicRanges.of((view) => view.plugin(p)?.decorations ?? Decoration.none),
    },
  )
  return [autocompletion({ override: [wikiCompletions(lookup)], activateOnTyping: true }), plugin]
}
