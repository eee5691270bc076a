import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In production the API serves dist/ and every /api call is same-origin; the dev server forwards them.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
