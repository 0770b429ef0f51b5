// Progress of uploads being read: a client names its upload (X-Upload-Id header or ?upload=),
// then follows it with GET /api/uploads/:id (JSON) or /api/uploads/:id/events (server-sent
// events): stage, pages OCR'd, and at the end the plan id or the error.
export type UploadStage = 'queued' | 'reading' | 'ocr' | 'storing' | 'done' | 'failed';

export interface UploadState {
  id: string;
  stage: UploadStage;
  /** Pages read so far and in all (OCR), when known. */
  done: number | null;
  total: number | null;
  /** The plan, once stored. */
  planId: number | null;
  status: string | null;
  error: { code: string; message: string } | null;
  updatedAt: number;
}

type Listener = (state: UploadState) => void;

/** Uploads forgotten this long after their last change. */
const KEEP_MS = 15 * 60 * 1000;
const MAX_TRACKED = 1000;

export const UPLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class UploadTracker {
  private states = new Map<string, UploadState>();
  private listeners = new Map<string, Set<Listener>>();

  get(id: string): UploadState | null {
    return this.states.get(id) ?? null;
  }

  /** The state of an upload, created as queued when a client subscribes before it posts. */
  ensure(id: string): UploadState {
    let state = this.states.get(id);
    if (!state) {
      this.prune();
      state = { id, stage: 'queued', done: null, total: null, planId: null, status: null, error: null, updatedAt: Date.now() };
      this.states.set(id, state);
    }
    return state;
  }

  update(id: string | null, change: Partial<Omit<UploadState, 'id'>>): void {
    if (!id) return;
    const state = Object.assign(this.ensure(id), change, { updatedAt: Date.now() });
    for (const l of this.listeners.get(id) ?? []) l({ ...state });
  }

  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.listeners.delete(id);
    };
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, s] of this.states) {
      if (now - s.updatedAt > KEEP_MS && !this.listeners.has(id)) this.states.delete(id);
    }
    while (this.states.size >= MAX_TRACKED) {
      const oldest = this.states.keys().next().value as string;
      this.states.delete(oldest);
    }
  }
}
