// The one d3-geo-projection function the geo build uses (the package ships no types).
declare module 'd3-geo-projection' {
  import type { GeoProjection } from 'd3-geo'
  export function geoProject<T>(object: T, projection: GeoProjection): T | null
}
