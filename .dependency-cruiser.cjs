/** Layers point one way (DESIGN.md §6): app → components → lib; app → db/queries → db/schema; pure lib/<domain>. */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'pure-domain-lib',
      comment: 'lib/<domain> holds pure logic: no app, components, database or React (lib/actions and lib/session are the server glue).',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/(actions|session)/' },
      to: { path: '^(app|components|db)/|node_modules/(react|react-dom|next|next-auth|drizzle-orm|postgres|@electric-sql)/' },
    },
    {
      name: 'components-do-not-reach-up',
      comment: 'Components receive data and actions as props; they never import pages, actions or the database.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(app|db)/' },
    },
    {
      name: 'db-below-app',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'schema-is-the-bottom',
      severity: 'error',
      from: { path: '^db/schema/' },
      to: { path: '^db/(queries|seed)/|^lib/(actions|session)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
