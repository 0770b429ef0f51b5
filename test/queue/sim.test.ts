// The simulation of many workers (bench/queue-sim.ts): the two regimes it must reproduce.
import { describe, expect, test } from 'vitest';
import { dbLimitWorkers, simulate, type SimParams } from '../../bench/queue-sim.js';

const base: SimParams = { pageSeconds: 1, jobSeconds: 0, dbCpuSeconds: 0.001, dbCores: 4, docPages: [5], pageBytes: 1000, dbMBps: 1000 };

describe('queue simulation', () => {
  test('workers are the limit: the wall time is the work divided among them', () => {
    const r = simulate(10_000, 10, base);
    expect(r.jobs).toBe(2000);
    // 10,000 page-seconds on 10 workers, plus the database's milliseconds.
    expect(r.seconds).toBeGreaterThanOrEqual(1000);
    expect(r.seconds).toBeLessThan(1000 * 1.01);
    expect(r.dbBusy).toBeLessThan(0.01);
  });

  test('the database is the limit: more workers do not help past it', () => {
    const slowDb = { ...base, dbCpuSeconds: 0.5 };
    // 2000 jobs × 0.5 s on 4 cores = 250 s at best, however many workers.
    const r50 = simulate(10_000, 50, slowDb);
    const r200 = simulate(10_000, 200, slowDb);
    expect(r200.seconds).toBeGreaterThanOrEqual(250);
    expect(r200.seconds).toBeLessThan(r50.seconds * 1.05);
    expect(r200.dbBusy).toBeGreaterThan(0.9);
    expect(dbLimitWorkers(slowDb)).toMatchObject({ by: 'cpu', pagesPerSecond: 40 });
    // The bytes: 5 pages × 1 MB × 3 passes per job at 10 MB/s.
    expect(dbLimitWorkers({ ...base, pageBytes: 1e6, dbMBps: 10 }).by).toBe('bytes');
  });

  test('seeded: the same parameters give the same table', () => {
    const mixed = { ...base, docPages: [1, 3, 7, 12] };
    expect(simulate(100_000, 50, mixed)).toEqual(simulate(100_000, 50, mixed));
  });
});
