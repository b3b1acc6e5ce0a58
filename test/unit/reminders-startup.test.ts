// startReminders runs at every wake of the service worker: it must not re-create an existing
// alarm (that restarted the reminder check after each wake) nor read the database (cold start);
// the badge is refreshed when the browser starts or the extension is installed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDb } from '../../lib/db/db';
import { startReminders } from '../../lib/background/reminders';

describe('startReminders on a worker wake', () => {
  beforeEach(() => fakeBrowser.reset());

  it('creates the alarm once, keeps an existing one, and leaves the database alone', async () => {
    const db = createDb('rem-' + Math.random());
    const get = vi.spyOn(db.actions, 'where');
    startReminders(db);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get('kal-reminders')).toBeDefined());
    const first = await fakeBrowser.alarms.get('kal-reminders');
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    startReminders(db); // the next wake
    await new Promise((r) => setTimeout(r, 20));
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get('kal-reminders')).toEqual(first);
    expect(get).not.toHaveBeenCalled();
    // The browser starting (not a mere wake) refreshes the overdue badge from the database.
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(get).toHaveBeenCalledWith('[status+dueAt]'));
    db.close();
  });
});
