/** Runs async tasks one at a time, in the order they were queued (a promise-chain mutex). */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  /** Queues `task`; resolves or rejects with its outcome. A failed task does not block the next. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
