// The sample workspace's sources: public statements, reporting and research on its cases, each graded on the Admiralty scale.
import type { SourceSeed } from './seeds'

export const SOURCES: SourceSeed[] = [
  // Albania 2022
  { id: 'src-mandiant-2022-08', title: 'ROADSWEEP ransomware: likely Iranian actor conducts politically motivated disruption against Albanian government organisations', publisher: 'Mandiant', published: '2022-08', reliability: 'B', credibility: '2' },
  { id: 'src-albania-pm-2022-09-07', title: 'Statement by Prime Minister Edi Rama on the July cyberattack and the severing of diplomatic relations with Iran', publisher: 'Office of the Prime Minister of Albania', published: '2022-09-07', reliability: 'B', credibility: '2' },
  { id: 'src-us-nsc-2022-09-07', title: "Statement by the NSC spokesperson on Iran's cyberattack against Albania", publisher: 'The White House — National Security Council', published: '2022-09-07', reliability: 'B', credibility: '2' },
  { id: 'src-ap-2022-09-07', title: 'Albania cuts diplomatic ties with Iran over July cyberattack', publisher: 'Associated Press', published: '2022-09-07', reliability: 'C', credibility: '3' },
  { id: 'src-microsoft-2022-09-08', title: 'Microsoft investigates Iranian attacks against the Albanian government', publisher: 'Microsoft Threat Intelligence', published: '2022-09-08', reliability: 'B', credibility: '2' },
  { id: 'src-uk-ncsc-2022-09-08', title: 'UK condemns Iranian cyber attack on Albania (NCSC assessment)', publisher: 'UK Government — FCDO and National Cyber Security Centre', published: '2022-09-08', reliability: 'B', credibility: '2' },
  { id: 'src-nato-nac-2022-09-08', title: 'Statement by the North Atlantic Council on the malicious cyber activities against Albania', publisher: 'NATO', published: '2022-09-08', reliability: 'B', credibility: '2' },
  { id: 'src-nato-sg-2022-09-08', title: 'NATO Secretary General condemns the cyber attack on Albania', publisher: 'NATO', published: '2022-09-08', reliability: 'B', credibility: '2' },
  { id: 'src-us-treasury-2022-09-09', title: 'Treasury sanctions Iranian Ministry of Intelligence and its minister for malicious cyber activity', publisher: 'US Department of the Treasury', published: '2022-09-09', reliability: 'B', credibility: '1' },
  { id: 'src-albania-interior-2022-09-10', title: 'Interior Ministry statement on the cyberattack against the TIMS border control system', publisher: 'Ministry of Interior of Albania', published: '2022-09-10', reliability: 'B', credibility: '2' },
  { id: 'src-eu-2022-09-13', title: 'Declaration by the High Representative on behalf of the EU expressing solidarity with Albania after the cyber-attack', publisher: 'Council of the European Union', published: '2022-09-13', reliability: 'B', credibility: '2' },
  { id: 'src-cisa-aa22-264a', title: 'Iranian state actors conduct cyber operations against the Government of Albania (AA22-264A)', publisher: 'CISA and FBI', url: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-264a', published: '2022-09-21', reliability: 'B', credibility: '2' },
  { id: 'src-mitre-c0038', title: 'HomeLand Justice (campaign C0038)', publisher: 'MITRE ATT&CK', url: 'https://attack.mitre.org/campaigns/C0038/', reliability: 'B', credibility: '2' },
  { id: 'src-homeland-justice-posts', title: 'HomeLand Justice claim and leak posts (Telegram and website)', publisher: 'HomeLand Justice (self-published)', published: '2022-07', reliability: 'D', credibility: '3' },
  // Estonia 2007
  { id: 'src-ccdcoe-2010', title: 'International Cyber Incidents: Legal Considerations (chapter on Estonia 2007)', publisher: 'NATO Cooperative Cyber Defence Centre of Excellence', published: '2010', reliability: 'B', credibility: '2' },
  { id: 'src-estonia-mfa-2007-05', title: 'Estonian Foreign Minister statement on attacks against Estonian websites', publisher: 'Ministry of Foreign Affairs of Estonia', published: '2007-05', reliability: 'B', credibility: '3' },
  // Shamoon 2012
  { id: 'src-cutting-sword-2012-08', title: 'Cutting Sword of Justice claim of the Aramco attack (paste site post)', publisher: 'Cutting Sword of Justice (self-published)', published: '2012-08', reliability: 'D', credibility: '3' },
  { id: 'src-dod-panetta-2012-10-11', title: 'Remarks by Secretary Panetta on cybersecurity, New York City', publisher: 'US Department of Defense', published: '2012-10-11', reliability: 'B', credibility: '2' },
  { id: 'src-nyt-2012-10', title: 'In cyberattack on Saudi firm, U.S. sees Iran firing back', publisher: 'The New York Times', published: '2012-10', reliability: 'C', credibility: '3' },
  // Sony 2014
  { id: 'src-fbi-2014-12-19', title: 'Update on Sony investigation', publisher: 'Federal Bureau of Investigation', published: '2014-12-19', reliability: 'B', credibility: '2' },
  { id: 'src-us-eo13687-2015-01-02', title: 'Executive Order 13687: imposing additional sanctions with respect to North Korea', publisher: 'The White House', published: '2015-01-02', reliability: 'B', credibility: '1' },
  { id: 'src-doj-2018-09-06', title: 'North Korean regime-backed programmer charged with conspiracy to conduct multiple cyber attacks and intrusions', publisher: 'US Department of Justice', published: '2018-09-06', reliability: 'B', credibility: '2' },
  // Ukraine grid 2015
  { id: 'src-ics-cert-2016-02-25', title: 'Cyber-attack against Ukrainian critical infrastructure (IR-ALERT-H-16-056-01)', publisher: 'US ICS-CERT', published: '2016-02-25', reliability: 'B', credibility: '2' },
  { id: 'src-sbu-2015-12', title: 'SBU statement on malware found in the networks of regional power companies, blaming Russian special services', publisher: 'Security Service of Ukraine (SBU)', published: '2015-12', reliability: 'B', credibility: '3' },
  { id: 'src-doj-2020-10-19', title: 'Six Russian GRU officers charged for worldwide destructive malware and other disruptive cyber operations', publisher: 'US Department of Justice', published: '2020-10-19', reliability: 'B', credibility: '2' },
  // WannaCry 2017
  { id: 'src-us-wh-2017-12-19', title: 'Press briefing on the attribution of the WannaCry malware attack to North Korea', publisher: 'The White House', published: '2017-12-19', reliability: 'B', credibility: '2' },
  { id: 'src-uk-fco-2017-12-19', title: 'Foreign Office minister condemns North Korean actor for WannaCry attacks', publisher: 'UK Foreign and Commonwealth Office', published: '2017-12-19', reliability: 'B', credibility: '2' },
  { id: 'src-eu-2020-07-30', title: 'EU imposes the first ever sanctions against cyber-attacks', publisher: 'Council of the European Union', published: '2020-07-30', reliability: 'B', credibility: '1' },
  // NotPetya 2017
  { id: 'src-uk-fco-2018-02-15', title: 'Foreign Office minister condemns Russia for NotPetya attacks', publisher: 'UK Foreign and Commonwealth Office', published: '2018-02-15', reliability: 'B', credibility: '2' },
  { id: 'src-us-wh-2018-02-15', title: 'Statement from the Press Secretary on NotPetya', publisher: 'The White House', published: '2018-02-15', reliability: 'B', credibility: '2' },
  { id: 'src-us-treasury-2018-03-15', title: 'Treasury sanctions Russian cyber actors for election interference and destructive cyber-attacks', publisher: 'US Department of the Treasury', published: '2018-03-15', reliability: 'B', credibility: '1' },
  // SolarWinds 2020
  { id: 'src-cisa-ed-21-01', title: 'Emergency Directive 21-01: mitigate SolarWinds Orion code compromise', publisher: 'CISA', published: '2020-12-13', reliability: 'B', credibility: '1' },
  { id: 'src-fireeye-2020-12-13', title: 'Highly evasive attacker leverages SolarWinds supply chain to compromise multiple global victims with SUNBURST backdoor', publisher: 'FireEye', published: '2020-12-13', reliability: 'B', credibility: '2' },
  { id: 'src-us-joint-2021-01-05', title: 'Joint statement by FBI, CISA, ODNI and NSA on the SolarWinds compromise', publisher: 'FBI, CISA, ODNI and NSA', published: '2021-01-05', reliability: 'B', credibility: '2' },
  { id: 'src-us-wh-2021-04-15', title: 'Fact sheet: imposing costs for harmful foreign activities by the Russian government', publisher: 'The White House', published: '2021-04-15', reliability: 'B', credibility: '2' },
  { id: 'src-uk-ncsc-2021-04-15', title: 'UK and US call out Russia for SolarWinds compromise', publisher: 'UK National Cyber Security Centre', published: '2021-04-15', reliability: 'B', credibility: '2' },
  // Colonial Pipeline 2021
  { id: 'src-us-dot-2021-05-09', title: 'FMCSA regional emergency declaration for fuel transport after the Colonial Pipeline shutdown', publisher: 'US Department of Transportation', published: '2021-05-09', reliability: 'B', credibility: '1' },
  { id: 'src-fbi-2021-05-10', title: 'FBI statement on the Colonial Pipeline compromise', publisher: 'Federal Bureau of Investigation', published: '2021-05-10', reliability: 'B', credibility: '2' },
  { id: 'src-doj-2021-06-07', title: 'Department of Justice seizes cryptocurrency paid to the DarkSide ransomware extortionists', publisher: 'US Department of Justice', published: '2021-06-07', reliability: 'B', credibility: '1' },
  { id: 'src-us-state-2021-11-04', title: 'Reward offers for information to bring DarkSide ransomware leaders and affiliates to justice', publisher: 'US Department of State', published: '2021-11-04', reliability: 'B', credibility: '1' },
  // Viasat KA-SAT 2022
  { id: 'src-enercon-2022', title: 'Statement on lost remote monitoring of wind turbines after the satellite network outage', publisher: 'Enercon', reliability: 'B', credibility: '2' },
  { id: 'src-viasat-2022-03-30', title: 'KA-SAT network cyber attack overview', publisher: 'Viasat', published: '2022-03-30', reliability: 'B', credibility: '2' },
  { id: 'src-eu-2022-05-10', title: 'Russian cyber operations against Ukraine: declaration by the High Representative on behalf of the EU', publisher: 'Council of the European Union', published: '2022-05-10', reliability: 'B', credibility: '2' },
  { id: 'src-uk-fcdo-2022-05-10', title: 'Russia behind cyber-attack with Europe-wide impact an hour before Ukraine invasion', publisher: 'UK Foreign, Commonwealth and Development Office', published: '2022-05-10', reliability: 'B', credibility: '2' },
  { id: 'src-us-state-2022-05-10', title: "Attribution of Russia's malicious cyber activity against Ukraine", publisher: 'US Department of State', published: '2022-05-10', reliability: 'B', credibility: '2' },
  { id: 'src-canada-gac-2022-05-10', title: "Statement on Russia's malicious cyber activity affecting Europe and Ukraine", publisher: 'Global Affairs Canada', published: '2022-05-10', reliability: 'B', credibility: '2' },
  { id: 'src-estonia-mfa-2022-05-10', title: 'Statement attributing the cyber attack on the KA-SAT satellite network to Russia', publisher: 'Ministry of Foreign Affairs of Estonia', published: '2022-05-10', reliability: 'B', credibility: '2' },
  // Costa Rica 2022
  { id: 'src-conti-claims-2022-04', title: 'Conti leak-site posts claiming the Costa Rican government attacks', publisher: 'Conti (self-published)', published: '2022-04', reliability: 'D', credibility: '3' },
  { id: 'src-us-state-2022-05-06', title: 'Reward offers for information on the Conti ransomware variant and its leaders', publisher: 'US Department of State', published: '2022-05-06', reliability: 'B', credibility: '1' },
  { id: 'src-cr-decree-42542', title: 'Executive Decree 42542 declaring a national emergency over the cyberattacks on the public sector', publisher: 'Government of Costa Rica (La Gaceta)', published: '2022-05-08', reliability: 'B', credibility: '1' },
  // Montenegro 2022
  { id: 'src-me-anb-2022-08', title: 'National Security Agency statement on the attacks against government information systems', publisher: 'National Security Agency of Montenegro (ANB)', published: '2022-08', reliability: 'B', credibility: '3' },
  { id: 'src-cuba-claim-2022-08', title: 'Cuba ransomware leak-site post claiming the Montenegrin parliament data', publisher: 'Cuba ransomware (self-published)', published: '2022-08', reliability: 'D', credibility: '3' },
  { id: 'src-balkaninsight-2022-09', title: 'Press coverage of the Montenegro government cyberattack and foreign incident-response teams', publisher: 'Balkan Insight', published: '2022-09', reliability: 'C', credibility: '3' },
]
