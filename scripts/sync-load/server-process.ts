import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../apps/api/src/main.ts', import.meta.url));
// Starting through tsx takes about 2 s on a 2-core machine; a loaded one needs more.
const START_TIMEOUT_MS = 30_000;
// Enough of the server's output to explain a failed start without keeping every request log.
const KEPT_LOG_CHARS = 20_000;

export interface ServerEnv {
  DATA_DIR: string;
  /** Empty for SQLite in DATA_DIR. */
  DATABASE_URL: string;
  [name: string]: string;
}

/** One real API process, as `npm start` runs it, on a fixed port so devices keep their URL across restarts. */
export class ServerProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private log = '';

  constructor(
    private readonly env: ServerEnv,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The last part of the server's output, for failure messages. */
  get output(): string {
    return this.log;
  }

  async start(): Promise<void> {
    if (this.child) throw new Error(`server on ${this.url} is already running`);
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // Request logs at info level would cost the server more than the benchmarked work.
        LOG_LEVEL: 'warn',
        DEMO_DATA: 'false',
        BASEMAP_STYLE_URL: 'none',
        HOST: '127.0.0.1',
        ...this.env,
        PORT: String(this.port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let exited: string | null = null;
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-KEPT_LOG_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', (code, signal) => {
      exited = String(code ?? signal);
      if (this.child === child) this.child = null;
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await this.healthy())) {
      if (exited !== null) throw new Error(`server on ${this.url} exited with ${exited} while starting:\n${this.log}`);
      if (Date.now() > deadline) {
        await this.kill();
        throw new Error(`server on ${this.url} did not start in time:\n${this.log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async healthy(): Promise<boolean> {
    try {
      const response = await fetch(`${this.url}/api/health`);
      return response.ok;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no shutdown hook runs, open transactions die with the process. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  /** SIGTERM: the graceful shutdown `npm start` does on Ctrl+C. */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  private end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return Promise.resolve();
    if (child.exitCode !== null || child.signalCode !== null) {
      this.child = null;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.on('exit', () => {
        this.child = null;
        resolve();
      });
      child.kill(signal);
    });
  }
}

/** A port nothing listens on right now (the kernel's pick), reused for every restart of one server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
