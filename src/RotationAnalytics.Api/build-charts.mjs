// Bundles the parts of Apache ECharts the dashboard draws with (charts.entry.js) into wwwroot/lib (git-ignored) as a
// classic script defining window.echarts. Run by the build (RotationAnalytics.Api.csproj) as `npm run build:charts`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const version = name => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url))).version;

await build({
  entryPoints: ['charts.entry.js'],
  outfile: 'wwwroot/lib/echarts.dashboard.min.js',
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'echarts',
  target: 'es2022',
  legalComments: 'eof',
  banner: {
    // V8's compile hint must be the script's first line: Chromium then compiles every function on a background thread
    // while the page waits for its data, instead of one by one on the main thread while the charts draw.
    js: [
      '//# allFunctionsCalledOnLoad',
      `/*! Apache ECharts ${version('echarts')} (Apache-2.0, echarts-LICENSE.txt and echarts-NOTICE.txt), ZRender ${version('zrender')} ` +
        `(BSD-3-Clause, zrender-LICENSE.txt), tslib ${version('tslib')} (0BSD): the parts in charts.entry.js, bundled by build-charts.mjs */`,
    ].join('\n'),
  },
  logLevel: 'warning',
});
