export * from './timeInput';
export * from './zoneView';
export * from './gaps';
export * from './rows';
export * from './merge';
export * from './filter';
export * from './keyTimes';
export * from './fastZone';
