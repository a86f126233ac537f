export { useBundleActions, type BundleActions } from './hooks/useBundleActions';
export { bundleFileName, slugify } from './slug';
