import path from 'node:path';
import { localStorage } from './local-storage';
import { s3Storage } from './s3-storage';
import type { ObjectStorage } from './storage';

type Env = Record<string, string | undefined>;

/**
 * The driver the environment asks for (README, "Pièces jointes"): S3 when PASSERELLE_S3_BUCKET is set, otherwise a
 * directory: PASSERELLE_ATTACHMENTS_DIR, else `attachments/` in the data folder (PASSERELLE_DATA_DIR or `.data`,
 * the same folder db/config.ts uses for the embedded database — lib/ may not import db/, so it is spelled here too).
 */
export function selectStorage(env: Env = process.env): ObjectStorage {
  const bucket = env.PASSERELLE_S3_BUCKET?.trim();
  if (bucket) {
    const pathStyle = env.PASSERELLE_S3_FORCE_PATH_STYLE?.trim().toLowerCase();
    return s3Storage({
      bucket,
      prefix: env.PASSERELLE_S3_PREFIX?.trim() || undefined,
      client: {
        region: env.PASSERELLE_S3_REGION?.trim() || env.AWS_REGION || 'us-east-1',
        ...(env.PASSERELLE_S3_ENDPOINT?.trim() && { endpoint: env.PASSERELLE_S3_ENDPOINT.trim() }),
        // MinIO and most self-hosted servers serve buckets as paths (http://host/bucket/key), not as sub-domains.
        forcePathStyle: pathStyle === 'true' || pathStyle === '1',
      },
    });
  }
  const dir = env.PASSERELLE_ATTACHMENTS_DIR?.trim() || path.join(env.PASSERELLE_DATA_DIR ?? '.data', 'attachments');
  return localStorage(path.resolve(/*turbopackIgnore: true*/ dir));
}

let current: { env: string; storage: ObjectStorage } | null = null;

/** The process's storage, built once per configuration (tests change the environment between files). */
export function getStorage(): ObjectStorage {
  const env = JSON.stringify(
    ['PASSERELLE_S3_BUCKET', 'PASSERELLE_S3_ENDPOINT', 'PASSERELLE_S3_REGION', 'PASSERELLE_S3_PREFIX', 'PASSERELLE_S3_FORCE_PATH_STYLE', 'PASSERELLE_ATTACHMENTS_DIR', 'PASSERELLE_DATA_DIR'].map(
      (name) => process.env[name],
    ),
  );
  if (current?.env !== env) current = { env, storage: selectStorage() };
  return current.storage;
}
