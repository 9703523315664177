// Validates every manifest of a rendered chart against the Kubernetes schemas of kubernetes-models.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

const docs = yaml.loadAll(readFileSync(process.argv[2], 'utf8')).filter(Boolean);
const paths = { 'apps/v1': 'apps/v1', 'v1': 'v1', 'batch/v1': 'batch/v1', 'networking.k8s.io/v1': 'networking.k8s.io/v1',
  'policy/v1': 'policy/v1', 'autoscaling/v2': 'autoscaling/v2' };
let failures = 0;
for (const doc of docs) {
  const dir = paths[doc.apiVersion];
  if (!dir) { console.error(`unknown apiVersion ${doc.apiVersion} (${doc.kind})`); failures++; continue; }
  const module = await import(`kubernetes-models/${dir}/${doc.kind}`);
  const Model = module[doc.kind] ?? module.default;
  try {
    new Model(doc).validate();
    console.log(`ok ${doc.kind} ${doc.metadata?.name}`);
  } catch (e) {
    failures++;
    console.error(`INVALID ${doc.kind} ${doc.metadata?.name}: ${e.message}`);
  }
}
console.log(`${docs.length} manifests, ${failures} invalid`);
process.exit(failures === 0 && docs.length > 0 ? 0 : 1);
