// The vocabularies analysts record with (incident types, nexus, TLP, attributor kinds and bases, ICD 203 terms, response and legal response types, actor kinds, Admiralty grades) and their labels.

export const INCIDENT_TYPES = [
  'wiper',
  'ransomware',
  'espionage',
  'ddos',
  'defacement',
  'hack-and-leak',
  'physical-sabotage',
  'financial-theft',
  'influence',
] as const
export const INCIDENT_TYPE_LABELS: Record<IncidentType, string> = {
  wiper: 'Data destruction / wiper',
  ransomware: 'Ransomware',
  espionage: 'Espionage',
  ddos: 'DDoS',
  defacement: 'Defacement',
  'hack-and-leak': 'Hack-and-leak / doxing',
  'physical-sabotage': 'Sabotage of physical process',
  'financial-theft': 'Financial theft',
  influence: 'Influence operation',
}

export const STATE_NEXUS = ['state-linked', 'criminal', 'unknown'] as const
export const STATE_NEXUS_LABELS: Record<StateNexus, string> = {
  'state-linked': 'State-linked',
  criminal: 'Criminal',
  unknown: 'Unknown',
}

export const INCIDENT_STATUS = ['draft', 'confirmed'] as const

/** TLP 2.0 levels, from least to most restrictive. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const

export const ATTRIBUTOR_KINDS = ['government', 'international-org', 'company', 'media', 'researcher', 'self-claim'] as const
export const ATTRIBUTOR_KIND_LABELS: Record<AttributorKind, string> = {
  government: 'Government',
  'international-org': 'International organisation',
  company: 'Company',
  media: 'Media',
  researcher: 'Researcher',
  'self-claim': "Actor's own claim",
}

export const ATTRIBUTION_BASES = ['technical-forensics', 'intelligence', 'political-statement', 'self-claim'] as const
export const ATTRIBUTION_BASIS_LABELS: Record<AttributionBasis, string> = {
  'technical-forensics': 'Technical forensics',
  intelligence: 'Intelligence',
  'political-statement': 'Political statement',
  'self-claim': 'Self-claim',
}

/** ICD 203 confidence in a judgement. */
export const CONFIDENCE_LEVELS = ['low', 'moderate', 'high'] as const

/** ICD 203 likelihood terms with their probability ranges (percent). */
export const LIKELIHOOD_TERMS = [
  { id: 'almost-no-chance', label: 'almost no chance', range: [1, 5] },
  { id: 'very-unlikely', label: 'very unlikely', range: [5, 20] },
  { id: 'unlikely', label: 'unlikely', range: [20, 45] },
  { id: 'roughly-even-chance', label: 'roughly even chance', range: [45, 55] },
  { id: 'likely', label: 'likely', range: [55, 80] },
  { id: 'very-likely', label: 'very likely', range: [80, 95] },
  { id: 'almost-certain', label: 'almost certain', range: [95, 99] },
] as const
/** The likelihood terms' ids, as the schemas list them. */
export const LIKELIHOOD_IDS = LIKELIHOOD_TERMS.map((t) => t.id) as [string, ...string[]]

/** Response types; CAMEO codes where one fits. */
export const RESPONSE_TYPES = [
  { id: 'statement', label: 'Statement / condemnation', cameo: undefined },
  { id: 'break-relations', label: 'Reduce or break diplomatic relations', cameo: '161' },
  { id: 'sanctions', label: 'Sanctions / embargo', cameo: '163' },
  { id: 'expel-diplomats', label: 'Expel diplomats', cameo: '166' },
  { id: 'indictment', label: 'Indictment / charges', cameo: undefined },
  { id: 'reward', label: 'Reward offered', cameo: undefined },
  { id: 'military-cyber-action', label: 'Military / cyber-command action', cameo: undefined },
  { id: 'state-of-emergency', label: 'State of emergency', cameo: undefined },
  { id: 'technical-assistance', label: 'Technical assistance', cameo: undefined },
  { id: 'alliance-statement', label: 'Alliance statement (NATO / EU)', cameo: undefined },
  { id: 'seizure', label: 'Seizure of funds or infrastructure', cameo: undefined },
] as const
/** The response types' ids, as the schemas list them. */
export const RESPONSE_TYPE_IDS = RESPONSE_TYPES.map((t) => t.id) as unknown as [ResponseType, ...ResponseType[]]

/** Legal response types (EuRepoC's legal response coding): measures under international law and national legal action. */
export const LEGAL_RESPONSE_TYPES = ['retorsion', 'countermeasure', 'self-defence', 'law-enforcement', 'judicial', 'legislation', 'other-legal'] as const
export const LEGAL_RESPONSE_TYPE_LABELS: Record<LegalResponseType, string> = {
  retorsion: 'Retorsion (international law)',
  countermeasure: 'Countermeasure (international law)',
  'self-defence': 'Self-defence (international law)',
  'law-enforcement': 'Law enforcement (investigation, arrests)',
  judicial: 'Court proceedings',
  legislation: 'Legislation',
  'other-legal': 'Other legal measure',
}

export const ACTOR_KINDS = ['state', 'state-agency', 'state-sponsored-group', 'criminal-group', 'hacktivist-persona', 'company', 'international-org'] as const
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  state: 'State',
  'state-agency': 'State agency',
  'state-sponsored-group': 'State-sponsored group',
  'criminal-group': 'Criminal group',
  'hacktivist-persona': 'Hacktivist persona',
  company: 'Company',
  'international-org': 'International organisation',
}

/** Admiralty grading: source reliability A–F and information credibility 1–6. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
}
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const
export const CREDIBILITY_LABELS: Record<Credibility, string> = {
  '1': 'Confirmed',
  '2': 'Probably true',
  '3': 'Possibly true',
  '4': 'Doubtful',
  '5': 'Improbable',
  '6': 'Truth cannot be judged',
}

export const ATTACK_TECHNIQUE = /^T\d{4}(\.\d{3})?$/

export type IncidentType = (typeof INCIDENT_TYPES)[number]
export type StateNexus = (typeof STATE_NEXUS)[number]
export type Tlp = (typeof TLP_LEVELS)[number]
export type AttributorKind = (typeof ATTRIBUTOR_KINDS)[number]
export type AttributionBasis = (typeof ATTRIBUTION_BASES)[number]
export type Confidence = (typeof CONFIDENCE_LEVELS)[number]
export type ResponseType = (typeof RESPONSE_TYPES)[number]['id']
export type ActorKind = (typeof ACTOR_KINDS)[number]
export type LegalResponseType = (typeof LEGAL_RESPONSE_TYPES)[number]
export type Reliability = (typeof RELIABILITY)[number]
export type Credibility = (typeof CREDIBILITY)[number]

/** The more restrictive of TLP levels; CLEAR when none given. */
export function highestTlp(levels: Iterable<Tlp>): Tlp {
  let best = 0
  for (const l of levels) best = Math.max(best, TLP_LEVELS.indexOf(l))
  return TLP_LEVELS[best]
}
