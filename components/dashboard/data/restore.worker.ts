// Dedicated worker of the dashboard's restore (lib/io/restore-job.ts): parsing 90 MB of JSON,
// validating 265,000 records and queueing their writes would otherwise hold the page's main
// thread for seconds at a time. IndexedDB is the extension origin's here too.
import { restoreJob, type RestoreReply, type RestoreRequest } from '@/lib/io/restore-job';

const handle = restoreJob((r: RestoreReply) => self.postMessage(r));
self.onmessage = (e: MessageEvent<RestoreRequest>) => void handle(e.data);
