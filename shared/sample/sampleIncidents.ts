// The sample workspace's incidents: public-record cases of state-linked cyber operations, with their attributions, responses and places on the map.
import type { IncidentSeed } from './seeds'

// Places used on the map.
const TIRANA = { label: 'Tirana, Albania', lat: 41.33, lon: 19.82 }
const TALLINN = { label: 'Tallinn, Estonia', lat: 59.44, lon: 24.75 }
const RIYADH = { label: 'Riyadh, Saudi Arabia', lat: 24.71, lon: 46.68 }
const LOS_ANGELES = { label: 'Los Angeles, United States', lat: 34.05, lon: -118.24 }
const KYIV = { label: 'Kyiv, Ukraine', lat: 50.45, lon: 30.52 }
const LONDON = { label: 'London, United Kingdom', lat: 51.51, lon: -0.13 }
const WASHINGTON = { label: 'Washington, DC, United States', lat: 38.9, lon: -77.04 }
const ALPHARETTA = { label: 'Alpharetta, Georgia, United States (operator headquarters)', lat: 34.08, lon: -84.29 }
const SAN_JOSE = { label: 'San José, Costa Rica', lat: 9.93, lon: -84.08 }
const PODGORICA = { label: 'Podgorica, Montenegro', lat: 42.44, lon: 19.26 }

const ALBANIA_SUMMARY = [
  'In mid-July 2022 a destructive attack knocked the e-Albania public-services portal and a range of government websites offline. Forensic work by Microsoft, Mandiant and later CISA/FBI showed the attackers had been inside long before: they first broke in around May 2021 through an internet-facing SharePoint server vulnerable to CVE-2019-0604, kept access from July 2021, and read and removed official mail between October 2021 and January 2022.',
  'On 15 July they switched to destruction: ROADSWEEP ransomware left a note aimed at the "DURRES terrorists", a CHIMNEYSWEEP backdoor was dropped, and a ZeroCleare wiper sample was uploaded to a public scanner from Albania on 19 July. A persona calling itself HomeLand Justice claimed the attack. The timing lined up with the exiled Iranian opposition group MEK’s "Free Iran World Summit", due at its camp in Manëz on 23–24 July.',
  'Context: relations had been strained since 2014, when Albania agreed to take in roughly 3,000 MEK members. On 7 September 2022 Prime Minister Edi Rama said the investigation left no doubt Iran was behind the attack, cut diplomatic relations and gave the embassy staff 24 hours to leave — reportedly the first time a state has broken relations over a cyberattack. NATO allies had already agreed that a serious cyberattack could be treated as grounds for collective defence under Article 5, which gave the alliance statements of 8 September extra weight.',
].join('\n\n')

export const INCIDENTS: IncidentSeed[] = [
  {
    id: 'inc-albania-2022-07', title: 'Destructive attack on Albanian government systems', summary: ALBANIA_SUMMARY,
    types: ['wiper', 'ransomware', 'hack-and-leak'], start: '2022-07-15', disclosed: '2022-07',
    victims: [{ country: 'AL', sector: 'Government', organisation: 'National Agency for Information Society (AKSHI); e-Albania portal and government websites' }],
    sponsorCountries: ['IR'], actorIds: ['actor-iran', 'actor-mois', 'actor-europium', 'actor-homeland-justice'], nexus: 'state-linked', severity: 4,
    impact: 'Online public services and many government sites were unavailable for days; systems were taken down to contain the attack. Government mail and documents were stolen over months and later leaked. The case ended diplomatic relations between Albania and Iran.',
    techniques: ['T1190', 'T1505.003', 'T1114', 'T1486', 'T1485'], tags: ['albania', 'iran', 'mek', 'homeland-justice', 'government', 'diplomatic-rupture'],
    sourceIds: ['src-mandiant-2022-08', 'src-microsoft-2022-09-08', 'src-cisa-aa22-264a', 'src-ap-2022-09-07', 'src-mitre-c0038'], locations: [TIRANA],
    attributions: [
      { id: 'att-albania-hlj-claim', attributor: 'HomeLand Justice', attributorKind: 'self-claim', date: '2022-07', toActorId: 'actor-homeland-justice', basis: ['self-claim'], confidence: 'low', statement: 'The persona claimed the attack as a protest against the MEK presence in Albania; the claim names no state.', sourceIds: ['src-homeland-justice-posts'] },
      { id: 'att-albania-mandiant', attributor: 'Mandiant', attributorKind: 'company', attributorCountry: 'US', date: '2022-08', toCountry: 'IR', basis: ['technical-forensics'], confidence: 'moderate', statement: 'Judged the ROADSWEEP activity to be the work of an actor acting in support of Iranian interests, citing the ransom note, the timing and the tooling.', sourceIds: ['src-mandiant-2022-08'] },
      { id: 'att-albania-gov', attributor: 'Government of Albania (PM Edi Rama)', attributorKind: 'government', attributorCountry: 'AL', date: '2022-09-07', toCountry: 'IR', toActorId: 'actor-iran', basis: ['technical-forensics', 'intelligence', 'political-statement'], confidence: 'high', statement: 'Said the investigation, helped by partners, showed beyond doubt that Iran had orchestrated and sponsored the attack.', sourceIds: ['src-albania-pm-2022-09-07'] },
      { id: 'att-albania-us-nsc', attributor: 'US National Security Council', attributorKind: 'government', attributorCountry: 'US', date: '2022-09-07', toCountry: 'IR', toActorId: 'actor-iran', basis: ['intelligence', 'political-statement'], confidence: 'high', statement: 'Stated the US had concluded that the Iranian government carried out the attack.', sourceIds: ['src-us-nsc-2022-09-07'] },
      { id: 'att-albania-microsoft', attributor: 'Microsoft', attributorKind: 'company', attributorCountry: 'US', date: '2022-09-08', toCountry: 'IR', toActorId: 'actor-europium', basis: ['technical-forensics'], confidence: 'moderate', statement: 'Attributed the intrusion and destruction to four Iranian clusters (DEV-0842, DEV-0861, DEV-0166, DEV-0133) tied to EUROPIUM and MOIS.', sourceIds: ['src-microsoft-2022-09-08'] },
      { id: 'att-albania-uk-ncsc', attributor: 'UK National Cyber Security Centre', attributorKind: 'government', attributorCountry: 'GB', date: '2022-09-08', toCountry: 'IR', toActorId: 'actor-iran', basis: ['intelligence', 'technical-forensics'], confidence: 'high', likelihood: 'almost-certain', statement: 'Assessed that Iranian state actors were responsible (UK wording: almost certainly).', sourceIds: ['src-uk-ncsc-2022-09-08'] },
      { id: 'att-albania-us-treasury', attributor: 'US Department of the Treasury (OFAC)', attributorKind: 'government', attributorCountry: 'US', date: '2022-09-09', toCountry: 'IR', toActorId: 'actor-mois', basis: ['intelligence', 'political-statement'], confidence: 'high', statement: 'Named MOIS in its designation and cited the attack on Albania among its cyber activities.', sourceIds: ['src-us-treasury-2022-09-09'] },
      { id: 'att-albania-cisa-fbi', attributor: 'CISA and FBI (advisory AA22-264A)', attributorKind: 'government', attributorCountry: 'US', date: '2022-09-21', toCountry: 'IR', toActorId: 'actor-homeland-justice', basis: ['technical-forensics', 'intelligence'], confidence: 'high', statement: 'Described Iranian state cyber actors operating as HomeLand Justice, present in the network for about 14 months before the destructive phase.', sourceIds: ['src-cisa-aa22-264a'] },
    ],
    responses: [
      { id: 'resp-albania-break-relations', actor: 'Government of Albania', actorCountry: 'AL', type: 'break-relations', date: '2022-09-07', target: 'Iran', targetCountry: 'IR', description: 'Prime Minister Rama announced that Albania was ending diplomatic relations with Iran over the July attack.', sourceIds: ['src-albania-pm-2022-09-07', 'src-ap-2022-09-07'] },
      { id: 'resp-albania-expel', actor: 'Government of Albania', actorCountry: 'AL', type: 'expel-diplomats', date: '2022-09-07', target: 'Embassy of Iran in Tirana', targetCountry: 'IR', description: 'Diplomatic, technical and security staff of the Iranian embassy were given 24 hours to leave the country.', sourceIds: ['src-albania-pm-2022-09-07', 'src-ap-2022-09-07'] },
      { id: 'resp-albania-us-nsc', actor: 'US National Security Council', actorCountry: 'US', type: 'statement', date: '2022-09-07', target: 'Iran', targetCountry: 'IR', description: 'Condemned the attack and said Washington would take further action to hold Iran to account.', sourceIds: ['src-us-nsc-2022-09-07'] },
      { id: 'resp-albania-nac', actor: 'North Atlantic Council (NATO)', type: 'alliance-statement', date: '2022-09-08', target: 'Iran', targetCountry: 'IR', description: 'Allies condemned the attack, backed Albania’s attribution and its response, and recalled that cyber activity can be treated as grounds for collective defence.', sourceIds: ['src-nato-nac-2022-09-08'] },
      { id: 'resp-albania-nato-sg', actor: 'NATO Secretary General', type: 'alliance-statement', date: '2022-09-08', target: 'Iran', targetCountry: 'IR', description: 'Condemned the attack on an ally and expressed solidarity with Albania.', sourceIds: ['src-nato-sg-2022-09-08'] },
      { id: 'resp-albania-uk', actor: 'UK Government', actorCountry: 'GB', type: 'statement', date: '2022-09-08', target: 'Iran', targetCountry: 'IR', description: 'Condemned the attack alongside the NCSC assessment that Iranian state actors were behind it.', sourceIds: ['src-uk-ncsc-2022-09-08'] },
      { id: 'resp-albania-ofac', actor: 'US Department of the Treasury (OFAC)', actorCountry: 'US', type: 'sanctions', date: '2022-09-09', target: 'MOIS and Minister of Intelligence Esmail Khatib', targetCountry: 'IR', description: 'Designated the ministry and its minister, freezing US-linked assets and barring dealings with them.', sourceIds: ['src-us-treasury-2022-09-09'] },
      { id: 'resp-albania-eu', actor: 'European Union (High Representative on behalf of the EU)', type: 'alliance-statement', date: '2022-09-13', target: 'Iran', targetCountry: 'IR', description: 'Declared solidarity with Albania and condemned the attack.', sourceIds: ['src-eu-2022-09-13'] },
      { id: 'resp-albania-cisa-fbi', actor: 'CISA and FBI', actorCountry: 'US', type: 'technical-assistance', date: '2022-09-21', target: 'Iranian state cyber actors', targetCountry: 'IR', description: 'Published joint advisory AA22-264A with indicators, the intrusion timeline and mitigations, drawing on the FBI’s work in Albania.', sourceIds: ['src-cisa-aa22-264a'] },
    ],
  },
  {
    id: 'inc-albania-tims-2022-09', title: 'Attack on Albania’s TIMS border control system', start: '2022-09-09', disclosed: '2022-09-10',
    summary: 'On the evening of 9 September 2022, two days after the diplomatic break, a second attack took down TIMS, the system Albania’s State Police use to record entries and exits at the border. Border posts fell back to recording crossings by hand. The Interior Ministry said the next day that the attackers were the same as in July. Public detail on the tools used is thin.',
    victims: [{ country: 'AL', sector: 'Law enforcement / border control', organisation: 'Albanian State Police — TIMS (Total Information Management System)' }],
    sponsorCountries: ['IR'], actorIds: ['actor-iran', 'actor-homeland-justice'], nexus: 'state-linked', severity: 3,
    impact: 'Automated border registration was interrupted; crossings were recorded manually while the system was restored.',
    tags: ['albania', 'iran', 'border-control', 'homeland-justice'], sourceIds: ['src-albania-interior-2022-09-10'], locations: [TIRANA],
    attributions: [
      { id: 'att-tims-interior', attributor: 'Ministry of Interior of Albania', attributorKind: 'government', attributorCountry: 'AL', date: '2022-09-10', toCountry: 'IR', toActorId: 'actor-iran', basis: ['political-statement'], confidence: 'moderate', statement: 'Said the TIMS attack came from the same hand as the July attack on government systems.', sourceIds: ['src-albania-interior-2022-09-10'] },
    ],
  },
  {
    id: 'inc-albania-leaks-2022-09', title: 'HomeLand Justice leaks of Albanian government data', start: '2022-09-19', end: '2022-10-19',
    summary: 'After the diplomatic break the HomeLand Justice persona published batches of material stolen from Albanian government networks, with dumps on 19 September, 3 October and 19 October 2022. The releases looked designed to embarrass the government and to keep the MEK issue in the news.',
    types: ['hack-and-leak', 'influence'], victims: [{ country: 'AL', sector: 'Government', organisation: 'Albanian government bodies (mail and documents)' }],
    sponsorCountries: ['IR'], actorIds: ['actor-homeland-justice', 'actor-mois'], nexus: 'state-linked', severity: 2,
    impact: 'Personal and official data were exposed; the government had to respond to leaked content.',
    techniques: ['T1114'], tags: ['albania', 'iran', 'leak', 'homeland-justice'], sourceIds: ['src-homeland-justice-posts', 'src-mitre-c0038'], locations: [TIRANA],
    attributions: [
      { id: 'att-leaks-hlj', attributor: 'HomeLand Justice', attributorKind: 'self-claim', date: '2022-09-19', toActorId: 'actor-homeland-justice', basis: ['self-claim'], confidence: 'moderate', statement: 'The persona published the dumps under its own name.', sourceIds: ['src-homeland-justice-posts'] },
    ],
  },
  {
    id: 'inc-estonia-2007-04', title: 'DDoS and defacement campaign against Estonia', start: '2007-04-27', end: '2007-05',
    summary: 'Waves of denial-of-service traffic and website defacements hit Estonian state bodies, banks and media after the government moved a Soviet war memorial in Tallinn. Traffic peaked on 4 and 9 May. Estonian officials pointed at Russia; Moscow denied involvement, and the only person convicted was an ethnic-Russian student living in Estonia. The episode fed directly into NATO’s decision to host its cyber defence centre of excellence in Tallinn.',
    types: ['ddos', 'defacement'], victims: [{ country: 'EE', sector: 'Government; banking; media', organisation: 'Estonian ministries, parliament, banks and news sites' }],
    sponsorCountries: ['RU'], actorIds: ['actor-russia'], nexus: 'state-linked', severity: 3,
    impact: 'Online banking and government sites were unreachable or throttled at times for about three weeks.',
    techniques: ['T1498', 'T1491.002'], tags: ['estonia', 'russia', 'ddos', 'bronze-soldier'], sourceIds: ['src-ccdcoe-2010'], locations: [TALLINN],
    attributions: [
      { id: 'att-estonia-mfa', attributor: 'Estonian Foreign Minister', attributorKind: 'government', attributorCountry: 'EE', date: '2007-05', toCountry: 'RU', toActorId: 'actor-russia', basis: ['political-statement'], confidence: 'low', statement: 'Said some attack traffic came from Russian state addresses; Russia denied any role.', sourceIds: ['src-estonia-mfa-2007-05'] },
    ],
    responses: [
      { id: 'resp-estonia-nato-experts', actor: 'NATO', type: 'technical-assistance', date: '2007-05', description: 'Sent cyber defence experts to Tallinn to help during the attacks.', sourceIds: ['src-ccdcoe-2010'] },
      { id: 'resp-estonia-ccdcoe', actor: 'NATO / sponsoring nations', type: 'alliance-statement', date: '2008', description: 'The Cooperative Cyber Defence Centre of Excellence was established in Tallinn in 2008.', sourceIds: ['src-ccdcoe-2010'] },
    ],
  },
  {
    id: 'inc-shamoon-2012-08', title: 'Shamoon wiper attack on Saudi Aramco', start: '2012-08-15',
    summary: 'The Shamoon wiper erased data on about 30,000 Saudi Aramco workstations, overwriting files with an image of a burning flag. A persona called the Cutting Sword of Justice claimed it. Qatar’s RasGas was hit by a similar attack days later. US officials, speaking to the press, blamed Iran, and Defense Secretary Leon Panetta described the attack in a major speech in October.',
    types: ['wiper'], victims: [{ country: 'SA', sector: 'Energy', organisation: 'Saudi Aramco' }, { country: 'QA', sector: 'Energy', organisation: 'RasGas' }],
    sponsorCountries: ['IR'], actorIds: ['actor-iran', 'actor-cutting-sword'], nexus: 'state-linked', severity: 4,
    impact: 'Roughly 30,000 office computers had to be replaced or rebuilt; oil production itself was reported unaffected.',
    techniques: ['T1485', 'T1561.002'], tags: ['saudi-arabia', 'qatar', 'iran', 'energy', 'shamoon'], sourceIds: ['src-nyt-2012-10'], locations: [RIYADH],
    attributions: [
      { id: 'att-shamoon-claim', attributor: 'Cutting Sword of Justice', attributorKind: 'self-claim', date: '2012-08', toActorId: 'actor-cutting-sword', basis: ['self-claim'], confidence: 'low', sourceIds: ['src-cutting-sword-2012-08'] },
      { id: 'att-shamoon-us-officials', attributor: 'US officials (unnamed, via press)', attributorKind: 'government', attributorCountry: 'US', date: '2012-10', toCountry: 'IR', toActorId: 'actor-iran', basis: ['intelligence'], confidence: 'moderate', statement: 'Officials told reporters they believed Iran was behind the attacks on Aramco and RasGas.', sourceIds: ['src-nyt-2012-10'] },
    ],
    responses: [
      { id: 'resp-shamoon-panetta', actor: 'US Secretary of Defense Leon Panetta', actorCountry: 'US', type: 'statement', date: '2012-10-11', description: 'Cited the Aramco and RasGas attacks as the most destructive against private business so far and warned of US readiness to act.', sourceIds: ['src-dod-panetta-2012-10-11'] },
    ],
  },
  {
    id: 'inc-sony-2014-11', title: 'Destructive hack-and-leak against Sony Pictures', start: '2014-11-24', disclosed: '2014-11-24',
    summary: 'Attackers calling themselves Guardians of Peace wiped thousands of Sony Pictures Entertainment computers and leaked unreleased films, e-mails and staff data, then threatened cinemas showing "The Interview", a comedy about North Korea’s leader. The FBI named North Korea on 19 December 2014. The US answered with new sanctions in January 2015 and, in 2018, charges against an alleged North Korean programmer.',
    types: ['wiper', 'hack-and-leak'], victims: [{ country: 'US', sector: 'Media and entertainment', organisation: 'Sony Pictures Entertainment' }],
    sponsorCountries: ['KP'], actorIds: ['actor-north-korea', 'actor-lazarus', 'actor-guardians-of-peace'], nexus: 'state-linked', severity: 4,
    impact: 'Large parts of the studio’s IT estate were destroyed; confidential data and films leaked; the planned wide cinema release of a film was cancelled.',
    techniques: ['T1485', 'T1561.002'], tags: ['north-korea', 'sony', 'media', 'leak'], sourceIds: ['src-fbi-2014-12-19'], locations: [LOS_ANGELES],
    attributions: [
      { id: 'att-sony-fbi', attributor: 'Federal Bureau of Investigation', attributorKind: 'government', attributorCountry: 'US', date: '2014-12-19', toCountry: 'KP', toActorId: 'actor-north-korea', basis: ['technical-forensics', 'intelligence'], confidence: 'high', statement: 'Said it had enough information to conclude the North Korean government was responsible, citing malware and infrastructure overlaps.', sourceIds: ['src-fbi-2014-12-19'] },
      { id: 'att-sony-doj', attributor: 'US Department of Justice', attributorKind: 'government', attributorCountry: 'US', date: '2018-09-06', toCountry: 'KP', toActorId: 'actor-lazarus', basis: ['technical-forensics', 'intelligence'], confidence: 'high', sourceIds: ['src-doj-2018-09-06'] },
    ],
    responses: [
      { id: 'resp-sony-eo13687', actor: 'US President (Executive Order 13687)', actorCountry: 'US', type: 'sanctions', date: '2015-01-02', target: 'North Korean government entities and officials, including the RGB', targetCountry: 'KP', sourceIds: ['src-us-eo13687-2015-01-02'] },
      { id: 'resp-sony-indictment', actor: 'US Department of Justice', actorCountry: 'US', type: 'indictment', date: '2018-09-06', target: 'Park Jin Hyok', targetCountry: 'KP', description: 'Charges unsealed against an alleged North Korean programmer for the Sony attack, WannaCry and other intrusions.', sourceIds: ['src-doj-2018-09-06'] },
    ],
  },
  {
    id: 'inc-ukraine-grid-2015-12', title: 'Attack on Ukrainian power distribution companies', start: '2015-12-23',
    summary: 'Operators took remote control of substation systems at three regional power distributors in western Ukraine and switched off breakers, leaving about 230,000 people without electricity for one to six hours. They also wiped machines with KillDisk and flooded call centres. Ukraine blamed Russia; in October 2020 US prosecutors charged six GRU officers of unit 74455 (Sandworm) over this and other attacks.',
    types: ['physical-sabotage', 'wiper'], victims: [{ country: 'UA', sector: 'Energy (electricity distribution)', organisation: 'Prykarpattyaoblenergo, Kyivoblenergo, Chernivtsioblenergo' }],
    sponsorCountries: ['RU'], actorIds: ['actor-russia', 'actor-gru', 'actor-sandworm'], nexus: 'state-linked', severity: 4,
    impact: 'About 230,000 people lost power for up to six hours; substations were run manually for months afterwards.',
    techniques: ['T1566.001', 'T1485'], tags: ['ukraine', 'russia', 'energy', 'ics', 'sandworm'], sourceIds: ['src-ics-cert-2016-02-25'], locations: [KYIV],
    attributions: [
      { id: 'att-grid-ukraine', attributor: 'Government of Ukraine (SBU)', attributorKind: 'government', attributorCountry: 'UA', date: '2015-12', toCountry: 'RU', toActorId: 'actor-russia', basis: ['political-statement'], confidence: 'moderate', statement: 'Blamed Russian special services soon after the outage.', sourceIds: ['src-sbu-2015-12'] },
      { id: 'att-grid-doj', attributor: 'US Department of Justice', attributorKind: 'government', attributorCountry: 'US', date: '2020-10-19', toCountry: 'RU', toActorId: 'actor-sandworm', basis: ['intelligence', 'technical-forensics'], confidence: 'high', sourceIds: ['src-doj-2020-10-19'] },
    ],
    responses: [
      { id: 'resp-grid-us-team', actor: 'US interagency team (DHS, FBI, DOE)', actorCountry: 'US', type: 'technical-assistance', date: '2016-01', description: 'Visited Ukraine to help investigate; findings were shared as an ICS-CERT alert in February 2016.', sourceIds: ['src-ics-cert-2016-02-25'] },
      { id: 'resp-grid-indictment', actor: 'US Department of Justice', actorCountry: 'US', type: 'indictment', date: '2020-10-19', target: 'Six GRU unit 74455 officers', targetCountry: 'RU', sourceIds: ['src-doj-2020-10-19'] },
    ],
  },
  {
    id: 'inc-wannacry-2017-05', title: 'WannaCry ransomware worm', start: '2017-05-12', end: '2017-05',
    summary: 'A self-spreading ransomware worm using the leaked EternalBlue SMB exploit hit several hundred thousand computers in about 150 countries within days. Britain’s National Health Service was among the worst affected, cancelling appointments and diverting ambulances. A researcher stopped the spread by registering a kill-switch domain. The US and UK formally blamed North Korea in December 2017; the EU imposed its first cyber sanctions over it in 2020.',
    types: ['ransomware'], victims: [{ country: 'GB', sector: 'Health', organisation: 'National Health Service trusts' }, { country: 'ES', sector: 'Telecommunications', organisation: 'Telefónica' }, { country: 'DE', sector: 'Transport', organisation: 'Deutsche Bahn' }],
    sponsorCountries: ['KP'], actorIds: ['actor-north-korea', 'actor-lazarus'], nexus: 'state-linked', severity: 5,
    impact: 'Global disruption across health, transport, telecoms and manufacturing; the NHS cancelled thousands of appointments.',
    techniques: ['T1210', 'T1486'], tags: ['north-korea', 'ransomware', 'worm', 'health', 'global'], sourceIds: ['src-us-wh-2017-12-19', 'src-uk-fco-2017-12-19'], locations: [LONDON],
    attributions: [
      { id: 'att-wannacry-us', attributor: 'The White House (Homeland Security Adviser)', attributorKind: 'government', attributorCountry: 'US', date: '2017-12-19', toCountry: 'KP', toActorId: 'actor-north-korea', basis: ['intelligence', 'technical-forensics'], confidence: 'high', sourceIds: ['src-us-wh-2017-12-19'] },
      { id: 'att-wannacry-uk', attributor: 'UK Foreign Office', attributorKind: 'government', attributorCountry: 'GB', date: '2017-12-19', toCountry: 'KP', toActorId: 'actor-lazarus', basis: ['intelligence'], confidence: 'high', statement: 'Named the North Korean actor known as Lazarus Group.', sourceIds: ['src-uk-fco-2017-12-19'] },
    ],
    responses: [
      { id: 'resp-wannacry-indictment', actor: 'US Department of Justice', actorCountry: 'US', type: 'indictment', date: '2018-09-06', target: 'Park Jin Hyok', targetCountry: 'KP', sourceIds: ['src-doj-2018-09-06'] },
      { id: 'resp-wannacry-eu-sanctions', actor: 'Council of the European Union', type: 'sanctions', date: '2020-07-30', target: 'North Korean front company and others linked to WannaCry', targetCountry: 'KP', description: 'Part of the first listings under the EU cyber sanctions regime.', sourceIds: ['src-eu-2020-07-30'] },
    ],
  },
  {
    id: 'inc-notpetya-2017-06', title: 'NotPetya destructive malware', start: '2017-06-27',
    summary: 'Malware dressed up as ransomware, but unable to restore data, spread from a poisoned update of the Ukrainian accounting package M.E.Doc and then worm-like across corporate networks worldwide. Ukrainian ministries, banks and utilities were hit first; Maersk, Merck, FedEx’s TNT and others suffered heavy losses. The UK and US blamed the Russian military in February 2018, followed by US and EU sanctions and the 2020 US indictment of GRU officers.',
    types: ['wiper'], victims: [{ country: 'UA', sector: 'Government; finance; energy', organisation: '' }, { country: 'DK', sector: 'Shipping', organisation: 'A.P. Møller-Maersk' }, { country: 'US', sector: 'Pharmaceuticals', organisation: 'Merck' }],
    sponsorCountries: ['RU'], actorIds: ['actor-russia', 'actor-gru', 'actor-sandworm'], nexus: 'state-linked', severity: 5,
    impact: 'Often called the costliest cyberattack so far, with damage estimated in the billions of US dollars.',
    techniques: ['T1195.002', 'T1210', 'T1003', 'T1485'], tags: ['russia', 'ukraine', 'supply-chain', 'global', 'sandworm'], sourceIds: ['src-uk-fco-2018-02-15', 'src-us-wh-2018-02-15'], locations: [KYIV],
    attributions: [
      { id: 'att-notpetya-uk', attributor: 'UK Government', attributorKind: 'government', attributorCountry: 'GB', date: '2018-02-15', toCountry: 'RU', toActorId: 'actor-gru', basis: ['intelligence', 'technical-forensics'], confidence: 'high', sourceIds: ['src-uk-fco-2018-02-15'] },
      { id: 'att-notpetya-us', attributor: 'The White House', attributorKind: 'government', attributorCountry: 'US', date: '2018-02-15', toCountry: 'RU', toActorId: 'actor-gru', basis: ['intelligence'], confidence: 'high', statement: 'Presented it as one strand of Russia’s campaign against Ukraine.', sourceIds: ['src-us-wh-2018-02-15'] },
      { id: 'att-notpetya-doj', attributor: 'US Department of Justice', attributorKind: 'government', attributorCountry: 'US', date: '2020-10-19', toCountry: 'RU', toActorId: 'actor-sandworm', basis: ['intelligence', 'technical-forensics'], confidence: 'high', sourceIds: ['src-doj-2020-10-19'] },
    ],
    responses: [
      { id: 'resp-notpetya-us-sanctions', actor: 'US Department of the Treasury (OFAC)', actorCountry: 'US', type: 'sanctions', date: '2018-03-15', target: 'Russian entities and individuals including the GRU', targetCountry: 'RU', sourceIds: ['src-us-treasury-2018-03-15'] },
      { id: 'resp-notpetya-eu-sanctions', actor: 'Council of the European Union', type: 'sanctions', date: '2020-07-30', target: 'GRU Main Centre for Special Technologies', targetCountry: 'RU', sourceIds: ['src-eu-2020-07-30'] },
      { id: 'resp-notpetya-indictment', actor: 'US Department of Justice', actorCountry: 'US', type: 'indictment', date: '2020-10-19', target: 'Six GRU unit 74455 officers', targetCountry: 'RU', sourceIds: ['src-doj-2020-10-19'] },
    ],
  },
  {
    id: 'inc-solarwinds-2020-12', title: 'SolarWinds Orion supply-chain espionage', start: '2019-09', disclosed: '2020-12',
    summary: 'Intruders got into SolarWinds’ build environment and slipped a backdoor (SUNBURST) into Orion network-management updates shipped in 2020, reaching some 18,000 customers; a much smaller set, including US federal departments, was then exploited further. FireEye’s discovery of its own breach led to public disclosure in December 2020. In April 2021 the US named Russia’s SVR, announced sanctions and expelled ten Russian diplomats.',
    types: ['espionage'], victims: [{ country: 'US', sector: 'Government', organisation: 'Several federal departments' }, { country: 'US', sector: 'Technology', organisation: 'SolarWinds; FireEye; Microsoft' }],
    sponsorCountries: ['RU'], actorIds: ['actor-russia', 'actor-svr', 'actor-apt29'], nexus: 'state-linked', severity: 4,
    impact: 'Long-running access to government and corporate networks; months of costly remediation across public and private sectors.',
    techniques: ['T1195.002', 'T1606.002'], tags: ['russia', 'espionage', 'supply-chain', 'svr'], sourceIds: ['src-fireeye-2020-12-13', 'src-cisa-ed-21-01'], locations: [WASHINGTON],
    attributions: [
      { id: 'att-solarwinds-fireeye', attributor: 'FireEye', attributorKind: 'company', attributorCountry: 'US', date: '2020-12-13', toActorId: 'actor-apt29', basis: ['technical-forensics'], confidence: 'low', statement: 'Tracked the operator as a new cluster, UNC2452, without naming a state; the cluster was later merged into APT29.', sourceIds: ['src-fireeye-2020-12-13'] },
      { id: 'att-solarwinds-us-joint', attributor: 'FBI, CISA, ODNI and NSA', attributorKind: 'government', attributorCountry: 'US', date: '2021-01-05', toCountry: 'RU', toActorId: 'actor-russia', basis: ['intelligence'], confidence: 'moderate', likelihood: 'likely', statement: 'Said the actor was likely Russian in origin.', sourceIds: ['src-us-joint-2021-01-05'] },
      { id: 'att-solarwinds-us-wh', attributor: 'The White House', attributorKind: 'government', attributorCountry: 'US', date: '2021-04-15', toCountry: 'RU', toActorId: 'actor-svr', basis: ['intelligence'], confidence: 'high', sourceIds: ['src-us-wh-2021-04-15'] },
      { id: 'att-solarwinds-uk', attributor: 'UK National Cyber Security Centre', attributorKind: 'government', attributorCountry: 'GB', date: '2021-04-15', toCountry: 'RU', toActorId: 'actor-svr', basis: ['intelligence'], confidence: 'high', likelihood: 'very-likely', statement: 'UK wording: highly likely the SVR.', sourceIds: ['src-uk-ncsc-2021-04-15'] },
    ],
    responses: [
      { id: 'resp-solarwinds-ed', actor: 'CISA', actorCountry: 'US', type: 'technical-assistance', date: '2020-12-13', description: 'Emergency directive ordering federal agencies to disconnect or power down affected Orion products.', sourceIds: ['src-cisa-ed-21-01'] },
      { id: 'resp-solarwinds-sanctions', actor: 'US President / Treasury', actorCountry: 'US', type: 'sanctions', date: '2021-04-15', target: 'Russian government entities and technology companies', targetCountry: 'RU', description: 'New executive order enabling sanctions for harmful Russian activities, with first designations.', sourceIds: ['src-us-wh-2021-04-15'] },
      { id: 'resp-solarwinds-expel', actor: 'US Department of State', actorCountry: 'US', type: 'expel-diplomats', date: '2021-04-15', target: 'Ten members of the Russian diplomatic mission', targetCountry: 'RU', sourceIds: ['src-us-wh-2021-04-15'] },
    ],
  },
  {
    id: 'inc-colonial-2021-05', title: 'Colonial Pipeline ransomware', start: '2021-05-07', end: '2021-05-12',
    summary: 'A DarkSide ransomware affiliate encrypted Colonial Pipeline’s business systems; the company shut down the largest fuel pipeline on the US East Coast as a precaution, causing panic buying and shortages. Colonial paid a ransom of 75 bitcoin, of which the Justice Department later recovered 63.7. No state is assessed to have directed the attack.',
    types: ['ransomware'], victims: [{ country: 'US', sector: 'Energy (fuel pipeline)', organisation: 'Colonial Pipeline Company' }],
    actorIds: ['actor-darkside'], nexus: 'criminal', severity: 4,
    impact: 'Pipeline halted for about five days; fuel shortages across the south-east US; ransom of 75 BTC paid.',
    techniques: ['T1486'], tags: ['ransomware', 'energy', 'critical-infrastructure', 'darkside'], sourceIds: ['src-fbi-2021-05-10'], locations: [ALPHARETTA],
    attributions: [
      { id: 'att-colonial-fbi', attributor: 'Federal Bureau of Investigation', attributorKind: 'government', attributorCountry: 'US', date: '2021-05-10', toActorId: 'actor-darkside', basis: ['technical-forensics'], confidence: 'high', statement: 'Confirmed DarkSide ransomware was responsible.', sourceIds: ['src-fbi-2021-05-10'] },
    ],
    responses: [
      { id: 'resp-colonial-emergency', actor: 'US Department of Transportation (FMCSA)', actorCountry: 'US', type: 'state-of-emergency', date: '2021-05-09', description: 'Regional emergency declaration easing rules on fuel transport by road.', sourceIds: ['src-us-dot-2021-05-09'] },
      { id: 'resp-colonial-seizure', actor: 'US Department of Justice', actorCountry: 'US', type: 'seizure', date: '2021-06-07', target: 'DarkSide', description: 'Seized 63.7 BTC of the ransom payment.', sourceIds: ['src-doj-2021-06-07'] },
      { id: 'resp-colonial-reward', actor: 'US Department of State', actorCountry: 'US', type: 'reward', date: '2021-11-04', target: 'DarkSide leaders and affiliates', description: 'Reward of up to $10 million offered for information on the group’s leaders.', sourceIds: ['src-us-state-2021-11-04'] },
    ],
  },
  {
    id: 'inc-viasat-2022-02', title: 'Viasat KA-SAT satellite network disruption', start: '2022-02-24', disclosed: '2022-02',
    summary: 'About an hour before Russia’s full-scale invasion of Ukraine, attackers abused a management system of Viasat’s KA-SAT network to push destructive commands to customer modems, knocking out tens of thousands of terminals in Ukraine and across Europe; some 5,800 German wind turbines lost remote monitoring. The EU, UK, US, Canada and Estonia, among others, attributed it to Russia on 10 May 2022.',
    types: ['wiper'], victims: [{ country: 'UA', sector: 'Government; military communications', organisation: 'KA-SAT users' }, { country: 'DE', sector: 'Energy (wind)', organisation: 'Enercon turbine fleet' }],
    sponsorCountries: ['RU'], actorIds: ['actor-russia', 'actor-gru'], nexus: 'state-linked', severity: 4,
    impact: 'Roughly 30,000 satellite terminals disabled; modems had to be replaced; knock-on loss of remote access to wind farms.',
    techniques: ['T1485'], tags: ['russia', 'ukraine', 'satellite', 'war'], sourceIds: ['src-viasat-2022-03-30', 'src-enercon-2022'], locations: [KYIV],
    attributions: [
      { id: 'att-viasat-eu', attributor: 'European Union (High Representative)', attributorKind: 'international-org', date: '2022-05-10', toCountry: 'RU', toActorId: 'actor-russia', basis: ['political-statement', 'intelligence'], confidence: 'high', sourceIds: ['src-eu-2022-05-10'] },
      { id: 'att-viasat-uk', attributor: 'UK Government (NCSC)', attributorKind: 'government', attributorCountry: 'GB', date: '2022-05-10', toCountry: 'RU', toActorId: 'actor-russia', basis: ['intelligence', 'technical-forensics'], confidence: 'high', likelihood: 'almost-certain', sourceIds: ['src-uk-fcdo-2022-05-10'] },
      { id: 'att-viasat-us', attributor: 'US Department of State', attributorKind: 'government', attributorCountry: 'US', date: '2022-05-10', toCountry: 'RU', toActorId: 'actor-russia', basis: ['intelligence'], confidence: 'high', sourceIds: ['src-us-state-2022-05-10'] },
      { id: 'att-viasat-ca', attributor: 'Government of Canada', attributorKind: 'government', attributorCountry: 'CA', date: '2022-05-10', toCountry: 'RU', toActorId: 'actor-russia', basis: ['political-statement'], confidence: 'high', sourceIds: ['src-canada-gac-2022-05-10'] },
      { id: 'att-viasat-ee', attributor: 'Government of Estonia', attributorKind: 'government', attributorCountry: 'EE', date: '2022-05-10', toCountry: 'RU', toActorId: 'actor-russia', basis: ['political-statement'], confidence: 'high', sourceIds: ['src-estonia-mfa-2022-05-10'] },
    ],
    responses: [
      { id: 'resp-viasat-eu', actor: 'European Union', type: 'alliance-statement', date: '2022-05-10', target: 'Russia', targetCountry: 'RU', description: 'Condemned the attack as part of a pattern of Russian cyber operations against Ukraine.', sourceIds: ['src-eu-2022-05-10'] },
      { id: 'resp-viasat-uk', actor: 'UK Government', actorCountry: 'GB', type: 'statement', date: '2022-05-10', target: 'Russia', targetCountry: 'RU', sourceIds: ['src-uk-fcdo-2022-05-10'] },
    ],
  },
  {
    id: 'inc-costa-rica-2022-04', title: 'Conti ransomware attacks on the Costa Rican government', start: '2022-04-17',
    summary: 'From mid-April 2022 the Conti gang encrypted and stole data from Costa Rican ministries, starting with the Finance Ministry’s tax and customs systems, and demanded millions of dollars. The government refused to pay. Newly inaugurated President Rodrigo Chaves declared a national emergency on 8 May, and the US offered up to $10 million for information on Conti’s leaders.',
    types: ['ransomware', 'hack-and-leak'], victims: [{ country: 'CR', sector: 'Government', organisation: 'Ministry of Finance and other ministries' }],
    actorIds: ['actor-conti'], nexus: 'criminal', severity: 4,
    impact: 'Tax collection and customs processing were disrupted for weeks; stolen data was published.',
    techniques: ['T1486'], tags: ['ransomware', 'government', 'latin-america', 'conti'], sourceIds: ['src-conti-claims-2022-04', 'src-cr-decree-42542'], locations: [SAN_JOSE],
    attributions: [
      { id: 'att-costa-rica-conti', attributor: 'Conti', attributorKind: 'self-claim', date: '2022-04', toActorId: 'actor-conti', basis: ['self-claim'], confidence: 'high', statement: 'The gang claimed the attacks and posted stolen data on its leak site.', sourceIds: ['src-conti-claims-2022-04'] },
    ],
    responses: [
      { id: 'resp-costa-rica-reward', actor: 'US Department of State', actorCountry: 'US', type: 'reward', date: '2022-05-06', target: 'Conti leadership', description: 'Up to $10 million for information identifying or locating Conti leaders.', sourceIds: ['src-us-state-2022-05-06'] },
      { id: 'resp-costa-rica-emergency', actor: 'Government of Costa Rica', actorCountry: 'CR', type: 'state-of-emergency', date: '2022-05-08', description: 'Executive Decree 42542 declared a national emergency across the public sector.', sourceIds: ['src-cr-decree-42542'] },
    ],
  },
  {
    id: 'inc-montenegro-2022-08', title: 'Ransomware attack on Montenegrin government systems', start: '2022-08',
    summary: 'Around 20 August 2022 ransomware hit roughly 150 workstations across about ten Montenegrin state institutions, and government services were taken offline. The national security agency blamed Russian services, while the Cuba ransomware gang claimed the attack; the two claims are not necessarily exclusive. The FBI and France’s ANSSI sent teams to help.',
    types: ['ransomware'], victims: [{ country: 'ME', sector: 'Government', organisation: 'About ten state institutions' }],
    actorIds: ['actor-russia', 'actor-cuba-ransomware'], nexus: 'unknown', severity: 3,
    impact: 'Government portals and some public services were unavailable for weeks.',
    techniques: ['T1486'], tags: ['montenegro', 'ransomware', 'government', 'contested-attribution'], sourceIds: ['src-balkaninsight-2022-09'], locations: [PODGORICA],
    attributions: [
      { id: 'att-montenegro-anb', attributor: 'National Security Agency of Montenegro (ANB)', attributorKind: 'government', attributorCountry: 'ME', date: '2022-08', toCountry: 'RU', toActorId: 'actor-russia', basis: ['political-statement'], confidence: 'low', sourceIds: ['src-me-anb-2022-08'] },
      { id: 'att-montenegro-cuba', attributor: 'Cuba ransomware', attributorKind: 'self-claim', date: '2022-08', toActorId: 'actor-cuba-ransomware', basis: ['self-claim'], confidence: 'moderate', sourceIds: ['src-cuba-claim-2022-08'] },
    ],
    responses: [
      { id: 'resp-montenegro-fbi', actor: 'FBI', actorCountry: 'US', type: 'technical-assistance', date: '2022-08', description: 'Sent an incident-response team to Podgorica.', sourceIds: ['src-balkaninsight-2022-09'] },
      { id: 'resp-montenegro-anssi', actor: 'ANSSI (France)', actorCountry: 'FR', type: 'technical-assistance', description: 'Sent experts to help restore government systems.', sourceIds: ['src-balkaninsight-2022-09'] },
    ],
  },
]
