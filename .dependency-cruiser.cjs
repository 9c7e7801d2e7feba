// Layering of winnow, checked by `npm run check:layers` (dependency-cruiser).
// Each entry is one layer; a module may import its own layer and the layers listed before it, never one after it.
// The runtime (src/) never imports dev/ (corpus building, evaluation, training), which sits above everything.
const LAYERS = [
  ['base', '^src/(errors|budget)\\.ts$|^src/util/'],
  ['page', '^src/page/'],
  ['text', '^src/text/'],
  ['detect', '^src/detect/'],
  ['clean', '^src/clean/'],
  ['analyze', '^src/(analyze|result|cloaked)\\.ts$'],
  ['fetch', '^src/fetch/|^src/retrain\\.ts$'],
  ['store', '^src/store/'],
  ['batch', '^src/(batch|queue)/'],
  ['report', '^src/report/'],
  ['serve', '^src/serve/'],
  ['cli', '^src/cli/'],
  ['api', '^src/index\\.ts$'],
  ['dev', '^dev/'],
];

const forbidden = LAYERS.flatMap(([name, path], i) => {
  const above = LAYERS.slice(i + 1).map(([, p]) => `(${p})`).join('|');
  return above
    ? [{ name: `${name}-imports-above`, severity: 'error', comment: `${name} may import only the layers below it`, from: { path }, to: { path: above } }]
    : [];
});

module.exports = {
  forbidden: [
    ...forbidden,
    { name: 'no-circular', severity: 'error', comment: 'modules form no import cycle', from: { path: '^src/' }, to: { circular: true } },
    { name: 'runtime-not-dev', severity: 'error', comment: 'corpus building, evaluation and training are never imported by the runtime', from: { path: '^src/' }, to: { path: '^(dev/|src/(corpus|eval)/|src/detect/train)' } },
    { name: 'runtime-not-tests', severity: 'error', from: { path: '^src/' }, to: { path: '^(test|bench|scripts)/' } },
    {
      name: 'cli-starts-light',
      severity: 'error',
      comment:
        'the CLI loads the analysis stages, the rule engine and the report inside the command that runs them (a dynamic import): every command starts without them, and a batch scan keeps them out of its main thread',
      from: { path: '^src/cli/' },
      to: { path: '^src/(analyze\\.ts|page/(?!types\\.ts)|text/|detect/(?!scoring\\.ts|types\\.ts)|clean/|report/(?!formats\\.ts|csv\\.ts))', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
