// The timeline's colours for the dark and light themes: background, lanes, axis, spans by state nexus, one colour per marker kind.

import type { StateNexus } from '../domain'

export type TimelineTheme = 'dark' | 'light'

export interface TimelinePalette {
  bg: string
  laneAlt: string
  line: string
  grid: string
  text: string
  muted: string
  accent: string
  /** Outline and title of a selected incident. */
  selected: string
  /** The keyboard cursor's ring. */
  focus: string
  /** Lines from a hovered or selected incident's markers to its span. */
  connector: string
  brushFill: string
  annotation: string
  annotationText: string
  annotationBand: string
  /** Density fills of zoomed-out lanes: spans, then markers. */
  spanDensity: string
  markDensity: string
  nexus: Record<StateNexus, string>
  /** Marker colours by marker kind (0 attribution, 1 + i the i-th response type; see symbols.ts). */
  markers: readonly string[]
  /** The overview strip above the timeline: its background, bars and the window shown. */
  overviewBg: string
  overviewWindow: string
}

/**
 * Marker colours in symbols.ts order: attribution, then statement, break of relations, sanctions,
 * expulsion, indictment, reward, military cyber action, state of emergency, technical assistance,
 * alliance statement, seizure. Each keeps at least 3:1 against both lane shades of its theme (tested).
 */
const DARK_MARKERS = ['#f2cc60', '#9fb3c8', '#ff6b6b', '#f0883e', '#f778ba', '#b083f0', '#e3b341', '#ff7b4a', '#d29922', '#56d364', '#39c5cf', '#7ee2b8']
const LIGHT_MARKERS = ['#9a7300', '#57708a', '#d93434', '#c2560c', '#c0307a', '#7d4fc4', '#9e7400', '#d2491a', '#9a6b00', '#1f883d', '#0f8a94', '#1a8a5f']

export const TIMELINE_PALETTES: Record<TimelineTheme, TimelinePalette> = {
  dark: {
    bg: '#11151b',
    laneAlt: '#141a22',
    line: '#2a3342',
    grid: '#1f2733',
    text: '#d8dee9',
    muted: '#9aa6b8',
    accent: '#4c9aff',
    selected: '#ffffff',
    focus: '#ffd33d',
    connector: 'rgba(255, 255, 255, 0.65)',
    brushFill: 'rgba(76, 154, 255, 0.12)',
    annotation: '#c297ff',
    annotationText: '#1b1030',
    annotationBand: 'rgba(194, 151, 255, 0.10)',
    spanDensity: 'rgba(76, 154, 255, 0.75)',
    markDensity: 'rgba(242, 204, 96, 0.7)',
    nexus: { 'state-linked': '#4c9aff', criminal: '#e09b3d', unknown: '#8c97a8' },
    markers: DARK_MARKERS,
    overviewBg: '#0d1116',
    overviewWindow: '#ffffff',
  },
  light: {
    bg: '#ffffff',
    laneAlt: '#f4f6f9',
    line: '#cdd3dc',
    grid: '#e6e9ee',
    text: '#1c2430',
    muted: '#5a6473',
    accent: '#0b5cd5',
    selected: '#0b0f14',
    focus: '#b35900',
    connector: 'rgba(28, 36, 48, 0.6)',
    brushFill: 'rgba(11, 92, 213, 0.12)',
    annotation: '#c297ff',
    annotationText: '#1b1030',
    annotationBand: 'rgba(125, 79, 196, 0.10)',
    spanDensity: 'rgba(31, 111, 235, 0.7)',
    markDensity: 'rgba(154, 115, 0, 0.7)',
    nexus: { 'state-linked': '#1f6feb', criminal: '#b35c00', unknown: '#6e7781' },
    markers: LIGHT_MARKERS,
    overviewBg: '#eef1f5',
    overviewWindow: '#1c2430',
  },
}

/** The colour of marker kind `kind` in `palette` (attribution for an unknown kind). */
export function markerColor(palette: TimelinePalette, kind: number): string {
  return palette.markers[kind] ?? palette.markers[0]
}
