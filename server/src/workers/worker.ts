// The worker threads' entry (built to dist/worker.js): every job kind the pools may run.
import { readJobs } from '../exports/read-jobs';
import { importJobs } from '../imports/parse-upload';
import { regionJobs } from '../regions/region-jobs';
import { serveJobs } from './serve-jobs';

serveJobs({ ...importJobs, ...readJobs, ...regionJobs });
