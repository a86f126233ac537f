export * from './channels';
export * from './contract';
export * from './menu';
export type * from './bridge';
