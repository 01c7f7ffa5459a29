import { afterAll, inject } from 'vitest';
import { installDatabaseHandle } from '@/db/client';
import { openTestDatabase } from './test-database';

// Each test file runs on its own copy of the migrated database: files never see each other's rows.
const { handle, dispose } = await openTestDatabase(inject('passerelleDatabase'));
installDatabaseHandle(handle);

afterAll(async () => {
  await dispose();
});
