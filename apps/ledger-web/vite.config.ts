// The web console: built by `npm run build` into dist/ledger-web/, served by the API at `/`.
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = new URL('.', import.meta.url).pathname;

export default defineConfig({
  root: here,
  base: '/',
  // React's automatic JSX runtime through esbuild: no Babel plugin needed.
  esbuild: { jsx: 'automatic' },
  // The API's contract (view types, problem details, money rules): apps/ledger-web/tsconfig.json's path.
  resolve: { alias: { '@ledger/contract': new URL('../../libs/ledger/src/contract.ts', import.meta.url).pathname } },
  // Brotli and gzip copies of every asset, made once at build time and served as they are (no
  // compression per request): the console's JavaScript is about a fifth of its size on the wire.
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: new URL('../../dist/ledger-web/', import.meta.url).pathname,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // Two pages: the console (index.html: React and antd) and the household's phone page (phone.html:
      // plain React, a few tens of kB) that the printed card's QR code opens on a slow link.
      input: { console: `${here}index.html`, phone: `${here}phone.html` },
      // antd marks its modules "use client" for React Server Components; irrelevant in a plain bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { fs: { allow: [new URL('../..', import.meta.url).pathname] } },
});
