// The sites the extension works on, per site family. Each family has its own content script
// (entrypoints/<family>-content.ts, declared from CONTENT_SCRIPTS below); the union feeds host
// permissions and web-accessible resources, so the manifest's lists can never drift apart.
export const LINKEDIN_MATCHES = ['https://*.linkedin.com/*'] as const;
export const GMAIL_MATCHES = ['https://mail.google.com/*'] as const;
export const OUTLOOK_MATCHES = [
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
  'https://outlook.cloud.microsoft/*',
] as const;

export const HOST_MATCHES = [...LINKEDIN_MATCHES, ...GMAIL_MATCHES, ...OUTLOOK_MATCHES] as const;

/** The manifest's content scripts: one per site family, each a script built from entrypoints/<script>.ts. */
export const CONTENT_SCRIPTS = [
  { script: 'linkedin-content', matches: LINKEDIN_MATCHES },
  { script: 'gmail-content', matches: GMAIL_MATCHES },
  { script: 'outlook-content', matches: OUTLOOK_MATCHES },
] as const;
