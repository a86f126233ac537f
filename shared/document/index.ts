export * from './blocks';
export * from './nodes';
export * from './transformers';
export * from './headless';
export * from './html';
export * from './text';
export * from './sample';
export * from './outline';
