// The record contract's identifier, apart from the zod schema: the extractors write it without
// loading zod (~80 ms at start-up), which only validation needs.
export const SCHEMA_ID = 'thidua.plan/1';
