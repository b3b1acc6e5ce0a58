// Which column holds which field. HubSpot, Salesforce (report and Data Loader names, custom
// fields' "__c" suffix), LinkedIn and common French/English export names are recognised; the
// rest is mapped by the user. A mapping is an array indexed by column position: column names
// are never used as object keys.

export type ImportKind = 'accounts' | 'contacts';

export const ACCOUNT_FIELDS = [
  'name', 'crmId', 'domain', 'website', 'industry', 'tier', 'currentRevenue', 'potentialRevenue', 'currency', 'owner', 'linkedinUrl',
  'renewalAt', 'nextReviewAt', 'street', 'postalCode', 'city', 'region', 'country', 'description', 'tags',
] as const;
export const CONTACT_FIELDS = ['fullName', 'firstName', 'lastName', 'email', 'title', 'company', 'companyCrmId', 'companyDomain', 'linkedinUrl', 'location', 'role', 'influence', 'stance'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type TargetField = AccountField | ContactField;
/** Target field of each column, by position ('' = ignored). */
export type Mapping = (TargetField | '')[];

/** Calendar-date fields (read per column by lib/io/csv/dates.ts). */
export const DATE_FIELDS: ReadonlySet<TargetField> = new Set<TargetField>(['renewalAt', 'nextReviewAt']);
/** Amount fields (read per column by lib/io/csv/numbers.ts). */
export const AMOUNT_FIELDS: ReadonlySet<TargetField> = new Set<TargetField>(['currentRevenue', 'potentialRevenue']);
/** Fields several columns may feed (joined): the parts of an address. */
export const MULTI_FIELDS: ReadonlySet<TargetField> = new Set<TargetField>(['street', 'description', 'tags']);

/** Headers folded to letters and digits: "Company Domain Name" → "companydomainname"; Salesforce "Renewal_Date__c" → "renewaldate". */
export const foldHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/__c$/, '')
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, '');

/** A folded header → its field and rank (position in the field's list: the earlier, the better the name). */
type Synonyms<F extends string> = Map<string, { field: F; rank: number }>;
const table = <F extends string>(o: Record<F, string[]>): Synonyms<F> => {
  const m: Synonyms<F> = new Map();
  for (const [f, names] of Object.entries(o) as [F, string[]][]) names.forEach((n, rank) => m.set(n, { field: f, rank }));
  return m;
};

const ACCOUNT_SYNONYMS = table<AccountField>({
  name: ['companyname', 'accountname', 'name', 'company', 'organization', 'organisation', 'nomducompte', 'raisonsociale', 'societe', 'entreprise', 'nomdelentreprise', 'compte', 'nom', 'nomdelasociete', 'denominationsociale'],
  crmId: ['recordid', 'accountid', 'id', 'companyid', 'hubspotid', 'salesforceid', 'crmid', 'crmrecordid', 'hubspotrecordid', 'idcompte'],
  domain: ['companydomainname', 'domain', 'domains', 'domainname', 'emaildomain', 'domaine'],
  website: ['website', 'websiteurl', 'url', 'siteweb', 'siteinternet', 'web'],
  industry: ['industry', 'secteur', 'secteurdactivite', 'industrie'],
  tier: ['tier', 'accounttier', 'tiering', 'segment'],
  currentRevenue: ['annualrevenue', 'revenue', 'currentrevenue', 'arr', 'chiffredaffaires', 'chiffredaffairesannuel', 'ca', 'caannuel'],
  potentialRevenue: ['potentialrevenue', 'potential', 'potentiel', 'capotentiel'],
  currency: ['currency', 'currencyisocode', 'currencycode', 'devise', 'accountcurrency'],
  owner: ['companyowner', 'accountowner', 'ownername', 'owner', 'hubspotowner', 'proprietaire', 'proprietaireducompte'],
  linkedinUrl: ['linkedincompanypage', 'linkedinurl', 'linkedin', 'linkedincompanyurl', 'linkedinpage'],
  renewalAt: ['renewaldate', 'renewal', 'contractenddate', 'daterenouvellement', 'datederenouvellement', 'renouvellement', 'contractrenewaldate', 'finducontrat'],
  nextReviewAt: ['nextreview', 'nextreviewdate', 'prochainerevue', 'datedeprochainerevue', 'reviewdate', 'nextaccountreview'],
  street: ['billingstreet', 'street', 'streetaddress', 'address', 'adresse', 'rue', 'shippingstreet', 'billingaddress', 'address1', 'streetaddress2', 'address2', 'street1', 'street2', 'street3', 'rue1', 'rue2', 'rue3'],
  postalCode: ['billingzippostalcode', 'billingpostalcode', 'postalcode', 'zip', 'zipcode', 'codepostal', 'cp', 'postcode', 'zippostalcode', 'billingcode', 'shippingcode'],
  city: ['billingcity', 'city', 'ville', 'villedefacturation', 'town'],
  region: ['billingstateprovince', 'billingstate', 'stateregion', 'state', 'region', 'province', 'stateprovince', 'etatprovince'],
  country: ['billingcountry', 'country', 'countryregion', 'pays', 'paysdefacturation', 'paysregion'],
  description: ['description', 'aboutus', 'notes', 'companydescription', 'commentaires', 'commentaire'],
  tags: ['tags', 'labels', 'label', 'etiquettes', 'etiquette'],
});
const CONTACT_SYNONYMS = table<ContactField>({
  fullName: ['name', 'fullname', 'contactname', 'nomcomplet'],
  firstName: ['firstname', 'givenname', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'nom', 'nomdefamille'],
  email: ['email', 'emailaddress', 'workemail', 'courriel', 'adresseemail', 'mail', 'emailwork', 'emailtravail', 'emailhome', 'emailother', 'email1value', 'emailaddress1', 'email1'],
  // Outlook's "Title" is the courtesy title (Mr., Dr.) next to "Job Title": the ranks make "Job Title" win.
  title: ['jobtitle', 'organizationtitle', 'organization1title', 'title', 'position', 'fonction', 'poste', 'intitule'],
  company: ['associatedcompany', 'companyname', 'company', 'accountname', 'accountaccountname', 'entreprise', 'societe', 'compte', 'organization', 'organisation', 'organizationname', 'organisationname', 'organization1name'],
  // the company's record id in the CRM: Salesforce Data Export Contact.AccountId, HubSpot
  // "Associated Company IDs", Pipedrive "Organization ID"
  companyCrmId: ['accountid', 'associatedcompanyid', 'associatedcompanyids', 'companyid', 'organizationid', 'organisationid', 'orgid'],
  companyDomain: ['companydomainname', 'companydomain', 'emaildomain'],
  linkedinUrl: ['linkedinurl', 'linkedinprofile', 'linkedin', 'linkedinprofileurl', 'url', 'profileurl'],
  location: ['city', 'location', 'mailingcity', 'ville', 'businesscity', 'address1city'],
  role: ['role', 'buyingrole'],
  influence: ['influence'],
  stance: ['stance', 'sentiment'],
});

/**
 * Dynamics 365 "Export to Excel" puts hidden columns first: "(Do Not Modify) Account" (the
 * record's GUID), "(Do Not Modify) Row Checksum", "(Do Not Modify) Modified On" — in French
 * "(Ne pas modifier) Compte", … They are never matched by name (the brackets fold away: "Account"
 * would look like a name column); the one named after the entity is the CRM record id.
 */
const DYNAMICS_HIDDEN = /^\(\s*(?:do not modify|ne pas modifier)\s*\)\s*(.*)$/i;
const DYNAMICS_ENTITY: Record<ImportKind, Set<string>> = { accounts: new Set(['account', 'compte']), contacts: new Set() };

/**
 * The header without an entity prefix: Pipedrive writes "Organization - Name", "Person - Email"
 * (and "Person - Email - Work"); Dynamics 365 "Address 1: City" ("Adresse 1 : Ville"). Only
 * tried when the whole header is not recognised.
 */
const unprefixed = (h: string): string | undefined => {
  const m = /^[^:]*?\S\s+-\s+(.+)$|^[^:]+?\s*:\s*(.+)$/.exec(h.trim());
  return m ? (m[1] ?? m[2]) : undefined;
};

/** The field a header names and how well (lower is better; a name found past a prefix ranks after every whole name), or undefined. */
function fieldOf<F extends TargetField>(h: string, kind: ImportKind, syn: Synonyms<F>): { field: F | 'crmId' | ''; rank: number } | undefined {
  const hidden = DYNAMICS_HIDDEN.exec(h.trim());
  if (hidden) return { field: kind === 'accounts' && DYNAMICS_ENTITY[kind].has(foldHeader(hidden[1])) ? 'crmId' : '', rank: 0 };
  const whole = syn.get(foldHeader(h));
  if (whole) return whole;
  const rest = unprefixed(h);
  const part = rest ? syn.get(foldHeader(rest)) : undefined;
  return part && { field: part.field, rank: 1000 + part.rank };
}

/**
 * Guesses each column's field. A field goes to the column whose name is the best synonym (then
 * the first such column); multi-column fields (address parts, description, tags) take them all.
 */
export function guessMapping(headers: string[], kind: ImportKind): Mapping {
  const syn: Synonyms<TargetField> = kind === 'accounts' ? ACCOUNT_SYNONYMS : CONTACT_SYNONYMS;
  const found = headers.map((h) => fieldOf(h, kind, syn));
  const best = new Map<TargetField, number>();
  found.forEach((f, i) => {
    if (!f?.field || MULTI_FIELDS.has(f.field)) return;
    const b = best.get(f.field);
    if (b === undefined || f.rank < found[b]!.rank) best.set(f.field, i);
  });
  return found.map((f, i) => (!f?.field ? '' : MULTI_FIELDS.has(f.field) || best.get(f.field) === i ? f.field : ''));
}

/** A contacts file has person columns (first/last name, email, job title); otherwise accounts. */
export function guessKind(headers: string[]): ImportKind {
  const f = new Set(headers.flatMap((h) => [foldHeader(h), foldHeader(unprefixed(h) ?? '')]));
  return ['firstname', 'lastname', 'email', 'emailaddress', 'jobtitle', 'prenom'].some((h) => f.has(h)) ? 'contacts' : 'accounts';
}

/** Column indexes mapped to each field. */
export function columnsByField(mapping: Mapping): Map<TargetField, number[]> {
  const m = new Map<TargetField, number[]>();
  mapping.forEach((f, i) => {
    if (f) (m.get(f) ?? m.set(f, []).get(f)!).push(i);
  });
  return m;
}
