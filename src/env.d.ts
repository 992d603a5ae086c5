/// <reference types="astro/client" />

/** This build's id (see src/integrations/build-id.ts), defined at build time. */
declare const __BUILD_ID__: string;
