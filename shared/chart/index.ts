export * from './palette';
export * from './ticks';
export * from './layout';
export * from './svg';
export * from './density';
