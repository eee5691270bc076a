/**
 * What the browser benchmarks of single pages share: build one of apps/web's bench pages with the
 * web app's own Vite and React plugin, serve the build from 127.0.0.1, and launch Debian's
 * Chromium with software WebGL (the machines have no GPU).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

const web = join(fileURLToPath(new URL('../..', import.meta.url)), 'apps/web');

interface ViteApi {
  build(config: Record<string, unknown>): Promise<unknown>;
}

/** Builds apps/web/<page> into outDir; Vite and its React plugin belong to apps/web, so they load from there. */
export async function buildBenchPage(page: string, outDir: string): Promise<void> {
  const require = createRequire(join(web, 'package.json'));
  const vite = (await import(pathToFileURL(require.resolve('vite')).href)) as ViteApi;
  const react = (await import(pathToFileURL(require.resolve('@vitejs/plugin-react')).href)) as {
    default: () => unknown;
  };
  await vite.build({
    root: web,
    configFile: false,
    logLevel: 'error',
    plugins: [react.default()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: join(web, page) } },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** Serves a built bench page on a free port of 127.0.0.1; `url` opens the page. */
export function serveBenchPage(dir: string, page: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    try {
      const body = readFileSync(join(dir, path === '/' ? page : path));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/${page}`, server });
    });
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      // WebGL through SwiftShader (software); newer Chromium wants this opt-in for it.
      '--enable-unsafe-swiftshader',
    ],
  });
}
