import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Date-sensitive tests (test/unit/tz/**) run once per time zone below, each in its own worker
// with TZ set (Node re-reads TZ when it is assigned): a calendar date must be the same day in
// Los Angeles (UTC−8/−7), Paris (UTC+1/+2) and Auckland (UTC+12/+13).
const TIME_ZONES = ['America/Los_Angeles', 'Europe/Paris', 'Pacific/Auckland'];
// The timeout is a hang guard, not a speed budget (speed is `npm run bench`): property tests of a
// few hundred runs took over Vitest's default 5 s on a loaded 2-core machine.
const base = { environment: 'happy-dom' as const, setupFiles: ['test/unit/setup.ts'], testTimeout: 30_000 };

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      { extends: true as const, test: { ...base, name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'], exclude: ['test/unit/tz/**'] } },
      // Two clients on a real Dexie Cloud database: skipped unless KAL_SYNC_URL… are set (npm run test:sync).
      { extends: true as const, test: { ...base, name: 'sync', include: ['test/sync/**/*.test.ts'], testTimeout: 600_000 } },
      ...TIME_ZONES.map((tz) => ({ extends: true as const, test: { ...base, name: `tz:${tz}`, include: ['test/unit/tz/**/*.test.ts'], env: { TZ: tz } } })),
    ],
  },
});
