/** A minimal event emitter (the backends cannot use `vscode.EventEmitter`). */

export interface Disposable {
  dispose(): void;
}

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  /** Subscribes; the returned object unsubscribes. */
  readonly event = (listener: (value: T) => void): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Calls every listener; one that throws does not stop the others. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A listener's failure is its own; the state change already happened.
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
