export * from './dates';
export * from './prefs';
export * from './due';
export * from './items';
export * from './query';
export * from './csv';
export * from './csvParse';
export * from './csvImport';
