// The sites the extension works on. One list feeds the manifest (host permissions, content-script
// matches, web-accessible resources) so the three can never drift apart.
export const HOST_MATCHES = [
  '*://*.linkedin.com/*',
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.office365.com/*',
  '*://outlook.live.com/*',
  '*://outlook.cloud.microsoft/*',
] as const;
