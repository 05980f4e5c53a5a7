import type { ImportKind } from '@kassa/spreadsheet-core';
import type { ColumnMapping } from './column-mapping';
import type { FilePreview, ShopFormat } from './import-preview';

export interface PreviewRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  kind: ImportKind;
  shop: ShopFormat;
  mapping?: ColumnMapping;
}

/** `ready` comes once, when the worker listens: a message posted before that could be lost while its chunks load. */
export type PreviewResponse = { id: number; preview: FilePreview } | { id: number; failure: string } | { ready: true };

/** Something that answers previews in order of asking: the worker in the browser. */
export interface PreviewPort {
  postMessage(request: PreviewRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PreviewResponse>) => void): void;
  /** The worker itself failed (its script did not load or threw outside a request). */
  onerror: ((event: Event) => void) | null;
  terminate(): void;
}

/**
 * Asks the preview worker to read a file and answers its preview; a newer request does not wait for an
 * older one, and each answer goes to the request that asked for it.
 */
export class PreviewClient {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(preview: FilePreview): void; reject(error: Error): void }>();
  private readonly ready: Promise<void>;

  constructor(private readonly port: PreviewPort) {
    let listening: () => void = () => undefined;
    this.ready = new Promise((resolve) => (listening = resolve));
    port.addEventListener('message', ({ data }) => {
      if ('ready' in data) return listening();
      const waiter = this.waiting.get(data.id);
      if (!waiter) return;
      this.waiting.delete(data.id);
      if ('preview' in data) waiter.resolve(data.preview);
      else waiter.reject(new Error(data.failure));
    });
    port.onerror = () => this.failAll('the file reader stopped');
  }

  preview(request: Omit<PreviewRequest, 'id'>): Promise<FilePreview> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Posted once the worker listens, unless the client was closed meanwhile.
      void this.ready.then(() => this.waiting.has(id) && this.port.postMessage({ ...request, id }));
    });
  }

  close(): void {
    this.port.terminate();
    this.failAll('the file reader was closed');
  }

  private failAll(reason: string): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error(reason));
    this.waiting.clear();
  }
}

/** The worker the import screen reads files in (bundled by Next from this module's URL). */
export function startPreviewWorker(): PreviewClient {
  return new PreviewClient(new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' }) as unknown as PreviewPort);
}
