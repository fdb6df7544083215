// The password hashing threads' entry (built to dist/hash-worker.js): scrypt only, so a thread
// costs an isolate and no more (not the exports' modules of worker.ts).
import { deriveHere } from '../auth/passwords';
import { serveJobs } from './serve-jobs';

export interface ScryptInput {
  password: string;
  salt: Uint8Array;
  n: number;
  r: number;
  p: number;
}

serveJobs({
  scrypt: async (input: ScryptInput) =>
    deriveHere(input.password, input.salt, input.n, input.r, input.p),
});
