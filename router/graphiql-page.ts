import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type http from 'node:http';

/** URL prefix under which the router serves GraphiQL's own scripts and styles. */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/assets/';

const require = createRequire(import.meta.url);
const assetDir = path.join(path.dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');

// The files GraphiQL needs, and nothing else from the package folder, may be served.
const ASSETS: Record<string, string> = {
  'graphiql.css': 'text/css; charset=utf-8',
  'yoga-graphiql.umd.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/editor.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/json.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/graphql.worker..bundle.js': 'text/javascript; charset=utf-8',
};

/** Options GraphiQL starts with. */
export interface GraphiqlOptions {
  endpoint: string;
  defaultQuery: string;
  /** Address of the development identity provider; when set, the page offers a seeded-user picker. */
  devIdentityProviderUrl: string | null;
}

/**
 * Renders the GraphiQL page. Every script, style and editor worker comes from this router, so the
 * page works on networks without internet access.
 */
export function renderGraphiqlPage(options: GraphiqlOptions): string {
  const settings = JSON.stringify({
    endpoint: options.endpoint,
    title: 'IVO-grafen',
    defaultQuery: options.defaultQuery,
    headers: '{}',
    shouldPersistHeaders: false,
  }).replaceAll('<', '\\u003c');
  const identityProvider = JSON.stringify(options.devIdentityProviderUrl).replaceAll('<', '\\u003c');
  const asset = (file: string) => `${GRAPHIQL_ASSET_PREFIX}${file}`;

  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>IVO-grafen – GraphiQL</title>
<link rel="stylesheet" href="${asset('graphiql.css')}">
<style>
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; }
#root { flex: 1; min-height: 0; }
#root .graphiql-container { height: 100%; }
#caller { display: none; gap: 0.5em; align-items: center; padding: 0.4em 0.8em; font: 14px system-ui, sans-serif; background: #f3f4f6; border-bottom: 1px solid #d1d5db; }
#caller select { font: inherit; max-width: 40em; }
</style>
</head>
<body class="no-focus-outline">
<noscript>GraphiQL behöver JavaScript.</noscript>
<div id="caller"><label for="caller-select">Anropa som (utvecklingsinloggning):</label>
<select id="caller-select"><option value="">Anonym</option></select><span id="caller-status"></span></div>
<div id="root">Läser in GraphiQL …</div>
<script>
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    if (label === 'json') return ${JSON.stringify(asset('monacoeditorwork/json.worker.bundle.js'))};
    if (label === 'graphql') return ${JSON.stringify(asset('monacoeditorwork/graphql.worker..bundle.js'))};
    return ${JSON.stringify(asset('monacoeditorwork/editor.worker.bundle.js'))};
  }
};
</script>
<script src="${asset('yoga-graphiql.umd.js')}"></script>
<script>
(async function start() {
  var settings = ${settings};
  var identityProvider = ${identityProvider};
  // This GraphiQL build opens with settings.query; the example shows only until the user has tabs of their own.
  var hasOwnTabs = Object.keys(localStorage).some(function (key) { return key.indexOf('graphiql:tabState') === 0; });
  if (!hasOwnTabs && !new URLSearchParams(location.search).has('query')) settings.query = settings.defaultQuery;
  var chosen = new URLSearchParams(location.search).get('anvandare') || '';
  var status = document.getElementById('caller-status');
  if (identityProvider) {
    document.getElementById('caller').style.display = 'flex';
    var select = document.getElementById('caller-select');
    try {
      var users = await (await fetch(identityProvider + '/anvandare')).json();
      users.forEach(function (user) {
        var option = document.createElement('option');
        option.value = user.id;
        option.textContent = user.id + ' ' + user.namn + (user.roller.length ? ' – ' + user.roller.join('; ') : ' – ingen roll');
        select.appendChild(option);
      });
      select.value = chosen;
      if (chosen) {
        var answer = await (await fetch(identityProvider + '/token?anvandare=' + encodeURIComponent(chosen))).json();
        settings.headers = JSON.stringify({ Authorization: 'Bearer ' + answer.token }, null, 2);
      }
    } catch (error) {
      status.textContent = 'Utvecklingsinloggningen svarar inte: ' + error;
    }
    select.addEventListener('change', function () {
      var query = new URLSearchParams(location.search);
      if (select.value) query.set('anvandare', select.value); else query.delete('anvandare');
      location.search = query.toString();
    });
  }
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), settings);
})();
</script>
</body>
</html>`;
}

/** Serves a GraphiQL asset when the request asks for one; returns false for any other path. */
export function serveGraphiqlAsset(pathname: string, response: http.ServerResponse): boolean {
  if (!pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) return false;
  const file = pathname.slice(GRAPHIQL_ASSET_PREFIX.length);
  const contentType = ASSETS[file];
  if (!contentType) {
    response.statusCode = 404;
    response.end();
    return true;
  }

  response.statusCode = 200;
  response.setHeader('content-type', contentType);
  response.setHeader('cache-control', 'public, max-age=86400');
  fs.createReadStream(path.join(assetDir, file)).pipe(response);
  return true;
}
