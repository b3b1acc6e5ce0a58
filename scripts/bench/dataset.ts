// A generated portfolio at scale, in the JSON backup format, for `npm run bench`:
// n accounts with 10 stakeholders, 10 notes and 5 actions each (10k → 100k/100k/50k).
// Deterministic (seeded) so runs compare.
import { addDays, today } from '../../lib/dates/calendar-date';
import { nameKey, personKey } from '../../lib/match/normalize';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../lib/io/backup';
import type { Account, Action, Note, Plan, Stakeholder } from '../../lib/db/model';

const DAY = 86_400_000;
const WORDS = ['Nord', 'Sud', 'Alpha', 'Atlas', 'Hexa', 'Polar', 'Vega', 'Orion', 'Lumen', 'Terra', 'Nova', 'Cobalt', 'Azur', 'Mistral', 'Delta', 'Opale'];
const KINDS = ['Distribution', 'Logistique', 'Énergie', 'Santé', 'Industries', 'Analytics', 'Assurances', 'Banque', 'Services', 'Retail'];
const FIRST = ['Claire', 'Marc', 'Sophie', 'Lukas', 'Ingrid', 'Thomas', 'Élodie', 'Matteo', 'Anne', 'Jonas', 'Léa', 'Hugo'];
const LAST = ['Martin', 'Leroy', 'Dubois', 'Becker', 'Svensson', 'Girard', 'Fabre', 'Rossi', 'Moreau', 'Weber', 'Bernard', 'Petit'];
const ROLES = ['economic_buyer', 'decision_maker', 'champion', 'influencer', 'technical_evaluator', 'user', 'gatekeeper', 'sponsor'] as const;
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
const INFL = ['high', 'medium', 'low'] as const;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function accountName(i: number): string {
  return `${WORDS[i % WORDS.length]} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]} ${i}`;
}
export const accountSlug = (i: number) => `bench-account-${i}`;
export const accountDomain = (i: number) => `bench-account-${i}.fr`;
export const personSlug = (i: number, j: number) => `bench-person-${i}-${j}`;

export function generateBackup(n: number, now = Date.UTC(2026, 10, 26)): Backup {
  const r = rng(n);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const accounts: Account[] = [];
  const plans: Plan[] = [];
  const stakeholders: Stakeholder[] = [];
  const actions: Action[] = [];
  const notes: Note[] = [];
  for (let i = 0; i < n; i++) {
    const id = `a${i}`;
    const name = accountName(i);
    const current = Math.round(r() * 500) * 1000;
    accounts.push({
      id,
      name,
      nameKey: nameKey(name),
      aliases: [],
      domains: [accountDomain(i)],
      linkedinUrls: [`https://www.linkedin.com/company/${accountSlug(i)}/`],
      tier: pick(['A', 'B', 'C', 'untiered'] as const),
      scores: { revenue: Math.round(r() * 5), potential: Math.round(r() * 5), growth: Math.round(r() * 5), strategicFit: Math.round(r() * 5), relationship: Math.round(r() * 5), access: Math.round(r() * 5) },
      currency: 'EUR',
      currentRevenue: current,
      potentialRevenue: current + Math.round(r() * 2000) * 1000,
      renewalAt: addDays(today(now), Math.round((r() - 0.2) * 365)),
      reviewCadenceDays: 30,
      nextReviewAt: addDays(today(now), Math.round((r() - 0.3) * 60)),
      tags: [],
      createdAt: now - 400 * DAY,
      updatedAt: now - Math.round(r() * 100) * DAY,
    });
    if (i % 2 === 0) {
      plans.push({
        id: `p${i}`,
        accountId: id,
        context: 'Groupe multisite, équipement progressif des filiales.',
        priorities: 'Réduire les coûts logistiques, consolider les outils.',
        objectives: [{ id: `o${i}`, title: 'Étendre à 5 filiales', status: 'on_track' }],
        strategy: 'Land & expand par région.',
        valueProposition: 'Pilotage unifié des stocks.',
        whitespace: [{ id: `w${i}`, offering: 'Analytics', entity: 'Filiale Nord', status: 'none', value: 120000 }],
        risks: [{ id: `r${i}`, title: 'Concurrent en place', severity: 'medium', mitigation: 'Preuve de valeur' }],
        productFeedback: '',
        advocacy: [],
        revision: 1,
        createdAt: now - 200 * DAY,
        updatedAt: now - Math.round(r() * 150) * DAY,
      });
    }
    for (let j = 0; j < 10; j++) {
      const sname = `${FIRST[(i + j) % FIRST.length]} ${LAST[(i * 7 + j) % LAST.length]} ${i}-${j}`;
      stakeholders.push({
        id: `s${i}-${j}`,
        accountId: id,
        name: sname,
        nameKey: personKey(sname),
        title: 'Directeur des opérations',
        linkedinUrl: `https://www.linkedin.com/in/${personSlug(i, j)}/`,
        emails: [`p${j}@${accountDomain(i)}`],
        role: ROLES[j % ROLES.length]!,
        influence: pick(INFL),
        stance: pick(STANCES),
        relationship: 'good',
        reportsTo: j > 0 ? `s${i}-0` : undefined,
        lastContactAt: now - Math.round(r() * 200) * DAY,
        notes: '',
        createdAt: now - 300 * DAY,
        updatedAt: now - 10 * DAY,
      });
      notes.push({
        id: `n${i}-${j}`,
        accountId: id,
        body: `Compte rendu d'échange ${j} : points ouverts sur le périmètre, relance prévue. `.repeat(2),
        threadId: j === 0 ? `thread-${i}` : undefined,
        source: { site: j === 0 ? 'gmail' : 'dashboard' },
        createdAt: now - (j + 1) * 7 * DAY,
        updatedAt: now - (j + 1) * 7 * DAY,
      });
    }
    for (let k = 0; k < 5; k++) {
      actions.push({
        id: `x${i}-${k}`,
        accountId: id,
        title: `Action ${k} pour ${name}`,
        dueAt: addDays(today(now), (k - 2) * 5),
        status: k === 4 ? 'done' : 'open',
        priority: 'normal',
        kind: 'task',
        source: 'dashboard',
        createdAt: now - 30 * DAY,
        updatedAt: now - 30 * DAY,
      });
    }
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, data: { accounts, plans, planRevisions: [], stakeholders, actions, notes, links: [] } };
}
