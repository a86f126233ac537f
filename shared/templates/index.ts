export * from './schema';
export * from './parse';
export * from './apply';
export * from './locate';
export * from './registry';
