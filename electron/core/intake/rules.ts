// The domain word tables article intake reads text with: demonyms, capitals, state bodies, organisations, attack and incident-type words, blame and confidence words, response triggers.
import type { AttributorKind, IncidentType, ResponseType } from '../../../shared/domain'

/** Adjectives and demonyms (singular; a plural "s" is accepted) → ISO country code. */
export const DEMONYMS: Record<string, string> = {
  Afghan: 'AF', Albanian: 'AL', Algerian: 'DZ', American: 'US', Argentine: 'AR', Armenian: 'AM', Australian: 'AU', Austrian: 'AT',
  Azerbaijani: 'AZ', Bahraini: 'BH', Bangladeshi: 'BD', Belarusian: 'BY', Belgian: 'BE', Bosnian: 'BA', Brazilian: 'BR', British: 'GB',
  Bulgarian: 'BG', Canadian: 'CA', Chilean: 'CL', Chinese: 'CN', Colombian: 'CO', 'Costa Rican': 'CR', Croatian: 'HR', Cuban: 'CU',
  Czech: 'CZ', Danish: 'DK', Dutch: 'NL', Ecuadorian: 'EC', Egyptian: 'EG', Emirati: 'AE', Estonian: 'EE', Filipino: 'PH', Finnish: 'FI',
  French: 'FR', Georgian: 'GE', German: 'DE', Greek: 'GR', Hungarian: 'HU', Indian: 'IN', Indonesian: 'ID', Iranian: 'IR', Iraqi: 'IQ',
  Irish: 'IE', Israeli: 'IL', Italian: 'IT', Japanese: 'JP', Jordanian: 'JO', Kazakh: 'KZ', Kenyan: 'KE', Kosovar: 'XK', Kuwaiti: 'KW',
  Latvian: 'LV', Lebanese: 'LB', Lithuanian: 'LT', Malaysian: 'MY', Mexican: 'MX', Moldovan: 'MD', Montenegrin: 'ME', Moroccan: 'MA',
  'North Korean': 'KP', 'North Macedonian': 'MK', Norwegian: 'NO', Omani: 'OM', Pakistani: 'PK', Palestinian: 'PS', Peruvian: 'PE',
  Philippine: 'PH', Polish: 'PL', Portuguese: 'PT', Qatari: 'QA', Romanian: 'RO', Russian: 'RU', Saudi: 'SA', Serbian: 'RS',
  Singaporean: 'SG', Slovak: 'SK', Slovenian: 'SI', 'South African': 'ZA', 'South Korean': 'KR', Spanish: 'ES', Swedish: 'SE', Swiss: 'CH',
  Syrian: 'SY', Taiwanese: 'TW', Thai: 'TH', Turkish: 'TR', Ukrainian: 'UA', Venezuelan: 'VE', Vietnamese: 'VN', Yemeni: 'YE',
}

/** Short and everyday names the ISO list lacks. */
export const COUNTRY_ALIASES: Record<string, string> = {
  'U.S.': 'US', US: 'US', USA: 'US', 'U.S.A.': 'US', America: 'US', 'United States': 'US', 'United States of America': 'US',
  UK: 'GB', 'U.K.': 'GB', Britain: 'GB', 'Great Britain': 'GB', 'United Kingdom': 'GB', England: 'GB',
  'North Korea': 'KP', DPRK: 'KP', 'South Korea': 'KR', Russia: 'RU', 'Russian Federation': 'RU', Iran: 'IR', 'Islamic Republic of Iran': 'IR',
  Syria: 'SY', Vietnam: 'VN', Taiwan: 'TW', Moldova: 'MD', Bolivia: 'BO', Venezuela: 'VE', Tanzania: 'TZ', Laos: 'LA', Kosovo: 'XK',
  'Czech Republic': 'CZ', Czechia: 'CZ', Turkey: 'TR', 'Türkiye': 'TR', UAE: 'AE', 'United Arab Emirates': 'AE', 'Saudi Arabia': 'SA',
  'The Netherlands': 'NL', Netherlands: 'NL', Holland: 'NL', 'Ivory Coast': 'CI', Macedonia: 'MK', 'North Macedonia': 'MK',
}

/** Capitals used as the name of their government ("Tirana said") and in datelines ("TIRANA, Sept. 7 —"). */
export const CAPITALS: Record<string, string> = {
  Tirana: 'AL', Tehran: 'IR', Washington: 'US', London: 'GB', Moscow: 'RU', Beijing: 'CN', Kyiv: 'UA', Kiev: 'UA', Tbilisi: 'GE',
  Tallinn: 'EE', 'San José': 'CR', 'San Jose': 'CR', Podgorica: 'ME', Berlin: 'DE', Paris: 'FR', Canberra: 'AU', Ottawa: 'CA',
  Tokyo: 'JP', Seoul: 'KR', Pyongyang: 'KP', Riyadh: 'SA', Jerusalem: 'IL', Warsaw: 'PL', Vilnius: 'LT', Riga: 'LV', Minsk: 'BY',
  Ankara: 'TR', Rome: 'IT', Madrid: 'ES', Stockholm: 'SE', Oslo: 'NO', Helsinki: 'FI', Copenhagen: 'DK', Wellington: 'NZ',
}

/** State bodies that name their state without saying it ("the White House said"). */
export const STATE_BODIES: Record<string, string> = {
  'White House': 'US', 'State Department': 'US', 'Department of State': 'US', 'Treasury Department': 'US', 'Department of the Treasury': 'US',
  OFAC: 'US', FBI: 'US', CISA: 'US', NSA: 'US', 'Justice Department': 'US', 'Department of Justice': 'US', Pentagon: 'US', 'National Security Council': 'US',
  Kremlin: 'RU', GRU: 'RU', FSB: 'RU', SVR: 'RU', NCSC: 'GB', GCHQ: 'GB', 'Foreign Office': 'GB', 'Downing Street': 'GB',
  MOIS: 'IR', IRGC: 'IR', 'Ministry of Intelligence and Security': 'IR', 'Reconnaissance General Bureau': 'KP', BSI: 'DE', ANSSI: 'FR',
}

/** Organisations that attribute or respond, with their kind. */
export const ORGANISATIONS: Record<string, AttributorKind> = {
  NATO: 'international-org', 'North Atlantic Council': 'international-org', 'European Union': 'international-org', EU: 'international-org',
  'United Nations': 'international-org', OSCE: 'international-org', 'Council of the European Union': 'international-org',
  Microsoft: 'company', Mandiant: 'company', Google: 'company', FireEye: 'company', CrowdStrike: 'company', Symantec: 'company',
  Kaspersky: 'company', ESET: 'company', 'Recorded Future': 'company', 'Palo Alto Networks': 'company', 'Cisco Talos': 'company',
  SentinelOne: 'company', 'Check Point': 'company', Proofpoint: 'company', Secureworks: 'company', Dragos: 'company',
}

/** Words that make a sentence about a cyber operation. */
export const ATTACK_WORDS =
  /\b(cyber-?attacks?|cyber ?operations?|cyber ?incidents?|attacks?|attacked|attacking|hack(?:s|ed|ing)?|hackers?|breach(?:es|ed)?|intrusions?|ransomware|wipers?|malware|ddos|denial[- ]of[- ]service|defaced|defacements?|compromised?|leak(?:s|ed)?|infected|knocked (?:offline|out)|took [^.]{0,30}offline|crippl(?:ed|ing))\b/i

/** Words that make an article about computers and networks at all. */
export const CYBER_WORDS = /\b(cyber\w*|hack\w*|malware|ransomware|wiper|ddos|denial[- ]of[- ]service|defaced|phishing|network intrusion|data breach)\b/i

/** Incident types and the words that propose them. */
export const TYPE_WORDS: { type: IncidentType; re: RegExp }[] = [
  { type: 'wiper', re: /\b(wiper|wiped|wiping|eras(?:e|ed|ing) (?:data|digital|files|systems|hard drives)|destroy(?:ed)? (?:data|files|critical systems|systems)|destructive (?:malware|attack))\b/i },
  { type: 'ransomware', re: /\bransomware\b/i },
  { type: 'ddos', re: /\b(ddos|denial[- ]of[- ]service)\b/i },
  { type: 'defacement', re: /\b(defaced|defacements?|defacing)\b/i },
  { type: 'hack-and-leak', re: /\b(leaked|leaks? of|dumped (?:online|stolen)|published (?:stolen|internal|confidential))\b/i },
  { type: 'espionage', re: /\b(espionage|spying|exfiltrat\w+)\b/i },
  { type: 'financial-theft', re: /\b(stole \$|theft of (?:funds|\$)|heist|fraudulent transfers?)\b/i },
  { type: 'physical-sabotage', re: /\b(power outages?|blackout|sabotag\w+)\b/i },
  { type: 'influence', re: /\b(disinformation|influence operation|propaganda campaign)\b/i },
]

/** Words that blame someone for an operation. */
export const BLAME_WORDS =
  /\b(attribut\w*|blam\w*|sponsored|backed|behind|responsible|linked to|tied to|carried out by|conducted by|perpetrated by|orchestrated|accountable|accus\w*|on behalf of|at the direction of|directed by|working for|state actors|culprit|named)\b/i

/** Verbs of saying and judging: who stands before one is the speaker. */
export const SPEECH_WORDS = /\b(said|says|say|concluded|conclude|assessed|assesses|assess|announced|accused|blamed|attributed|stated|judged|determined|believes?|believed|found|confirmed|added|named)\b/i

/** Confidence and likelihood words → ICD 203 terms (first match wins; never both kinds for one sentence). */
export const CONFIDENCE_WORDS: { re: RegExp; confidence?: 'low' | 'moderate' | 'high'; likelihood?: string }[] = [
  { re: /\b(high confidence|indisputable evidence|conclusive(?:ly)?|beyond doubt|certain that)\b/i, confidence: 'high' },
  { re: /\bmoderate confidence\b/i, confidence: 'moderate' },
  { re: /\blow confidence\b/i, confidence: 'low' },
  { re: /\balmost certain(?:ly)?\b/i, likelihood: 'almost-certain' },
  { re: /\b(very likely|highly likely|highly probable)\b/i, likelihood: 'very-likely' },
  { re: /\b(likely|probably|probable)\b/i, likelihood: 'likely' },
  { re: /\b(roughly even chance|as likely as not)\b/i, likelihood: 'roughly-even-chance' },
  { re: /\b(unlikely|probably not)\b/i, likelihood: 'unlikely' },
]

/** Responses: the words that show one, and what to say about it. Order matters: the first that fits a sentence wins, except statements, which add to the others. */
export const RESPONSE_RULES: { type: ResponseType; re: RegExp }[] = [
  { type: 'break-relations', re: /\b(sever\w*|cut(?:ting|s)?(?: off)?|break(?:ing|s)?(?: off)?|broke(?: off)?|suspend\w*)\b[^.;]{0,40}\b(?:diplomatic (?:relations|ties)|relations|ties)\b/i },
  { type: 'expel-diplomats', re: /\b(expel\w*|expulsions?|persona non grata|(?:diplomat|representative|envoy|embassy staff|ambassador)\w*\b[^.;]{0,60}\bleave\b)/i },
  { type: 'sanctions', re: /\b((?:impos\w*|announc\w*|levied|new|fresh)\s+(?:\w+\s+)?sanctions|sanctions (?:on|against)|sanctioned (?:the|an?|its) (?!goods|products|items|exports|imports|trade)|designat(?:ed|es|ing) (?:the|an?) |asset freezes?|froze (?:the )?assets|travel bans?|embargo)/i },
  { type: 'reward', re: /\breward\w*\b[^.;]{0,80}(?:\$|€|£)\s?\d/i },
  { type: 'state-of-emergency', re: /\b(state of (?:national )?emergency|national emergency|emergency declaration|declared an? (?:national )?emergency)\b/i },
  { type: 'indictment', re: /\b(indict(?:ed|ment|s)?|charged|criminal charges|unsealed charges)\b/i },
  { type: 'technical-assistance', re: /\b(assist\w*|help(?:ed|ing)?|sent (?:a )?(?:team|experts)|deployed (?:a )?(?:team|experts))\b[^.;]{0,80}\b(recover\w*|investigat\w*|respon(?:d|se)\w*|restor\w*)\b/i },
  { type: 'seizure', re: /\b(seiz(?:ed|ure|es)|recovered \$)/i },
  { type: 'statement', re: /\b(condemn\w*|denounc\w*|deplor\w*)\b/i },
]

/** Words that make a sentence speculation, not a report of something done. */
export const HEDGE_WORDS = /\b(perhaps|might|could|would|whether|if)\b/i

/** What a state's attackers are called: "Iranian state actors", "Russian military intelligence". */
export const SPONSOR_NOUNS = /^[\s-]*(?:state[- ]?(?:sponsored|backed|linked)?\s*)?(government(?!\s+(?:systems|networks|websites|sites|services|ministries|agencies|infrastructure|offices|servers|computers|data))|state|regime|hackers?|actors?|operators?|intelligence|military|spies|spy agency|operatives?|groups?|cyber ?(?:actors?|units?|operators?)|authorities)\b/i

/** What a victim's hit systems are called: "Albanian government networks", "Costa Rica's Finance Ministry". */
export const VICTIM_NOUNS = /^[\s-]*(?:'s\s+|’s\s+)?(?:[A-Z][\w-]*\s+){0,3}?(government|ministry|ministries|networks?|systems?|websites?|sites?|hospitals?|banks?|institutions?|infrastructure|agencies|agency|companies|grid|power|parliament|customs|ports?|finance|treasury|health|public services|tax)\b/
