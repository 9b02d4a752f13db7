// The map view: filter bar, map toolbar (shade by victim or sponsor, fit, export, theme), the map with legend and tooltip, and the detail pane.
import 'mapbox-gl/dist/mapbox-gl.css'
import { useEffect, useRef, useState } from 'react'
import { countryName } from '../../shared/countries'
import { FilterBar } from '../incidents/FilterBar'
import { IncidentDetail } from '../incidents/IncidentDetail'
import { errorMessage, selectIncidents, setFilter, toast } from '../state/actions'
import { editIncident } from '../incidents/actions'
import { getState, useApp } from '../state/store'
import { exportMapPng, exportTitle } from './exportMapPng'
import { assetBase } from './geoAssets'
import type { CountryRole, MapData } from '../../shared/mapData'
import { MapLegend } from './MapLegend'
import { useMapData } from './useMapData'
import { exposeHandle, mapBuildStats } from '../debug'
import { useTheme } from '../state/theme'
import { CountryList } from './CountryList'
import { WorldMap, type HoverInfo } from './WorldMap'

/** Filters the app to `iso` as victim or sponsor, as clicking the country does; says so when no incident names it. */
function filterToCountry(iso: string, role: CountryRole): void {
  const named = getState().incidents.some((i) => (role === 'victim' ? i.victims.some((v) => v.country === iso) : i.sponsorCountries.includes(iso)))
  if (!named) return toast('info', `No incident names ${countryName(iso)} as ${role}.`)
  setFilter(role === 'victim' ? { victim: iso } : { sponsor: iso })
}

function tooltipText(h: HoverInfo, data: MapData | null): string[] {
  if (h.kind === 'country') {
    if (!h.iso) return [h.name ?? '', 'No ISO code: not counted']
    const v = data?.counts.victim.get(h.iso) ?? 0
    const s = data?.counts.sponsor.get(h.iso) ?? 0
    return [h.name ?? h.iso, `${v} incident${v === 1 ? '' : 's'} as victim · ${s} as sponsor`]
  }
  if (h.kind === 'arc') return [`${countryName(h.from!)} → ${countryName(h.to!)}`, `${h.count} incident${h.count === 1 ? '' : 's'} · click to select`]
  if (h.count) return [`${h.count} incidents here`, 'Click to zoom in']
  return [h.title ?? '', h.name ?? '']
}

export function MapView() {
  const { data, anchors, incidents, total, error } = useMapData()
  const selection = useApp((s) => s.selection)
  const filter = useApp((s) => s.filter)
  const editing = useApp((s) => s.incident)
  const [role, setRole] = useState<CountryRole>('victim')
  const theme = useTheme()
  const [mapError, setMapError] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const tip = useRef<HTMLDivElement>(null)
  const world = useRef<WorldMap | null>(null)
  const live = useRef({ data, role })
  live.current = { data, role }
  const fitted = useRef(false)

  useEffect(() => {
    const container = box.current!
    let map: WorldMap
    try {
      map = new WorldMap(container, {
        theme,
        base: assetBase(),
        onError: setMapError,
        onSelect: (ids) => ids.length > 0 && selectIncidents(ids),
        onCountryClick: (iso) => filterToCountry(iso, live.current.role),
        onHover: (h) => {
          const el = tip.current
          if (!el) return
          if (!h) return void (el.hidden = true)
          const [head, body] = tooltipText(h, live.current.data)
          el.firstElementChild!.textContent = head
          el.lastElementChild!.textContent = body
          el.style.transform = `translate(${Math.round(h.x + 14)}px, ${Math.round(h.y + 14)}px)`
          el.hidden = false
        },
      })
    } catch (err) {
      // mapbox-gl throws when WebGL is unavailable.
      setMapError(errorMessage(err))
      return
    }
    world.current = map
    // The map canvas is where the view's keyboard work starts (arrows pan, + and − zoom).
    map.map.getCanvas().setAttribute('data-view-start', '')
    map.map.getCanvas().setAttribute('aria-label', 'Map of incidents: arrow keys pan, + and − zoom; the Countries list picks a country')
    const hide = exposeHandle('__watchfloorMap', { map: map.map, places: map.places, stats: map.stats, build: mapBuildStats })
    const resize = new ResizeObserver(() => map.resize())
    resize.observe(container)
    return () => {
      resize.disconnect()
      map.destroy()
      world.current = null
      hide()
    }
    // The map is made once; theme changes go through setTheme below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!data || !world.current) return
    world.current.setData(data)
    if (!fitted.current) {
      fitted.current = true
      void world.current.fit(data.bounds, true)
    }
  }, [data])
  useEffect(() => world.current?.setMode(role), [role])
  useEffect(() => world.current?.setSelection(selection), [selection])
  useEffect(() => world.current?.setFocus(role === 'victim' ? filter.victim : filter.sponsor), [role, filter.victim, filter.sponsor])
  useEffect(() => world.current?.setTheme(theme), [theme])

  const exportPng = async () => {
    setExporting(true)
    try {
      const png = await exportMapPng({ incidents, role, title: exportTitle(filter.victim, filter.sponsor) })
      const a = document.createElement('a')
      a.href = URL.createObjectURL(png.blob)
      a.download = `watchfloor-map-${new Date().toISOString().slice(0, 10)}.png`
      a.click()
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
      toast('info', `Exported the map of ${incidents.length} incidents (TLP:${png.tlp}).`)
    } catch (err) {
      toast('error', `Map export failed: ${errorMessage(err)}`)
    } finally {
      setExporting(false)
    }
  }

  const problem = mapError ?? error
  const showDetail = editing.kind !== 'none'
  return (
    <div className="view map-view">
      <FilterBar shown={incidents.length} total={total} />
      <div className={showDetail ? 'map-split map-with-detail' : 'map-split'}>
        <section className="map-pane" aria-label="Map of incidents">
          <div className="toolbar map-toolbar">
            <fieldset className="map-role" aria-label="Shade countries by">
              <span className="muted">Shade countries</span>
              {(['victim', 'sponsor'] as const).map((r) => (
                <label key={r} className={role === r ? 'map-role-on' : ''}>
                  <input type="radio" name="map-role" value={r} checked={role === r} onChange={() => setRole(r)} />
                  as {r}
                </label>
              ))}
            </fieldset>
            <button type="button" onClick={() => void world.current?.fit(data?.bounds ?? null)} disabled={!data?.bounds}>
              Fit to filtered incidents
            </button>
            <button type="button" onClick={() => void exportPng()} disabled={exporting || !data}>
              {exporting ? 'Exporting…' : 'Export PNG'}
            </button>
            <span className="muted map-keys">Map keys: + / − zoom, arrows pan</span>
          </div>
          <div className="map-stage">
            <div ref={box} className="map-canvas" data-theme={theme} />
            <div ref={tip} className="map-tooltip" role="tooltip" hidden>
              <strong />
              <span />
            </div>
            {problem ? (
              <div className="map-empty map-error" role="alert">
                <h2>The map cannot be shown</h2>
                <p>{problem}</p>
              </div>
            ) : data && !data.mappable ? (
              <div className="map-empty" role="status">
                <h2>{incidents.length === 0 ? 'No incident matches the filter' : 'Nothing to place on the map'}</h2>
                <p>
                  {incidents.length === 0
                    ? 'Change or clear the filter to see incidents on the map.'
                    : `${incidents.length === 1 ? 'The incident under the filter names no' : `None of the ${incidents.length} incidents under the filter names a`} victim country, sponsor country or location. Add them in the incident form.`}
                </p>
              </div>
            ) : null}
            {data ? <MapLegend breaks={data.breaks[role]} max={data.max[role]} role={role} theme={theme} /> : null}
            {data ? (
              <CountryList
                data={data}
                role={role}
                filtered={role === 'victim' ? filter.victim : filter.sponsor}
                onShow={(iso) => world.current?.showCountry(iso, iso ? (anchors?.get(iso) ?? null) : null, iso ? countryName(iso) : '')}
                onPick={(iso) => filterToCountry(iso, role)}
              />
            ) : null}
          </div>
        </section>
        {showDetail ? (
          <div className="map-detail">
            <div className="map-detail-bar">
              <button type="button" onClick={() => editIncident({ kind: 'none' })} aria-label="Close the detail pane">
                Close ×
              </button>
            </div>
            <IncidentDetail />
          </div>
        ) : null}
      </div>
    </div>
  )
}
