// The map's legend: what each shade means (class breaks of incident counts), and how to read arcs and points.
import { legendClasses, type CountryRole } from '../../shared/mapData'
import { PALETTES, rampFor, type MapTheme } from './mapStyle'

interface Props {
  breaks: number[]
  max: number
  role: CountryRole
  theme: MapTheme
}

export function MapLegend({ breaks, max, role, theme }: Props) {
  const p = PALETTES[theme]
  const colors = rampFor(breaks.length, p)
  return (
    <section className="map-legend" aria-label="Map legend">
      <h2>Incidents per country {role === 'victim' ? 'as victim' : 'as sponsor'}</h2>
      <ul className="map-legend-classes">
        <li>
          <span className="map-swatch" style={{ background: p.land }} /> none
        </li>
        {legendClasses(breaks, max).map((c, n) => (
          <li key={c.from}>
            <span className="map-swatch" style={{ background: colors[n] }} /> {c.label}
          </li>
        ))}
      </ul>
      <p>
        <span className="map-arc-key" style={{ background: `linear-gradient(90deg, ${p.arcFrom}, ${p.arcTo})` }} /> sponsor → victim, wider with more incidents
      </p>
      <p>
        <span className="map-dot" style={{ background: p.point }} /> incident location · <span className="map-dot map-dot-cluster" style={{ background: p.cluster }} /> cluster on a stem over its place (click to zoom)
      </p>
    </section>
  )
}
