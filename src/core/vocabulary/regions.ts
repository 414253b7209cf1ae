// English local authorities with children's services -> the ONS region they lie in, defined once: the Evidence
// view groups its heat map by region with it. Names are matched however a report or sidecar prints them
// ("Bristol, City of", "City of York", "Kingston upon Hull City Council", "Telford & Wrekin", "St. Helens");
// a name not listed (an invented authority, a typing slip) has no region and is shown under OTHER_REGION.

import { authorityKey } from './authorityKey';

/** The nine regions of England, in the order ONS lists them (the order of the heat map's groups). */
export const ENGLISH_REGIONS = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;

export type EnglishRegion = (typeof ENGLISH_REGIONS)[number];

/** The group for authorities without a region (unknown names, reports that name none). */
export const OTHER_REGION = 'Other';

// Each authority once, under its usual name; councils replaced by a merger (Cumbria, Northamptonshire, Bournemouth,
// Poole) stay, since older reports name them.
const AUTHORITIES_BY_REGION: Record<EnglishRegion, readonly string[]> = {
  'North East': ['County Durham', 'Darlington', 'Gateshead', 'Hartlepool', 'Middlesbrough', 'Newcastle upon Tyne', 'North Tyneside', 'Northumberland', 'Redcar and Cleveland', 'South Tyneside', 'Stockton-on-Tees', 'Sunderland'],
  'North West': [
    'Blackburn with Darwen', 'Blackpool', 'Bolton', 'Bury', 'Cheshire East', 'Cheshire West and Chester', 'Cumberland', 'Cumbria', 'Halton', 'Knowsley', 'Lancashire', 'Liverpool',
    'Manchester', 'Oldham', 'Rochdale', 'Salford', 'Sefton', 'St Helens', 'Stockport', 'Tameside', 'Trafford', 'Warrington', 'Westmorland and Furness', 'Wigan', 'Wirral',
  ],
  'Yorkshire and The Humber': ['Barnsley', 'Bradford', 'Calderdale', 'Doncaster', 'East Riding of Yorkshire', 'Kingston upon Hull', 'Kirklees', 'Leeds', 'North East Lincolnshire', 'North Lincolnshire', 'North Yorkshire', 'Rotherham', 'Sheffield', 'Wakefield', 'York'],
  'East Midlands': ['Derby', 'Derbyshire', 'Leicester', 'Leicestershire', 'Lincolnshire', 'North Northamptonshire', 'Northamptonshire', 'Nottingham', 'Nottinghamshire', 'Rutland', 'West Northamptonshire'],
  'West Midlands': ['Birmingham', 'Coventry', 'Dudley', 'Herefordshire', 'Sandwell', 'Shropshire', 'Solihull', 'Staffordshire', 'Stoke-on-Trent', 'Telford and Wrekin', 'Walsall', 'Warwickshire', 'Wolverhampton', 'Worcestershire'],
  'East of England': ['Bedford', 'Cambridgeshire', 'Central Bedfordshire', 'Essex', 'Hertfordshire', 'Luton', 'Norfolk', 'Peterborough', 'Southend-on-Sea', 'Suffolk', 'Thurrock'],
  London: [
    'Barking and Dagenham', 'Barnet', 'Bexley', 'Brent', 'Bromley', 'Camden', 'City of London', 'Croydon', 'Ealing', 'Enfield', 'Greenwich', 'Hackney', 'Hammersmith and Fulham', 'Haringey',
    'Harrow', 'Havering', 'Hillingdon', 'Hounslow', 'Islington', 'Kensington and Chelsea', 'Kingston upon Thames', 'Lambeth', 'Lewisham', 'Merton', 'Newham', 'Redbridge',
    'Richmond upon Thames', 'Southwark', 'Sutton', 'Tower Hamlets', 'Waltham Forest', 'Wandsworth', 'Westminster',
  ],
  'South East': ['Bracknell Forest', 'Brighton and Hove', 'Buckinghamshire', 'East Sussex', 'Hampshire', 'Isle of Wight', 'Kent', 'Medway', 'Milton Keynes', 'Oxfordshire', 'Portsmouth', 'Reading', 'Slough', 'Southampton', 'Surrey', 'West Berkshire', 'West Sussex', 'Windsor and Maidenhead', 'Wokingham'],
  'South West': [
    'Bath and North East Somerset', 'Bournemouth', 'Bournemouth, Christchurch and Poole', 'Bristol', 'Cornwall', 'Devon', 'Dorset', 'Gloucestershire', 'Isles of Scilly', 'North Somerset', 'Plymouth', 'Poole',
    'Somerset', 'South Gloucestershire', 'Swindon', 'Torbay', 'Wiltshire',
  ],
};

// Other names the same councils go by, as keys (see regionKey): short forms, the Ofsted or ONS file's spellings.
const ALIASES: Record<string, string> = {
  durham: 'county durham',
  hull: 'kingston upon hull',
  newcastle: 'newcastle upon tyne',
  'london corporation': 'city of london',
  'corporation of london': 'city of london',
  bcp: 'bournemouth christchurch and poole',
  southend: 'southend on sea',
  'saint helens': 'st helens',
  'bath and ne somerset': 'bath and north east somerset',
  'east riding': 'east riding of yorkshire',
};

/**
 * A name reduced to what identifies the council: the project's authority key, with "&" read as "and", and the
 * words around the place name dropped ("City of", ", City of", "County of", "Council of the", a trailing "City").
 */
export function regionKey(name: string): string {
  let key = authorityKey(name.replace(/&/g, ' and ').replace(/\bst\./gi, 'st '));
  // "Trafford Council's", "Medway Children's Services", "Bradford Children and Families Trust".
  key = key
    .replace(/\s*'s$/, '')
    .replace(/\s+(children'?s services|children'?s trust|children and families trust)$/, '')
    .replace(/\s*'s$/, '')
    .replace(/^(of the|of)\s+/, '')
    .replace(/^the\s+/, '');
  if (TABLE.has(key) || ALIASES[key]) return ALIASES[key] ?? key;
  const bare = key
    .replace(/^(city and county of|city of|county of|metropolitan borough of|borough of)\s+/, '')
    .replace(/\s+(city and county of|city of|county of)$/, '')
    .replace(/\s+(metropolitan borough|metropolitan district|metropolitan|district|city|county|borough)$/, '')
    .trim();
  return ALIASES[bare] ?? bare;
}

const TABLE = new Map<string, EnglishRegion>();
for (const region of ENGLISH_REGIONS) {
  for (const authority of AUTHORITIES_BY_REGION[region]) TABLE.set(authorityKey(authority.replace(/&/g, ' and ')), region);
}

/** The ONS region of an English local authority named as a report or sidecar prints it; undefined when unknown. */
export function regionOf(authority: string | undefined): EnglishRegion | undefined {
  if (!authority) return undefined;
  return TABLE.get(regionKey(authority));
}

/** Every authority the table knows, under its usual name (tests, the corpus check). */
export function knownAuthorities(): Array<{ name: string; region: EnglishRegion }> {
  return ENGLISH_REGIONS.flatMap((region) => AUTHORITIES_BY_REGION[region].map((name) => ({ name, region })));
}
