// CRM record ids as keys. Salesforce writes one record's id two ways: 15 characters, case-
// sensitive (reports, the classic UI, URLs) and 18 characters, the same 15 plus a 3-character
// checksum of their upper-case letters (Data Export, Data Loader, the API). A Data Export imported
// first and a report re-imported later must find the same accounts, so both forms key as the 15.
// Checksum (Salesforce: "What are Salesforce IDs composed of?" / the CASESAFEID formula): for each
// 5-character chunk of the 15, bit i is set when character i is an upper-case A–Z; the 5-bit value
// indexes "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 15-character form of an 18-character Salesforce id whose checksum holds, else undefined. */
export function salesforceId15(id: string): string | undefined {
  if (!/^[a-zA-Z0-9]{18}$/.test(id)) return undefined;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id.charCodeAt(chunk * 5 + i);
      if (c >= 0x41 && c <= 0x5a) bits |= 1 << i;
    }
    suffix += SUFFIX[bits];
  }
  return suffix === id.slice(15) ? id.slice(0, 15) : undefined;
}

/** The key a CRM record id is matched by: trimmed; an 18-character Salesforce id as its 15 characters. */
export const crmIdKey = (id: string): string => {
  const v = id.trim();
  return salesforceId15(v) ?? v;
};
