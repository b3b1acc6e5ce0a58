// A LinkedIn Connections.csv (written for this test in LinkedIn's export format) maps connections
// to accounts: by company name or alias, then by email domain; known stakeholders are marked.
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type KalDb } from '../../lib/db/db';
import { applyImport, newId } from '../../lib/db/repo';
import { readCsvFile } from '../../lib/io/csv-import';
import { connectionsBatch, isConnectionsTable, planConnections } from '../../lib/io/linkedin-connections';
import { loadSamplePortfolio } from '../../lib/sample/load';
import { sampleAccountId } from '../../lib/sample/portfolio';
import { fixture, NOW } from './csv-helpers';

let db: KalDb | undefined;
afterEach(() => db?.close());

describe('LinkedIn Connections.csv', () => {
  it('skips the Notes preamble, maps connections to accounts and marks known stakeholders; nothing is written', async () => {
    db = createDb(`li-${crypto.randomUUID()}`);
    await loadSamplePortfolio(db, NOW);
    const { layout } = readCsvFile(fixture('linkedin-Connections.csv'), 'Connections.csv');
    if (!layout.ok) throw new Error();
    expect(layout.table.headerRow).toBe(4);
    expect(layout.table.skipped.map((s) => s.why)).toEqual(['title', 'title']);
    expect(isConnectionsTable(layout.table.headers)).toBe(true);
    const accounts = await db.accounts.toArray();
    const stakeholders = await db.stakeholders.toArray();
    const before = await db.stakeholders.count();
    const plan = planConnections(layout.table, accounts, stakeholders, (d) => d === 'gmail.com');
    expect(plan).toMatchObject({ total: 7, unmatched: 1, problems: [] });
    const view = plan.accounts.map((a) => [a.accountName, a.people.map((p) => [p.connection.name, p.matchedBy, !!p.stakeholderId])]);
    expect(view).toEqual([
      ['Groupe Hexagone Distribution', [['Claire Martin', 'name', true], ['Aurélie Fontaine', 'name', false]]],
      ['Polaris Energy AB', [['Jonas Berg', 'name', false], ['Petra Lind', 'domain', false]]],
      ['Mutuelle Atlantique', [['Léa Roux', 'name', false]]],
      ['Nordlicht Analytics GmbH', [['Hannah Vogel', 'name', true]]],
    ]);
    const jonas = plan.accounts[1].people[0].connection;
    expect(jonas).toMatchObject({ linkedinUrl: 'https://www.linkedin.com/in/jonas-berg-energy/', email: 'jonas.berg@polaris-energy.se', position: 'Head of Grid Analytics', connectedOn: '2023-11-28' });
    expect(await db.stakeholders.count()).toBe(before);

    // The user adds the new people of Hexagone and Polaris after review.
    const picked = plan.accounts.slice(0, 2).flatMap((a) => a.people.filter((p) => !p.stakeholderId).map((p) => ({ accountId: a.accountId, connection: p.connection })));
    const batch = connectionsBatch(picked, stakeholders, { now: NOW, newId });
    await applyImport(db, batch);
    expect(await db.stakeholders.count()).toBe(before + 3);
    const added = await db.stakeholders.where('accountId').equals(sampleAccountId('polaris')).toArray();
    expect(added.find((s) => s.name === 'Petra Lind')).toMatchObject({ title: 'Advisor', emails: ['petra.lind@polaris-energy.se'], relationship: 'good', linkedinUrl: 'https://www.linkedin.com/in/petra-lind-22/' });
  });
});
