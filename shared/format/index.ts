export * from './duration';
export * from './zoned';
export * from './parse';
export * from './zones';
export * from './window';
export * from './patterns';
