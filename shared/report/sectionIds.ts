// The ids of briefing sections a report definition may turn on, in their default order; free of dependencies so the schema can use them.

/** Every section a briefing can carry, in default order (shared/report/sections.ts registers how each is built). */
export const REPORT_SECTION_IDS = ['title', 'bluf', 'map', 'timeline', 'incident-table', 'incident-pages', 'pinned-notes', 'sources', 'method'] as const

export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number]

/** Sections drawn from an image the app's views supply (the figures of an export request), keyed by these ids. */
export const FIGURE_SECTION_IDS = ['map', 'timeline'] as const satisfies readonly ReportSectionId[]

export type FigureSectionId = (typeof FIGURE_SECTION_IDS)[number]
