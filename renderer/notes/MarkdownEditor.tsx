// The note text editor: CodeMirror 6 with markdown highlighting, history, `[[` links, and the text reported on every change.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { tags } from '@lezer/highlight'
import { completionKeymap } from '@codemirror/autocomplete'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, placeholder } from '@codemirror/view'
import { useEffect, useRef, type RefObject } from 'react'
import { wikiLinkExtensions, type Lookup } from './wikiLinkExtensions'

interface Props {
  /** Text when the editor opens; later changes of this prop are ignored (the editor owns the text). */
  initial: string
  onChange(text: string): void
  onBlur(): void
  lookup: Lookup
  readOnly: boolean
  /** Set to a function that replaces ranges of the text as one undoable edit (reported through onChange). */
  replaceRef?: RefObject<((changes: { from: number; to: number; insert: string }[]) => void) | null>
}

// Colours come from the app's CSS variables, so the editor follows the light and dark themes without being rebuilt.
const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--bg)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '13px', caretColor: 'var(--text)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--link-bg)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel-2)', color: 'var(--text)', border: '1px solid var(--line)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent-2)', color: 'var(--on-accent)' },
  '.cm-completionDetail': { color: 'var(--muted)' },
})

const markdownColours = HighlightStyle.define([
  { tag: tags.heading, fontWeight: 'bold', color: 'var(--strong)' },
  { tag: tags.strong, fontWeight: 'bold' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strikethrough, textDecoration: 'line-through' },
  { tag: [tags.link, tags.url], color: 'var(--accent-text)' },
  { tag: [tags.monospace, tags.quote, tags.processingInstruction, tags.contentSeparator], color: 'var(--muted)' },
])

export function MarkdownEditor({ initial, onChange, onBlur, lookup, readOnly, replaceRef }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const callbacks = useRef({ onChange, onBlur, lookup })
  callbacks.current = { onChange, onBlur, lookup }

  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initial,
        extensions: [
          history(),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          markdown(),
          syntaxHighlighting(markdownColours),
          EditorView.lineWrapping,
          placeholder('Write in markdown. Type [[ to link an incident, actor, source or note.'),
          wikiLinkExtensions(() => callbacks.current.lookup()),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ 'aria-label': 'Note text', 'aria-multiline': 'true' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) callbacks.current.onChange(u.state.doc.toString())
            if (u.focusChanged && !u.view.hasFocus) callbacks.current.onBlur()
          }),
          theme,
        ],
      }),
    })
    if (replaceRef) replaceRef.current = (changes) => view.dispatch({ changes })
    return () => {
      if (replaceRef) replaceRef.current = null
      view.destroy()
    }
    // The editor is created once per note (the parent keys it by note id).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return <div className="notes-editor" ref={host} />
}
