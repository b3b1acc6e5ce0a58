// CSV export of accounts, stakeholders and actions (spreadsheet-friendly: dates as ISO days,
// lists joined with "; ", and cells that a spreadsheet would run as formulas neutralised).
// Calendar dates (renewal, next review, due) are written exactly as stored (YYYY-MM-DD), so an
// export gives the same day in every time zone; instants (last contact, done, created) are
// written as their day in the exporting user's time zone.
import Papa from 'papaparse';
import type { Account, Action, Stakeholder } from '../db/model';
import { dayOfStored } from '../dates/calendar-date';

// Never fails on a value an older version stored out of range (issue 12, 6b): an instant that is
// not a date exports as an empty cell, a list that is not a list as empty, an amount that is not
// a finite number as an empty cell.
const day = (ms?: number) => dayOfStored(ms) ?? '';
const list = (xs: unknown): string => (Array.isArray(xs) ? xs.join('; ') : '');
const amount = (n: unknown): number | '' => (typeof n === 'number' && Number.isFinite(n) ? n : '');
const whitespace = (a: Account): number | '' => {
  const p = amount(a.potentialRevenue);
  const c = amount(a.currentRevenue);
  return p === '' || c === '' ? '' : Math.max(0, p - c);
};
/** A leading = + - @ (or tab/CR) makes spreadsheets evaluate the cell: prefix it with a quote. */
export function safeCell(v: unknown): string | number {
  if (typeof v === 'number') return v;
  const s = v === undefined || v === null ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
function toCsv(header: string[], rows: unknown[][]): string {
  return Papa.unparse({ fields: header, data: rows.map((r) => r.map(safeCell)) }, { newline: '\r\n' });
}

export function accountsCsv(accounts: Account[]): string {
  return toCsv(
    ['Id', 'Account Name', 'Tier', 'Domains', 'Website', 'Industry', 'Currency', 'Current Revenue', 'Potential Revenue', 'Whitespace', 'Renewal Date', 'Next Review', 'Review Cadence Days', 'Owner', 'LinkedIn Company Page', 'Tags', 'CRM Record Id', 'Address', 'Description'],
    accounts.map((a) => [a.id, a.name, a.tier, list(a.domains), a.website ?? '', a.industry ?? '', a.currency, amount(a.currentRevenue), amount(a.potentialRevenue), whitespace(a), a.renewalAt ?? '', a.nextReviewAt ?? '', a.reviewCadenceDays, a.owner ?? '', list(a.linkedinUrls), list(a.tags), list(a.crmIds), a.address ?? '', a.description ?? '']),
  );
}

export function stakeholdersCsv(stakeholders: Stakeholder[], accountName: (id: string) => string): string {
  const byId = new Map(stakeholders.map((s) => [s.id, s.name]));
  return toCsv(
    ['Id', 'Name', 'Title', 'Email', 'LinkedIn URL', 'Account Name', 'Role', 'Stance', 'Influence', 'Relationship', 'Reports To', 'Last Contact', 'Location'],
    stakeholders.map((s) => [s.id, s.name, s.title ?? '', list(s.emails), s.linkedinUrl ?? '', accountName(s.accountId), s.role, s.stance, s.influence, s.relationship, s.reportsTo ? (byId.get(s.reportsTo) ?? '') : '', day(s.lastContactAt), s.location ?? '']),
  );
}

export function actionsCsv(actions: Action[], accountName: (id: string) => string): string {
  return toCsv(
    ['Id', 'Account Name', 'Title', 'Status', 'Due Date', 'Priority', 'Kind', 'Done At', 'Created At'],
    actions.map((a) => [a.id, accountName(a.accountId), a.title, a.status, a.dueAt ?? '', a.priority, a.kind, day(a.doneAt), day(a.createdAt)]),
  );
}
