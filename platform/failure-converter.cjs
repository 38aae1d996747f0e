// Failure messages and stack traces go into an encoded payload, so the payload codec encrypts
// them too: a refused event's reason or an activity's error may quote what the insats holds.
// Loaded by path (platform/data-converter.ts): by the SDK in clients and workers with a plain
// require, hence CommonJS, and bundled into the workflow code, where workflow failures are converted.
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
