import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Explicit entries: this layout is not electron-vite's default (src/main, src/preload, src/renderer).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          headless: resolve('src-main/headless.ts'),
          cli: resolve('src-main/cli.ts'),
          start: resolve('src-main/start.ts'),
          sim: resolve('src-main/sim.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // The sandboxed preload cannot require packages: bundle what it imports.
      externalizeDeps: false,
      lib: { entry: resolve('src-preload/index.ts') },
      rolldownOptions: {
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
