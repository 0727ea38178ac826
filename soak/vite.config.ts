import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import packageJson from '../package.json' with { type: 'json' };

// Builds the soak for Node (npm run soak); dependencies stay external.
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(packageJson.dependencies),
  ...Object.keys(packageJson.devDependencies),
];

// oxlint-disable-next-line import/no-default-export -- vite reads the default export
export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, '../out/soak'),
    emptyOutDir: true,
    minify: false,
    target: 'node24',
    rolldownOptions: {
      input: { run: resolve(import.meta.dirname, 'run.ts') },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
