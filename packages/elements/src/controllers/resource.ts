import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ResourceStatus = 'idle' | 'pending' | 'ready' | 'empty' | 'error';

export interface ResourceOptions<T, A extends readonly unknown[]> {
  /** Loads the data; must honour `signal`. */
  task: (args: A, signal: AbortSignal) => Promise<T>;
  /** The inputs: when any of them changes (by ===) the task runs again. `undefined` means "not ready to run". */
  args: () => A | undefined;
  /** Whether a result counts as empty (rendered as the empty state). */
  isEmpty?: (value: T) => boolean;
}

/**
 * Loads data for a widget (the `@lit/task` pattern, kept small): pending / ready / empty / error,
 * re-run when its arguments change, aborted when the host disconnects or a newer run starts.
 * The last good value stays available while a refresh is pending or after it fails.
 */
export class Resource<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController {
  status: ResourceStatus = 'idle';
  value: T | undefined = undefined;
  error: unknown = undefined;
  private lastArgs: A | undefined;
  private controller: AbortController | undefined;
  private runId = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResourceOptions<T, A>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.options.args();
    if (args === undefined) return;
    if (this.lastArgs && args.length === this.lastArgs.length && args.every((a, i) => a === this.lastArgs![i])) return;
    this.lastArgs = args;
    void this.run(args);
  }

  hostDisconnected(): void {
    this.abort();
    // Run again when re-attached.
    this.lastArgs = undefined;
  }

  /** Runs the task again with the current arguments (a retry button, a refresh timer). */
  async refresh(): Promise<void> {
    const args = this.options.args();
    if (args === undefined) return;
    this.lastArgs = args;
    await this.run(args);
  }

  abort(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  private async run(args: A): Promise<void> {
    this.abort();
    const controller = new AbortController();
    this.controller = controller;
    const id = ++this.runId;
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await this.options.task(args, controller.signal);
      if (id !== this.runId) return;
      this.value = value;
      this.error = undefined;
      this.status = this.options.isEmpty?.(value) ? 'empty' : 'ready';
    } catch (error) {
      if (id !== this.runId || controller.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    } finally {
      if (id === this.runId) this.controller = undefined;
    }
    this.host.requestUpdate();
  }
}
