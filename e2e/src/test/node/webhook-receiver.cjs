// A webhook receiver for WebhooksTest: verifies every delivery with the Standard Webhooks reference library
// (npm `standardwebhooks`, which nobody here wrote) against each secret it knows, answers 500 to the first
// FAIL_FIRST deliveries (a receiver that fails, then recovers), and writes one JSON line per delivery to stdout.
// Run with NODE_PATH=console/node_modules. Secrets: SECRETS (comma-separated); POST /secrets adds one.
const http = require('node:http');
const { Webhook } = require('standardwebhooks');

const secrets = (process.env.SECRETS || '').split(',').filter(Boolean);
let failFirst = Number(process.env.FAIL_FIRST || 0);
let received = 0;

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.url === '/secrets') {
      secrets.push(body.trim());
      res.writeHead(204).end();
      return;
    }
    received += 1;
    const verifiedWith = [];
    let error = null;
    secrets.forEach((secret, index) => {
      try {
        new Webhook(secret).verify(body, req.headers);
        verifiedWith.push(index);
      } catch (e) {
        error = String(e.message || e);
      }
    });
    const failing = received <= failFirst;
    const status = verifiedWith.length === 0 ? 400 : failing ? 500 : 204;
    process.stdout.write(JSON.stringify({
      n: received, status, id: req.headers['webhook-id'], signature: req.headers['webhook-signature'],
      verifiedWith, error, body: JSON.parse(body || 'null'),
    }) + '\n');
    res.writeHead(status).end();
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('{"listening":true}\n'));
