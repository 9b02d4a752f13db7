// Partial dates as an analyst types, reads and sorts them: precision is kept, impossible dates are refused.
import { describe, expect, it } from 'vitest'
import { comparePartialDates, formatPartialDate, isPartialDate, overlapsWindow, parsePartialDate, partialDateRange, precisionOf } from '../../../shared/partialDate'

describe('an analyst types a date', () => {
  it.each([
    ['2022', '2022'],
    ['2022-07', '2022-07'],
    ['2022-07-15', '2022-07-15'],
    ['July 2022', '2022-07'],
    ['Jul 2022', '2022-07'],
    ['Jul. 2022', '2022-07'],
    ['jul 2022', '2022-07'],
    ['Sept 2022', '2022-09'],
    ['15 July 2022', '2022-07-15'],
    ['15 Jul, 2022', '2022-07-15'],
    ['July 15, 2022', '2022-07-15'],
    ['July 15 2022', '2022-07-15'],
    ['7/2022', '2022-07'],
    ['07/2022', '2022-07'],
    ['  July   2022 ', '2022-07'],
    ['29 February 2024', '2024-02-29'],
  ])('reads %j as %j', (typed, stored) => {
    expect(parsePartialDate(typed)).toBe(stored)
  })

  it.each([
    ['', 'nothing typed'],
    ['   ', 'only blanks'],
    ['2022-02-30', 'a day February never has'],
    ['2023-02-29', 'a leap day in a common year'],
    ['2022-13', 'a thirteenth month'],
    ['2022-00', 'month zero'],
    ['2022-07-00', 'day zero'],
    ['2022-7', 'a one-digit month in the stored form'],
    ['1899', 'a year before the range the app covers'],
    ['2201', 'a year after it'],
    ['Ju 2022', 'a two-letter month (June or July?)'],
    ['Julyy 2022', 'a misspelt month'],
    ['31 June 2022', 'a day June never has'],
    ['13/2022', 'month 13 in slash form'],
    ['7/22', 'a two-digit year'],
    ['next Tuesday', 'free text'],
  ])('refuses %j (%s)', (typed) => {
    expect(parsePartialDate(typed)).toBeNull()
  })
})

describe('a stored date is checked', () => {
  it('accepts a year, a month or a real day', () => {
    for (const d of ['1900', '2200', '2022-07', '2022-12', '2024-02-29', '2022-01-31']) expect(isPartialDate(d), d).toBe(true)
  })

  it('refuses anything else, including loose forms the parser would accept', () => {
    for (const d of ['2022-02-30', '2022-13', '2022-04-31', 'July 2022', '2022/07', '20220715', '2022-07-15T00:00:00Z', ' 2022', ''])
      expect(isPartialDate(d), d).toBe(false)
  })

  it('knows its precision', () => {
    expect([precisionOf('2022'), precisionOf('2022-07'), precisionOf('2022-07-15')]).toEqual(['year', 'month', 'day'])
  })
})

describe('a date is shown at its own precision', () => {
  it('shows a month as "Jul 2022", never as a made-up first day', () => {
    expect(formatPartialDate('2022-07')).toBe('Jul 2022')
    expect(formatPartialDate('2022-07')).not.toMatch(/^1 /)
  })

  it('shows a year and a day as written by people', () => {
    expect(formatPartialDate('2022')).toBe('2022')
    expect(formatPartialDate('2022-07-05')).toBe('5 Jul 2022')
  })

  it('spells the month out in the long style', () => {
    expect(formatPartialDate('2022-07', 'long')).toBe('July 2022')
    expect(formatPartialDate('2022-09-15', 'long')).toBe('15 September 2022')
  })

  it('writes a date as a locale does, keeping its precision: a year stays a year, a month a month', () => {
    expect(formatPartialDate('2022-07-15', 'short', 'en-US')).toBe('Jul 15, 2022')
    expect(formatPartialDate('2022-07-15', 'long', 'en-US')).toBe('July 15, 2022')
    expect(formatPartialDate('2022-07', 'long', 'en-US')).toBe('July 2022')
    expect(formatPartialDate('2022-07-15', 'long', 'de-DE')).toBe('15. Juli 2022')
    expect(formatPartialDate('2022-07', 'long', 'fr-FR')).toBe('juillet 2022')
    expect(formatPartialDate('2022', 'long', 'de-DE')).toBe('2022')
    // Late on 31 December UTC is still 31 December: dates are not moved into the reader's time zone.
    expect(formatPartialDate('2022-12-31', 'short', 'en-GB')).toBe('31 Dec 2022')
    expect(formatPartialDate('nonsense', 'short', 'en-US')).toBe('')
  })

  it('shows nothing for a missing or impossible date', () => {
    expect(formatPartialDate(undefined)).toBe('')
    expect(formatPartialDate(null)).toBe('')
    expect(formatPartialDate('2022-02-30')).toBe('')
  })

  it('round-trips what the analyst typed', () => {
    for (const typed of ['Jul 2022', '15 Jul 2022', '2022']) expect(formatPartialDate(parsePartialDate(typed))).toBe(typed)
  })
})

describe('dates sort chronologically', () => {
  it('puts the coarser date first when spans start together, and missing dates last', () => {
    const dates = ['2022-07-01', undefined, '2022', '2021-12-31', '2022-07', '2023', '2022-06-30']
    expect([...dates].sort(comparePartialDates)).toEqual(['2021-12-31', '2022', '2022-06-30', '2022-07', '2022-07-01', '2023', undefined])
  })

  it('treats two missing dates as equal', () => {
    expect(comparePartialDates(undefined, undefined)).toBe(0)
    expect(comparePartialDates('2022', '2022')).toBe(0)
  })
})

describe('the span a date covers', () => {
  it('covers a whole year, month or day, end exclusive', () => {
    expect(partialDateRange('2022')).toEqual([Date.UTC(2022, 0, 1), Date.UTC(2023, 0, 1)])
    expect(partialDateRange('2022-07')).toEqual([Date.UTC(2022, 6, 1), Date.UTC(2022, 7, 1)])
    expect(partialDateRange('2022-07-15')).toEqual([Date.UTC(2022, 6, 15), Date.UTC(2022, 6, 16)])
  })

  it('rolls over the year and leap day correctly', () => {
    expect(partialDateRange('2022-12')).toEqual([Date.UTC(2022, 11, 1), Date.UTC(2023, 0, 1)])
    expect(partialDateRange('2024-02-29')).toEqual([Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 1)])
  })

  it('counts "July 2022" as inside a window that only touches 31 July', () => {
    const july31 = Date.UTC(2022, 6, 31)
    const aug1 = Date.UTC(2022, 7, 1)
    expect(overlapsWindow('2022-07', july31, aug1)).toBe(true)
    expect(overlapsWindow('2022', july31, aug1)).toBe(true)
    expect(overlapsWindow('2022-07-30', july31, aug1)).toBe(false)
  })

  it('treats the window end as exclusive and either bound as open', () => {
    const july1 = Date.UTC(2022, 6, 1)
    const aug1 = Date.UTC(2022, 7, 1)
    expect(overlapsWindow('2022-08', july1, aug1)).toBe(false)
    expect(overlapsWindow('2022-06', july1, aug1)).toBe(false)
    expect(overlapsWindow('2022-06', undefined, aug1)).toBe(true)
    expect(overlapsWindow('2030', july1)).toBe(true)
    expect(overlapsWindow('2022-06-30', july1)).toBe(false)
    expect(overlapsWindow('1999')).toBe(true)
  })
})
