// The ids of briefing sections a report definition may turn on, in their default order; free of dependencies so the schema can use them.

/**
 * Sections built today. The pinned-notes section joins this list when it is wired into briefings
 * (see shared/report/sections.ts for how a section is registered).
 */
export const REPORT_SECTION_IDS = ['title', 'bluf', 'map', 'timeline', 'incident-table', 'incident-pages', 'sources', 'method'] as const

export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number]

/** Sections drawn from an image the app's views supply (the figures of an export request), keyed by these ids. */
export const FIGURE_SECTION_IDS = ['map', 'timeline'] as const satisfies readonly ReportSectionId[]

export type FigureSectionId = (typeof FIGURE_SECTION_IDS)[number]
