export * from './base';
export * from './merge';
export * from './resolve';
export * from './threads';
export * from './copy';
export * from './signoff';
