import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// Keep in step with --color-brand in src/styles/base.css and the theme-color meta in index.html.
const BRAND = '#0e5754';
const BACKGROUND = '#f3f4f0';

// In production the API serves dist/ and every /api call is same-origin; the dev server forwards them.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      // src/shell/service-worker.ts registers it with workbox-window, so the update prompt can ask first.
      injectRegister: false,
      // The glob below already lists the icons; listing them twice would only duplicate precache entries.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Quartiersatlas',
        short_name: 'Quartiersatlas',
        description: 'Angebote, Leerstände, Brachflächen und Bedarfe in Eving und Marten gemeinsam kartieren.',
        lang: 'de',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: BRAND,
        background_color: BACKGROUND,
        categories: ['productivity', 'utilities'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      injectManifest: {
        // The whole shell, the lazily loaded map chunk included: a cold start in airplane mode needs all of it.
        globPatterns: ['**/*.{js,css,html,svg,png,woff,woff2}'],
        // MapLibre alone is close to 1 MB minified; the default 2 MiB cap leaves too little headroom.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
