import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { assertSafeKey, type ObjectStorage } from './storage';

export interface S3StorageOptions {
  bucket: string;
  /** Key prefix inside the bucket (e.g. `passerelle/`), so one bucket can serve several instances. */
  prefix?: string;
  client: S3ClientConfig;
}

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Garage, Scaleway, OVH…). Credentials come from the AWS SDK's
 * usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles) unless given in `client`.
 */
export function s3Storage(options: S3StorageOptions): ObjectStorage {
  const client = new S3Client(options.client);
  const prefix = options.prefix ?? '';
  const keyOf = (key: string) => {
    assertSafeKey(key);
    return `${prefix}${key}`;
  };

  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket: options.bucket, Key: keyOf(key), Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: keyOf(key) }));
        return object.Body ? (object.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async delete(key) {
      // S3 answers a delete of a missing key with success: removing twice is not an error, as the contract says.
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: keyOf(key) }));
    },
  };
}
