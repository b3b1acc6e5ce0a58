// `vite-node scripts/bench/csv-import-run.ts`: only the 50,000-row CSV import bench (after `npm run build`).
import { launch } from '../../test/e2e/harness';
import { benchCsvImport, CSV_BUDGET } from './csv-import';

const lab = await launch();
try {
  const r = await benchCsvImport(lab);
  process.stdout.write(`${JSON.stringify(r)} budgets ${JSON.stringify(CSV_BUDGET)}\n`);
} finally {
  await lab.close();
}
