// Version of thidua and of its extractor; a record stores the extractor version so the
// library can re-extract plans when it changes.
export const VERSION = '0.1.0';
export const EXTRACTOR_VERSION = '1';
