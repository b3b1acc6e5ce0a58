// Enumerations of the stored records, without zod, so UI bundles that only need the lists
// (the sidebar's selects) don't pull in the validation library.
export const TIERS = ['A', 'B', 'C', 'untiered'] as const;
export const ROLES = [
  'economic_buyer',
  'decision_maker',
  'sponsor',
  'champion',
  'influencer',
  'technical_evaluator',
  'user',
  'gatekeeper',
  'unknown',
] as const;
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent', 'unknown'] as const;
export const INFLUENCES = ['high', 'medium', 'low'] as const;
export const RELATIONSHIPS = ['strong', 'good', 'weak', 'none'] as const;
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;
export const ACTION_KINDS = ['task', 'call', 'email', 'meeting', 'review'] as const;
export const PRIORITIES = ['high', 'normal', 'low'] as const;
export const OBJECTIVE_STATUSES = ['not_started', 'on_track', 'at_risk', 'done'] as const;
export const WHITESPACE_STATUSES = ['ours', 'competitor', 'in_house', 'none', 'unknown'] as const;
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const ADVOCACY_KINDS = ['reference', 'case_study', 'testimonial', 'event'] as const;
export const LINK_KINDS = ['domain', 'company', 'name', 'profile', 'thread'] as const;
export const SITES = ['linkedin', 'gmail', 'outlook', 'web', 'dashboard'] as const;

export type Tier = (typeof TIERS)[number];
export type Role = (typeof ROLES)[number];
export type Stance = (typeof STANCES)[number];
export type Influence = (typeof INFLUENCES)[number];

