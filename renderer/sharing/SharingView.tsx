// Settings › Sharing: TAXII 2.1 connections, their test (collections with rights), and push / pull with progress and plain-words errors.
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { AuthKind, CollectionView, ConnectionTest, ConnectionView, PushResult, SharingOverview, SharingProgress } from '../../shared/sharing'
import { errorMessage } from '../state/actions'
import { ScopeChoices, useDataScope } from '../interchange/ScopeChoices'
import { listConnections, pull, push, removeConnection, saveConnection, testConnection } from './actions'
import { EmptyState } from '../components/EmptyState'

type Draft = { id?: string; name: string; server: string; auth: AuthKind; user: string; tokenHeader: string; secret: string }
const blank = (): Draft => ({ name: '', server: '', auth: 'basic', user: '', tokenHeader: 'Authorization', secret: '' })
const draftOf = (c: ConnectionView): Draft => ({ id: c.id, name: c.name, server: c.server, auth: c.auth, user: c.user ?? '', tokenHeader: c.tokenHeader ?? 'Authorization', secret: '' })

const rights = (c: CollectionView) => [c.canRead ? 'read' : '', c.canWrite ? 'write' : ''].filter(Boolean).join(' and ') || 'no access'

export function SharingView() {
  const [overview, setOverview] = useState<SharingOverview | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft>(blank)
  const [error, setError] = useState<string | null>(null)
  const reload = useCallback(() => {
    listConnections().then(
      (o) => {
        setOverview(o)
        setSelected((s) => (s && o.connections.some((c) => c.id === s) ? s : (o.connections[0]?.id ?? null)))
      },
      (err) => setError(errorMessage(err)),
    )
  }, [])
  useEffect(reload, [reload])
  const connection = overview?.connections.find((c) => c.id === selected) ?? null
  useEffect(() => setDraft(connection ? draftOf(connection) : blank()), [connection])

  async function save(e: FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      const saved = await saveConnection({
        ...(draft.id ? { id: draft.id } : {}),
        name: draft.name,
        server: draft.server,
        auth: draft.auth,
        ...(draft.auth === 'basic' ? { user: draft.user } : {}),
        ...(draft.auth === 'token' ? { tokenHeader: draft.tokenHeader } : {}),
        ...(draft.secret ? { secret: draft.secret } : {}),
      })
      setSelected(saved.id)
      reload()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <div className="view sharing-view">
      <div className="split">
        <section className="list-pane" aria-label="Connections">
          <div className="toolbar">
            <button type="button" className="primary" data-view-start="" onClick={() => (setSelected(null), setDraft(blank()))}>
              + New connection
            </button>
          </div>
          {overview && overview.connections.length === 0 ? (
            <EmptyState title="No TAXII servers yet">
              Add your team’s TAXII 2.1 server (OpenCTI, MISP, or any other) with its discovery address and your credentials; then test it, push this workspace’s incidents and pull your colleagues’.
            </EmptyState>
          ) : (
            <ul className="sharing-connections" aria-label="Saved connections">
              {overview?.connections.map((c) => (
                <li key={c.id}>
                  <button type="button" aria-pressed={c.id === selected} onClick={() => setSelected(c.id)}>
                    <strong>{c.name}</strong> <span className="muted">{c.server}</span>
                    <span className="muted"> · saved credentials: {c.savedCredentials ? 'yes' : 'no'}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {overview ? <p className="field-hint">Passwords and tokens are kept in {overview.secretStore}, never in the workspace or its exports.</p> : null}
        </section>
        <section className="detail-pane sharing-detail" aria-label="Connection">
          <form className="sharing-form" aria-label="Connection settings" onSubmit={(e) => void save(e)}>
            <h2>{draft.id ? draft.name || 'Connection' : 'New connection'}</h2>
            <label className="field">
              Name
              <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} placeholder="Team server" />
            </label>
            <label className="field">
              Discovery address
              <input value={draft.server} onChange={(e) => setDraft({ ...draft, server: e.target.value })} placeholder="https://cti.example.org/taxii2/" />
            </label>
            <label className="field">
              Sign in with
              <select value={draft.auth} onChange={(e) => setDraft({ ...draft, auth: e.target.value as AuthKind })}>
                <option value="basic">User name and password (HTTP Basic)</option>
                <option value="token">An API token in a header</option>
                <option value="none">Nothing (an open server)</option>
              </select>
            </label>
            {draft.auth === 'basic' ? (
              <label className="field">
                User name
                <input value={draft.user} autoComplete="off" onChange={(e) => setDraft({ ...draft, user: e.target.value })} />
              </label>
            ) : null}
            {draft.auth === 'token' ? (
              <label className="field">
                Token header
                <input value={draft.tokenHeader} onChange={(e) => setDraft({ ...draft, tokenHeader: e.target.value })} />
              </label>
            ) : null}
            {draft.auth !== 'none' ? (
              <label className="field">
                {draft.auth === 'basic' ? 'Password' : 'Token'}
                <input
                  type="password"
                  autoComplete="off"
                  value={draft.secret}
                  placeholder={connection?.savedCredentials ? 'Saved — leave empty to keep it' : ''}
                  onChange={(e) => setDraft({ ...draft, secret: e.target.value })}
                />
              </label>
            ) : null}
            <div className="toolbar">
              <button type="submit" className="primary">
                Save connection
              </button>
              {connection ? (
                <button type="button" onClick={() => void removeConnection(connection.id, reload).then(reload, (err) => setError(errorMessage(err)))}>
                  Remove
                </button>
              ) : null}
            </div>
          </form>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {connection ? <Collections key={connection.id} connection={connection} /> : null}
        </section>
      </div>
    </div>
  )
}

/** Test connection, then push to or pull from one of the server's collections. */
function Collections({ connection }: { connection: ConnectionView }) {
  const [test, setTest] = useState<ConnectionTest | null>(null)
  const [chosen, setChosen] = useState<CollectionView | null>(null)
  const scope = useDataScope()
  const [busy, setBusy] = useState<string | null>(null)
  const [progress, setProgress] = useState<SharingProgress | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const [failures, setFailures] = useState<PushResult['failures']>([])
  const [error, setError] = useState<string | null>(null)

  async function run<T>(label: string, work: () => Promise<T>, done: (value: T) => void) {
    setBusy(label)
    setError(null)
    setOutcome(null)
    setFailures([])
    try {
      done(await work())
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  const runTest = () =>
    run('Testing the connection…', () => testConnection(connection.id), (t) => {
      setTest(t)
      const all = t.apiRoots.flatMap((r) => r.collections)
      setChosen((c) => all.find((x) => x.id === c?.id && x.apiRoot === c?.apiRoot) ?? all.find((x) => x.canWrite || x.canRead) ?? null)
      setOutcome(`Connected to ${t.title}: ${all.length} collection${all.length === 1 ? '' : 's'}.`)
    })

  /** Reads the collections again, quietly, so their last push and pull show what just happened. */
  const refresh = () => void testConnection(connection.id).then(setTest, () => undefined)

  const ref = chosen ? { apiRoot: chosen.apiRoot, id: chosen.id } : null

  return (
    <div className="sharing-collections">
      <div className="toolbar">
        <button type="button" disabled={!!busy} onClick={() => void runTest()}>
          Test connection
        </button>
      </div>
      {test ? (
        <table className="import-table" aria-label="Collections on the server">
          <thead>
            <tr>
              <th scope="col">Collection</th>
              <th scope="col">Rights</th>
              <th scope="col">Last push</th>
              <th scope="col">Last pull</th>
            </tr>
          </thead>
          <tbody>
            {test.apiRoots.flatMap((r) =>
              r.collections.map((c) => (
                <tr key={`${r.url} ${c.id}`}>
                  <th scope="row">
                    <label className="check">
                      <input type="radio" name="sharing-collection" checked={chosen?.id === c.id && chosen.apiRoot === c.apiRoot} onChange={() => setChosen(c)} /> {c.title}
                    </label>
                  </th>
                  <td>{rights(c)}</td>
                  <td>{c.lastPush ? new Date(c.lastPush).toLocaleString() : 'never'}</td>
                  <td>{c.lastPull ? new Date(c.lastPull).toLocaleString() : 'never'}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : (
        <p className="field-hint">Test the connection to see the server’s collections and what this account may do in each.</p>
      )}
      {test && chosen && ref ? (
        <fieldset className="sharing-actions">
          <legend>With “{chosen.title}”</legend>
          <ScopeChoices name="push-scope" scope={scope} />
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              disabled={!!busy || !chosen.canWrite}
              title={chosen.canWrite ? undefined : 'This collection is read only for this account'}
              onClick={() =>
                void run('Pushing…', () => push(connection.id, ref, scope.chosen, setProgress), (r) => {
                  setOutcome(`Pushed to “${r.collection}”: ${r.succeeded} sent, ${r.failures.length} refused, ${r.unchanged} unchanged since the last push${r.alreadyThere ? `, ${r.alreadyThere} already there` : ''}.`)
                  setFailures(r.failures)
                  refresh()
                })
              }
            >
              Push
            </button>
            <button
              type="button"
              disabled={!!busy || !chosen.canRead}
              title={chosen.canRead ? undefined : 'This collection is write only for this account'}
              onClick={() =>
                void run('Pulling…', () => pull(connection.id, ref, setProgress), (r) => {
                  setOutcome(r.preview ? `Fetched ${r.fetched} new objects from “${r.collection}”; check the preview before importing.` : `Nothing new in “${r.collection}” since the last pull.`)
                  refresh()
                })
              }
            >
              Pull
            </button>
          </div>
        </fieldset>
      ) : null}
      <p className="sharing-status" role="status">
        {busy ? (progress ? `${progress.stage}${progress.total ? ` ${progress.done} of ${progress.total}` : ''}` : busy) : (outcome ?? '')}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {failures.length > 0 ? (
        <details className="import-reasons" open>
          <summary>{failures.length} objects refused by the server</summary>
          <ul>
            {failures.slice(0, 200).map((f) => (
              <li key={f.id}>
                {f.type} <code>{f.id}</code>: {f.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
