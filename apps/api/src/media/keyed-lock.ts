/**
 * Runs tasks with the same key one after another (tasks with different keys run freely). A device
 * that retries a chunk after a timeout may reach the server while the first attempt is still being
 * written; queueing them keeps the two from writing the same partial file at once.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const current = (this.#tails.get(key) ?? Promise.resolve()).then(task);
    const tail = current.catch(() => undefined);
    this.#tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
