// Loaded in every thread of a server under test (NODE_OPTIONS=--require): appends the thread's
// V8 heap limit to the file named by PTCE_HEAP_REPORT, one JSON line per thread.
const fs = require('node:fs');
const v8 = require('node:v8');
const { isMainThread, threadId } = require('node:worker_threads');

const file = process.env.PTCE_HEAP_REPORT;
if (file) {
  const limitMb = v8.getHeapStatistics().heap_size_limit / 1024 / 1024;
  fs.appendFileSync(file, `${JSON.stringify({ isMainThread, threadId, limitMb })}\n`);
}
