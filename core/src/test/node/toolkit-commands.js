// Reference output of GitHub's toolkit (@actions/core 1.11.1, CommonJS) for one value:
// exportVariable -> $GITHUB_ENV, setOutput -> $GITHUB_OUTPUT, setSecret -> ::add-mask:: on stdout.
// The value arrives base64-encoded in VALUE_B64 so that any bytes survive the trip.
const core = require('@actions/core');
const value = Buffer.from(process.env.VALUE_B64, 'base64').toString('utf8');
core.exportVariable('FROM_TOOLKIT', value);
core.setOutput('from_toolkit', value);
core.setSecret(value);
