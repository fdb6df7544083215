// The worker threads' entry (built to dist/worker.js): every job kind the pools may run.
import { serveJobs } from './serve-jobs';

serveJobs({});
