export * from './palette';
export * from './contrast';
export * from './ticks';
export * from './layout';
export * from './svg';
export * from './density';
export * from './sparkline';
export * from './blockDensity';
