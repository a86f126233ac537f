/**
 * Sync of shared incidents (docs/sync-design.md): the layout of the model and review documents,
 * local writes into them, their projection into rows with the cause-tree repair, and the review
 * permission check the server and the app share; document names and token claims.
 */
export * from './model';
export * from './tree';
export * from './project';
export * from './mirror';
export * from './permissions';
export * from './names';
export * from './tokens';
export * from './patch';
