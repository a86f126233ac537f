/** App version from package.json, injected by vite `define`. */
declare const __APP_VERSION__: string;
