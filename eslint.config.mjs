import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.next', '**/next-env.d.ts', 'tmp', 'data', 'coverage'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      // DESIGN.md §1: web code stays out of api code, both stay out of shared; STYLE.md's library types.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          // The API loads the lib's file readers (`@kassa/spreadsheet-core/read`, SheetJS) lazily and imports its main
          // entry statically: one lib, two entries, on purpose.
          checkDynamicDependenciesExceptions: ['@kassa/spreadsheet-core'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // No process.env outside the config module (STYLE.md); tests and tools read their own settings.
    files: ['libs/api/**/*.ts', 'apps/api/**/*.ts'],
    ignores: ['libs/api/config/**', '**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through AppConfig.' }],
    },
  },
  {
    // One place per domain for its errors (DESIGN.md §6): a message and its code are written once, in
    // `<domain>.exception.ts`; the database lib's translator of PostgreSQL errors is the other such place.
    files: ['libs/api/**/*.ts'],
    ignores: ['**/*.exception.ts', 'libs/api/database/src/lib/database-errors.ts', '**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='ApiException']", message: "Throw a factory from the domain's <domain>.exception.ts." },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
