// Validates every Kubernetes document in the YAML files given as arguments against the schemas of kubernetes-models@4.
// Prints one line per problem and exits 1 when there is any; unknown kinds are problems too.
// Usage: K8S_MODELS_DIR=<folder holding node_modules> node validate-k8s.mjs file.yaml...
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.K8S_MODELS_DIR ? `${process.env.K8S_MODELS_DIR}/` : import.meta.url);
const yaml = require("js-yaml");
const problems = [];
let validated = 0;

for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (!doc) continue;
    const where = `${file}: ${doc.kind}/${doc.metadata?.name}`;
    let Model;
    try {
      Model = require(`kubernetes-models/${doc.apiVersion}/${doc.kind}`)[doc.kind];
    } catch {
      problems.push(`${where}: no schema for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Model(doc).validate();
      validated++;
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
  }
}

for (const problem of problems) console.log(problem);
console.log(`${validated} documents valid, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
