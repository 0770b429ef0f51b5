// tesseract.js-core on its own, for the benches that time the engine without tesseract.js
// around it: the same wasm build tesseract.js picks here (SIMD, LSTM only), the repository's
// model, PSM 6 as the pipeline sets it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tessdataDir } from '../pipeline/ingest/ocr.js';

export interface EngineApi {
  Init(path: string, lang: string, oem: number): number;
  SetVariable(name: string, value: string): void;
  SetImageFile(exif: number, angle: number): number;
  Recognize(monitor: null): number;
  GetTSVText(page: number): string;
  End(): void;
}

export interface Engine {
  api: EngineApi;
  /** Puts an encoded image where SetImageFile reads it. */
  writeInput(bytes: Uint8Array): void;
}

type CoreModule = { FS: { mkdir(p: string): void; writeFile(p: string, d: Uint8Array): void }; TessBaseAPI: new () => EngineApi };

/** Loads and starts the engine with the Vietnamese model (V8 flags must be set before). */
export async function startEngine(): Promise<Engine> {
  const require = createRequire(import.meta.url);
  const core = require('tesseract.js-core/tesseract-core-simd-lstm') as (o: object) => Promise<CoreModule>;
  const M = await core({});
  M.FS.mkdir('/tessdata');
  M.FS.writeFile('/tessdata/vie.traineddata', readFileSync(join(tessdataDir(), 'vie.traineddata')));
  const api = new M.TessBaseAPI();
  if (api.Init('/tessdata', 'vie', 1) !== 0) throw new Error('tesseract.js-core did not start');
  api.SetVariable('tessedit_pageseg_mode', '6');
  return { api, writeInput: (bytes) => M.FS.writeFile('/input', bytes) };
}
