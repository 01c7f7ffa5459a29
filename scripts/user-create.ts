import { parseArgs } from 'node:util';
import { getDatabaseHandle } from '@/db/client';
import { z } from 'zod';
import { createAccountWithSetupLink } from '@/db/queries/accounts';
import { findUserByEmail } from '@/db/queries/users';
import { auditEvents } from '@/db/schema';
import { emailSchema, personNameSchema } from '@/lib/projects/schemas';
import { migrateDatabase } from '@/db/migrate';

/**
 * `npm run user:create -- --email a@b.fr --name "Ada Lovelace" [--admin]`
 * Creates an account and prints its one-time link to choose a password (there is no e-mail here).
 */
const accountSchema = z.object({ email: emailSchema, name: personNameSchema });

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean', default: false } },
  });
  if (!values.email || !values.name) {
    throw new Error('Usage : npm run user:create -- --email prenom.nom@exemple.fr --name "Prénom Nom" [--admin]');
  }
  const handle = getDatabaseHandle();
  try {
    await migrateDatabase(handle);
    const account = accountSchema.parse({ email: values.email, name: values.name });
    const setupLink = await handle.db.transaction(async (tx) => {
      if (await findUserByEmail(tx, account.email)) throw new Error(`Un compte existe déjà pour ${account.email}.`);
      const created = await createAccountWithSetupLink(tx, { ...account, isAdmin: values.admin ?? false });
      await tx.insert(auditEvents).values({
        entity: 'user',
        entityId: created.user.id,
        action: 'create',
        // By id only: the name and e-mail live in users, where they can be pseudonymized.
        after: { isAdmin: values.admin ?? false, via: 'cli' },
      });
      return created.setupLink;
    });
    const base = process.env.AUTH_URL ?? 'http://localhost:3000';
    console.log(`Compte créé. Lien à usage unique (7 jours) pour choisir le mot de passe :\n${new URL(setupLink, base)}`);
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
