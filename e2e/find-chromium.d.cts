export declare const SYSTEM_CHROMIUM: string;

export interface FoundChromium {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'playwright';
}

export declare function findChromium(env?: Record<string, string | undefined>): FoundChromium | null;
