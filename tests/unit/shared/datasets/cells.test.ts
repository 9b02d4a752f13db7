// Dataset cells as the published files and spreadsheets write them: dates at their precision, countries, several values per cell, formula escaping.
import { describe, expect, it } from 'vitest'
import { escapeFormula, isEmptyCell, parseCountry, parseDateCell, splitCell } from '../../../../shared/datasets/cells'
import { decodeBytes, parseTable, toCsvWithBom } from '../../../../shared/datasets/csv'
import { countriesInText } from '../../../../shared/datasets/presets'

describe('date cells keep their precision', () => {
  it.each([
    ['2022', '2022'],
    ['2022-07', '2022-07'],
    ['2022-07-15', '2022-07-15'],
    ['2022-07-15T10:20:00Z', '2022-07-15'],
    ['2022-07-15 00:00:00', '2022-07-15'],
    ['7/15/2022', '2022-07-15'],
    ['07/15/2022', '2022-07-15'],
    ['1/20/22', '2022-01-20'],
    ['7/2022', '2022-07'],
    ['July 2022', '2022-07'],
    ['Jul 2022', '2022-07'],
    ['Sept. 2022', '2022-09'],
    ['15 July 2022', '2022-07-15'],
    ['July 15, 2022', '2022-07-15'],
    ['July 15th, 2022', '2022-07-15'],
    ['2022/07/15', '2022-07-15'],
    ['2022/07', '2022-07'],
    ['  2021-05-01 ', '2021-05-01'],
    ['25/12/2021', '2021-12-25'],
  ])('%j → %s', (cell, expected) => {
    expect(parseDateCell(cell)).toEqual({ value: expected })
  })

  it('reads slashed dates day first when asked', () => {
    expect(parseDateCell('5/7/2022', 'dmy')).toEqual({ value: '2022-07-05' })
    expect(parseDateCell('5/7/2022', 'mdy')).toEqual({ value: '2022-05-07' })
    expect(parseDateCell('15.07.2022', 'dmy')).toEqual({ value: '2022-07-15' })
  })

  it.each(['', '   ', '?', '??', 'Not available', 'n/a', 'N/A', 'unknown', "['Not available']"])('%j is empty, not an error', (cell) => {
    expect(parseDateCell(cell)).toEqual({ empty: true })
  })

  it.each(['2022-02-30', '13/13/2022', 'sometime in 2022', 'Jully 2022', '2022-13'])('%j is an error that says what it read', (cell) => {
    const r = parseDateCell(cell)
    expect('error' in r && r.error).toContain(cell.trim())
  })
})

describe('country cells', () => {
  it.each([
    ['Iran, Islamic Republic of', 'IR'],
    ['Iran', 'IR'],
    ['IRN', 'IR'],
    ['IR', 'IR'],
    ['ir', 'IR'],
    ['Islamic Republic of Iran', 'IR'],
    ['Russian Federation', 'RU'],
    ['Russia', 'RU'],
    ['RUS', 'RU'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ['North Korea', 'KP'],
    ['Korea, Republic of', 'KR'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['Albania', 'AL'],
    ['ALB', 'AL'],
    ['Viet Nam', 'VN'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d?Ivoire', 'CI'],
    ['C?te d?Ivoire', 'CI'],
    ['Taiwan, Province of China', 'TW'],
    ['Kosovo', 'XK'],
    ['  the Netherlands ', 'NL'],
  ])('%j → %s', (value, code) => {
    expect(parseCountry(value)).toEqual({ code })
  })

  it.each(['Congo', 'Korea'])('%j fits several countries: listed, not guessed', (value) => {
    const r = parseCountry(value)
    expect(r).toMatchObject({ unknown: value })
    expect('reason' in r && r.reason).toMatch(/could be/)
  })

  it.each(['EU (region)', 'NATO', 'Narnia', 'Global'])('%j is unknown, not guessed', (value) => {
    expect(parseCountry(value)).toEqual({ unknown: value, reason: `“${value}” is not a country Watchfloor knows` })
  })

  it('finds countries in the CFR tracker’s free text', () => {
    expect(countriesInText('Taiwanese financial institutions')).toEqual({ codes: ['TW'], unknown: [] })
    expect(countriesInText('Government of Albania')).toEqual({ codes: ['AL'], unknown: [] })
    expect(countriesInText('United States, Israel')).toEqual({ codes: ['US', 'IL'], unknown: [] })
    expect(countriesInText('Iran (Islamic Republic of)')).toEqual({ codes: ['IR'], unknown: [] })
    expect(countriesInText('Human rights activists')).toEqual({ codes: [], unknown: ['Human rights activists'] })
  })
})

describe('cells with several values', () => {
  it.each([
    ["['Albania', 'Albania']", ['Albania', 'Albania']],
    ["['Iran, Islamic Republic of']", ['Iran, Islamic Republic of']],
    ["[['State institutions / political system'], ['Critical infrastructure']]", ['State institutions / political system', 'Critical infrastructure']],
    ["['Not available']", []],
    ['["It\'s here", "b"]', ["It's here", 'b']],
    ['Data theft; Hijacking with Misuse', ['Data theft', 'Hijacking with Misuse']],
    ['a;;b; ', ['a', 'b']],
    ['', []],
    ['?', []],
  ])('%j → %j', (cell, values) => {
    expect(splitCell(cell)).toEqual(values)
  })

  it('splits on commas only when asked and when no semicolon is there', () => {
    expect(splitCell('Espionage, Sabotage', { commas: true })).toEqual(['Espionage', 'Sabotage'])
    expect(splitCell('Espionage, Sabotage')).toEqual(['Espionage, Sabotage'])
    expect(splitCell('a, b; c', { commas: true })).toEqual(['a, b', 'c'])
  })

  it('knows an empty cell', () => {
    expect(['', ' ', '?', 'Not available', '[]', "['Not available']"].every(isEmptyCell)).toBe(true)
    expect(isEmptyCell('Albania')).toBe(false)
  })
})

describe('formula escaping', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+2', `'+1+2`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['Albania', 'Albania'],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, safe) => {
    expect(escapeFormula(value)).toBe(safe)
  })

  it('writes CSV with a BOM, escaped formulae and quoted cells', () => {
    expect(toCsvWithBom(['Title', 'Note'], [['=1+1', 'a, "b"\nc']])).toBe('\uFEFFTitle,Note\r\n\'=1+1,"a, ""b""\nc"\r\n')
  })
})

describe('reading table files', () => {
  it('finds the delimiter, keeps quoted newlines and drops the BOM', () => {
    const t = parseTable('\uFEFFTitle;Date\r\n"Line one\nline two";2022\r\nB;2023\r\n')
    expect(t).toEqual({ headers: ['Title', 'Date'], rows: [['Line one\nline two', '2022'], ['B', '2023']], delimiter: ';' })
    expect(parseTable('a\tb\n1\t2\n').delimiter).toBe('\t')
  })

  it('decodes UTF-8, UTF-16 and Windows-1252, and refuses binary', () => {
    const utf8 = new TextEncoder().encode('Title\nManëz\n')
    expect(decodeBytes(utf8)).toEqual({ text: 'Title\nManëz\n', encoding: 'utf-8' })
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('Title\nManëz\n')
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Ab'].flatMap((c) => [c.charCodeAt(0), 0])])
    expect(decodeBytes(utf16)).toEqual({ text: 'Ab', encoding: 'utf-16le' })
    const latin = decodeBytes(new Uint8Array([0x4d, 0x61, 0x6e, 0xeb, 0x7a]))
    expect(latin).toMatchObject({ text: 'Manëz', encoding: 'windows-1252' })
    expect(latin.note).toMatch(/not UTF-8/)
    expect(() => decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toThrow(/not text/)
  })

  it('refuses an empty file and names unnamed or repeated headers', () => {
    expect(() => parseTable('')).toThrow(/empty/)
    expect(parseTable('a,,a\n1,2,3\n').headers).toEqual(['a', 'Column 2', 'a (2)'])
  })
})
