export * from './summary';
export * from './metrics';
export * from './similar';
export * from './charts';
export * from './figures';
export * from './review';
