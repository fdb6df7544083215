// Bundles the server with the workspace's TypeScript sources (shared/, data/) into dist/main.js.
// Registry packages stay external: they are installed, and better-sqlite3 is native.
import { build } from 'esbuild';

const externalRegistryPackages = {
  name: 'external-registry-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@ptce/') ? undefined : { path: args.path, external: true },
    );
  },
};

await build({
  entryPoints: {
    main: 'src/main.ts',
    worker: 'src/workers/worker.ts',
    'hash-worker': 'src/workers/hash-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  plugins: [externalRegistryPackages],
  logLevel: 'warning',
});
