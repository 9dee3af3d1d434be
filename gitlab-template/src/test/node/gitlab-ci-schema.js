// Prints GitLab's CI JSON schema (app/assets/javascripts/editor/schema/ci.json) as gitlab-ci-local
// bundles it, so the templates can be validated offline against the schema GitLab's editor uses.
// Usage: node gitlab-ci-schema.js <gitlab-ci-local package dir>
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const bundle = fs.readFileSync(path.join(process.argv[2], 'dist', 'index.js'), 'utf8');
const marker = '{$schema:"http://json-schema.org/draft-07/schema#",$id:"https://gitlab.com/.gitlab-ci.yml"';
const start = bundle.indexOf(marker);
if (start < 0) {
  console.error('GitLab CI schema not found in this gitlab-ci-local bundle');
  process.exit(2);
}
// The schema is one object literal: find its closing brace, skipping over string literals.
let depth = 0;
let end = -1;
for (let i = start; i < bundle.length && end < 0; i++) {
  const c = bundle[i];
  if (c === '"' || c === "'" || c === '`') {
    for (i++; bundle[i] !== c; i++) if (bundle[i] === '\\') i++;
  } else if (c === '{') {
    depth++;
  } else if (c === '}' && --depth === 0) {
    end = i + 1;
  }
}
const schema = vm.runInNewContext('(' + bundle.slice(start, end) + ')', {}, {timeout: 5000});
process.stdout.write(JSON.stringify(schema));
