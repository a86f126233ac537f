export * from './documents';
export * from './facets';
export * from './query';
export * from './snippet';
export * from './store';
export * from './engine';
export * from './places';
