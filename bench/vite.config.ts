import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import packageJson from '../package.json' with { type: 'json' };

// Builds the benchmarks for Node (npm run bench); dependencies stay external.
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.devDependencies),
];

export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, '../out/bench'),
    emptyOutDir: true,
    minify: false,
    target: 'node24',
    rolldownOptions: {
      // quote-ingest-memory runs in a fresh process of its own, started by the quote-ingest section.
      input: { run: resolve(import.meta.dirname, 'run.ts'), 'quote-ingest-memory': resolve(import.meta.dirname, 'quote-ingest-memory.ts') },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
